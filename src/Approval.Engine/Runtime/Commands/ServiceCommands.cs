using Approval.Engine.Service;

namespace Approval.Engine.Runtime.Commands;

/// <summary>
/// The applicant (or its agent, in the applicant's name) rates a decided matter, or the whole project once it has
/// ended (好差评); the same command changes the rating within the period allowed.
/// </summary>
/// <param name="OperationId">The operation id.</param>
/// <param name="Actor">The project's investor or its agent.</param>
/// <param name="InstanceId">The project.</param>
/// <param name="MatterCode">The matter rated; null rates the whole project.</param>
/// <param name="Level">The level on the five-level scale.</param>
/// <param name="Reason">A reason code of <see cref="RatingReasons"/> for the level.</param>
/// <param name="Comment">Required for 不满意 and 非常不满意.</param>
public sealed record RateService(string OperationId, Actor Actor, Guid InstanceId, string? MatterCode, RatingLevel Level,
    string Reason, string? Comment) : InstanceCommand(OperationId, Actor, InstanceId);

/// <summary>The department closes a rectification (整改) with what it changed and the call-back record (回访).</summary>
/// <param name="OperationId">The operation id.</param>
/// <param name="Actor">An approver of the task's department.</param>
/// <param name="TaskId">The rectification task.</param>
/// <param name="Measures">What the department changed (整改措施).</param>
/// <param name="CallBack">The call-back record (回访记录): when and how the applicant was called back and what it said.</param>
public sealed record CloseRectification(string OperationId, Actor Actor, Guid TaskId, string Measures, string CallBack)
    : TaskCommand(OperationId, Actor, TaskId);

/// <summary>The supervisor issues a 督办 on a late or near-due task, or on the project for one department.</summary>
/// <param name="OperationId">The operation id.</param>
/// <param name="Actor">A supervisor.</param>
/// <param name="InstanceId">The project.</param>
/// <param name="TaskId">The late or near-due task; null for the project as a whole.</param>
/// <param name="DepartmentId">With no task: the department holding open work on the late or near-due project.</param>
/// <param name="Notice">The notice (督办意见).</param>
/// <param name="ReplyWorkingDays">Working days the department has to reply.</param>
public sealed record IssueEscalation(string OperationId, Actor Actor, Guid InstanceId, Guid? TaskId, string? DepartmentId,
    string Notice, int ReplyWorkingDays) : InstanceCommand(OperationId, Actor, InstanceId);

/// <summary>The department's written reply to a 督办, on its reply task.</summary>
public sealed record ReplyToEscalation(string OperationId, Actor Actor, Guid TaskId, string Reply)
    : TaskCommand(OperationId, Actor, TaskId);

/// <summary>The supervisor closes a 督办 the department has replied to.</summary>
public sealed record CloseEscalation(string OperationId, Actor Actor, Guid InstanceId, Guid EscalationId, string? Note)
    : InstanceCommand(OperationId, Actor, InstanceId);
