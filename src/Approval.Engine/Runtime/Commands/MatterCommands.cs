using NodaTime;

namespace Approval.Engine.Runtime.Commands;

/// <summary>How a department decides its matter.</summary>
public enum MatterDecision
{
    Approve,
    Reject,
    RequestCorrection,
    /// <summary>准予许可（告知承诺）: only for a matter the applicant chose on commitment; opens the verification (事后核查).</summary>
    ApproveOnCommitment,
}

/// <summary>
/// The department's verification (事后核查) of a commitment: confirmed, or false — then the approval is revoked (撤销)
/// and the project unit is marked for the credit record.
/// </summary>
/// <param name="OperationId">The operation id.</param>
/// <param name="Actor">An approver of the matter's department.</param>
/// <param name="TaskId">The verification task.</param>
/// <param name="Confirmed">True when the commitment is found true.</param>
/// <param name="Findings">What the verification found; required when false.</param>
public sealed record VerifyCommitment(string OperationId, Actor Actor, Guid TaskId, bool Confirmed, string? Findings)
    : TaskCommand(OperationId, Actor, TaskId);

/// <summary>A department's sign-off (审批决定) on its own matter.</summary>
public sealed record DecideMatter(string OperationId, Actor Actor, Guid TaskId, MatterDecision Decision,
    string? Reasons, IReadOnlyList<string> Items) : TaskCommand(OperationId, Actor, TaskId);

/// <summary>Stop a task's clock for an art. 45 reason, with the written notice and the expected length.</summary>
public sealed record StopClock(string OperationId, Actor Actor, Guid TaskId, ClockStopReason Reason, string Notice,
    int ExpectedWorkingDays) : TaskCommand(OperationId, Actor, TaskId);

/// <summary>Restart a stopped clock; counting resumes on <paramref name="ResumesOn"/> (today when null).</summary>
public sealed record ResumeClock(string OperationId, Actor Actor, Guid TaskId, NodaTime.LocalDate? ResumesOn)
    : TaskCommand(OperationId, Actor, TaskId);

/// <summary>Ask a supervisor for more working days (延期申请).</summary>
public sealed record RequestExtension(string OperationId, Actor Actor, Guid TaskId, int WorkingDays, string Reason)
    : TaskCommand(OperationId, Actor, TaskId);

/// <summary>A supervisor approves or refuses an extension request.</summary>
public sealed record DecideExtension(string OperationId, Actor Actor, Guid ExtensionId, bool Approve, string? Note)
    : Command(OperationId, Actor);

/// <summary>A timer has come due (issued by the scheduler, never by a user).</summary>
/// <param name="OperationId">See <see cref="Of"/>: every node gives one occurrence the same id.</param>
/// <param name="TimerId">The timer row.</param>
/// <param name="DueAt">
/// The due time the scheduler claimed: a task's timer is re-armed (follow-up date, then deadline) and moved when the
/// task's dates move, so a firing applies only to the occurrence it was claimed for, and only once it is due.
/// </param>
public sealed record FireTimer(string OperationId, Guid TimerId, Instant DueAt) : Command(OperationId, Actor.System)
{
    /// <summary>The firing of one occurrence, with the operation id every node gives it, so that it is applied once.</summary>
    public static FireTimer Of(Guid timerId, Instant dueAt) => new($"timer:{timerId:N}:{dueAt.ToUnixTimeTicks()}", timerId, dueAt);
}

/// <summary>Re-derives every deadline of a project from the current calendar (after a year's holiday notice was added).</summary>
public sealed record RefreshDeadlines(string OperationId, Guid InstanceId)
    : InstanceCommand(OperationId, Actor.System, InstanceId);
