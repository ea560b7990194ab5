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
    /// <summary>The outcome's Chinese term, e.g. 准予许可 for <c>approved</c>.</summary>
    public string? OutcomeLabel { get; set; }
    /// <summary>The department's comment, or for an answered correction request the applicant's note.</summary>
    public string? Comment { get; set; }
    /// <summary>What was asked (补正 items: for a correction request, one line per item naming the department and the material) or found.</summary>
    public List<string> Items { get; set; } = [];
    /// <summary>For a correction request (补正): each department that asked, its items with their materials, and its explanation.</summary>
    public List<CorrectionRequestDto> CorrectionRequests { get; set; } = [];
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
    /// <summary>
    /// True for work of a project in simulation (模拟审批): the decision recorded is a simulated one (模拟审批意见) and
    /// nothing is issued. Decided simulated tasks say so by their outcome (<c>simulatedApproved</c>, <c>simulatedRejected</c>).
    /// </summary>
    public bool Simulated { get; set; }
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

/// <summary>What one department asked in a correction request (补正要求).</summary>
/// <param name="DepartmentId">The department's id.</param>
/// <param name="DepartmentName">Its name, e.g. 市自然资源和规划局.</param>
/// <param name="MatterCode">The matter whose decision asked, or null for a pre-review opinion or survey finding.</param>
/// <param name="MatterName">The matter's name.</param>
/// <param name="Comment">The department's explanation (说明).</param>
/// <param name="Items">Each item, by material where it names one.</param>
public sealed record CorrectionRequestDto(string DepartmentId, string DepartmentName, string? MatterCode, string? MatterName,
    string? Comment, IReadOnlyList<CorrectionItemDto> Items);

/// <summary>One item of a correction request.</summary>
/// <param name="MaterialCode">The material's stable code, or null for an item the department wrote in its own words.</param>
/// <param name="Name">The material's name in the checklist or the catalogue (or the item's text).</param>
/// <param name="Required">Whether the material is required; null for a free-text item.</param>
/// <param name="DeficiencyAllowed">Whether it may follow later (容缺); null for a free-text item.</param>
/// <param name="Requirement">What is required of it in words: 必要材料, 必要材料，可容缺 or 非必要材料.</param>
/// <param name="Text">What the department wrote.</param>
public sealed record CorrectionItemDto(string? MaterialCode, string Name, bool? Required, bool? DeficiencyAllowed, string? Requirement, string Text);

/// <summary>One journal event as staff and applicants read it.</summary>
public sealed class JournalEntryDto
{
    public int Sequence { get; set; }
    /// <summary>The event's stable code (camelCase, as in tracking), e.g. <c>correctionRequested</c>.</summary>
    public string Event { get; set; } = "";
    /// <summary>The event's Chinese label, e.g. 要求补正.</summary>
    public string EventLabel { get; set; } = "";
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
