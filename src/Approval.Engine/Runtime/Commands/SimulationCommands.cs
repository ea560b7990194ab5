namespace Approval.Engine.Runtime.Commands;

/// <summary>
/// The window converts a simulated approval (模拟审批) into a formal one once the land contract is handed in: every
/// simulated approval becomes a confirmation task of its department (转正确认), except the matters named in
/// <paramref name="ReopenMatters"/>, whose conditions changed and which go to a full review with the matter's limit.
/// </summary>
/// <param name="OperationId">The operation id.</param>
/// <param name="Actor">The window clerk.</param>
/// <param name="InstanceId">The project in simulation.</param>
/// <param name="ReopenMatters">Codes of matters to review again (重新审查); each must have a simulated approval.</param>
/// <param name="Note">What the window records about the conversion, if anything.</param>
public sealed record ConvertSimulation(string OperationId, Actor Actor, Guid InstanceId, IReadOnlyList<string> ReopenMatters, string? Note = null)
    : InstanceCommand(OperationId, Actor, InstanceId);
