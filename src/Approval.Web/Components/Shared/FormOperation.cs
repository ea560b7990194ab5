using Approval.Engine.Runtime;
using Approval.Web.Api;

namespace Approval.Web.Components.Shared;

/// <summary>
/// The operation id of a form that sends a command to the engine. The page renders a fresh one into a hidden field;
/// the post carries it back, so a double-clicked submit or a reloaded post replays the first result and signs once,
/// exactly as the API's <c>Idempotency-Key</c>.
/// </summary>
public static class FormOperation
{
    /// <summary>A new id for the form's hidden field.</summary>
    public static string NewId() => Guid.NewGuid().ToString("N");

    /// <summary>The engine's operation id for the posted value; a missing or malformed value gets a fresh id (the post
    /// then runs once, but a second click cannot be recognised).</summary>
    public static string For(Actor actor, string? posted) =>
        Idempotency.Scoped(actor, posted is { Length: > 0 and <= 100 } id && id.All(char.IsAsciiLetterOrDigit) ? id : NewId());
}
