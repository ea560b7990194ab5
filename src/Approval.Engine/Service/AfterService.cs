using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Timers;

namespace Approval.Engine.Service;

/// <summary>
/// The work that outlives a project's step and its end: the verification of a commitment (事后核查), the rectification
/// of a 差评 (整改) and the reply to a 督办 — each a department task resumed by its own command whatever step the
/// project stands at, with timers that still run after the project has ended.
/// </summary>
public static class AfterService
{
    /// <summary>Whether tasks of this kind live on after their step and the project's end.</summary>
    public static bool Outlives(TaskKind kind) =>
        kind is TaskKind.CommitmentVerification or TaskKind.Rectification or TaskKind.EscalationReply;

    /// <summary>Whether a timer watches an open task that outlives the project (or, for cards, is late on one).</summary>
    public static bool Watches(ProjectInstance instance, DurableTimer timer) =>
        timer.TaskId is { } id && instance.Tasks.Any(t => t.Id == id && Outlives(t.Kind) && t.IsOpen);

    /// <summary>Whether a project that has ended still takes the command.</summary>
    public static bool Takes(ProjectInstance instance, Command command) => instance.Status switch
    {
        InstanceStatus.Completed => command is VerifyCommitment or FireTimer or RateService or CloseRectification
            or IssueEscalation or ReplyToEscalation or CloseEscalation,
        // A rejected project (不予许可) is rated too, and its 差评 rectified; it has no verifications.
        InstanceStatus.Rejected => command is FireTimer or RateService or CloseRectification
            or IssueEscalation or ReplyToEscalation or CloseEscalation,
        _ => false,
    };
}
