using Approval.Engine.Runtime;
using Approval.Engine.Supervision;
using NodaTime;

namespace Approval.Web.Api.Contracts;

/// <summary>A task (待办) with its deadline, follow-up date and light.</summary>
public sealed class TaskDto
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public string? ProjectCode { get; set; }
    public string? ProjectName { get; set; }
    public string ActivityId { get; set; } = "";
    public TaskKind Kind { get; set; }
    public string? DepartmentId { get; set; }
    public string? MatterCode { get; set; }
    public string Title { get; set; } = "";
    public Engine.Runtime.TaskStatus Status { get; set; }
    /// <summary>approved, rejected, deemedApproved, passed, correctionRequired, agreed, disagreed, deemedAgreed, corrected.</summary>
    public string? Outcome { get; set; }
    public string? Comment { get; set; }
    public List<string> Items { get; set; } = [];
    public int Round { get; set; }
    public LocalDate? OpenedOn { get; set; }
    public int LimitWorkingDays { get; set; }
    public int ExtensionWorkingDays { get; set; }
    public LocalDate? DueOn { get; set; }
    public LocalDate? WarnOn { get; set; }
    public Light Light { get; set; }
    public Instant? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    /// <summary>True when <c>dueOn</c> (and <c>warnOn</c>) of an open task rest on a year whose holiday notice is not published or verified.</summary>
    public bool Provisional { get; set; }
    /// <summary>Why, as a stable code (as the calendar API's <c>provisionalCode</c>); null when not provisional.</summary>
    public string? ProvisionalCode { get; set; }
    /// <summary>Why, in Chinese (as the calendar API's <c>provisionalReason</c>); null when not provisional.</summary>
    public string? ProvisionalReason { get; set; }
}

/// <summary>
/// A stopped clock (art. 45, or the applicant's 补正) with its notice. <c>startsOn</c> is the first day not counted and
/// <c>resumesOn</c> the day counting resumes (itself counted), so the stop covers <c>startsOn</c> up to but not including
/// <c>resumesOn</c>; <c>stoppedDays</c> writes those days as the calendar API's <c>stops=</c> takes them.
/// </summary>
public sealed class ClockStopDto
{
    public Guid Id { get; set; }
    public Guid? TaskId { get; set; }
    public string ActivityId { get; set; } = "";
    public ClockStopReason Reason { get; set; }
    public string Notice { get; set; } = "";
    public LocalDate StartsOn { get; set; }
    public int ExpectedWorkingDays { get; set; }
    public LocalDate? ResumesOn { get; set; }
    /// <summary>The days the stop covered, both ends inside (<c>2026-12-03..2026-12-04</c>, as in <c>stops=</c>); null while it is open or when it covered no day (answered the day it was asked).</summary>
    public string? StoppedDays { get; set; }
}

/// <summary>An extension request (延期) and its decision; visible to the investor.</summary>
public sealed class ExtensionDto
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public Guid TaskId { get; set; }
    public int WorkingDays { get; set; }
    public string Reason { get; set; } = "";
    public ExtensionStatus Status { get; set; }
    public string RequestedBy { get; set; } = "";
    public Instant RequestedAt { get; set; }
    public string? DecidedBy { get; set; }
    public Instant? DecidedAt { get; set; }
    public string? DecisionNote { get; set; }
}

/// <summary>One journal event as staff and applicants read it.</summary>
public sealed class JournalEntryDto
{
    public int Sequence { get; set; }
    public string Event { get; set; } = "";
    public string? ActivityId { get; set; }
    public string? DepartmentId { get; set; }
    public string? MatterCode { get; set; }
    public Guid? TaskId { get; set; }
    public string? Decision { get; set; }
    public string? Reasons { get; set; }
    public string UserId { get; set; } = "";
    public string ActorRole { get; set; } = "";
    public Instant At { get; set; }
    public LocalDate WorkingDay { get; set; }
}
