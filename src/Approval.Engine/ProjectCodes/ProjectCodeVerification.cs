namespace Approval.Engine.ProjectCodes;

/// <summary>The answer of a project-code check (项目代码核验).</summary>
/// <param name="Confirmed">True when the source accepts the code.</param>
/// <param name="Source">Who answered, e.g. <c>offline</c> or the platform's name; shown to the window clerk and journaled.</param>
/// <param name="Reason">Why it was refused, or what the confirmation does not cover; null when there is nothing to add.</param>
public sealed record ProjectCodeVerification(bool Confirmed, string Source, string? Reason);
