using Approval.Engine.Calendar;
using Approval.Engine.Runtime;
using Approval.Engine.Supervision;
using NodaTime;

namespace Approval.Web.Api.Contracts;

/// <summary>
/// What the investor sees by project code and query key (办件进度查询): the stage, each department's work, working days
/// used and left, the expected completion date, extensions and the history. Nothing in it names a person: no user
/// ids, no investor or agent ids, no query key.
/// </summary>
/// <param name="ProjectCode">The project code (投资项目统一代码).</param>
/// <param name="ProjectName">The project's name as filed.</param>
/// <param name="DefinitionName">The kind of application, e.g. 企业开办.</param>
/// <param name="Status">Where the project stands as a whole.</param>
/// <param name="CurrentStepName">The current step (环节), e.g. 并联审批.</param>
/// <param name="AcceptedOn">The day of acceptance (受理); counting starts the next day.</param>
/// <param name="TargetWorkingDays">The promised total (承诺时限).</param>
/// <param name="ExtensionWorkingDays">Working days added by approved extensions.</param>
/// <param name="WorkingDaysUsed">Working days from acceptance to today (or to the end).</param>
/// <param name="WorkingDaysLeft">Working days from today to the expected completion date, while running.</param>
/// <param name="ExpectedCompletionOn">The project's deadline (办结期限), with stops and extensions.</param>
/// <param name="EndedOn">The day it completed or ended, if it has.</param>
/// <param name="OnTime">Whether it completed by its deadline, once completed.</param>
/// <param name="OutcomeReason">Why it ended, when it ended without completion (e.g. the rejecting department's reasons).</param>
/// <param name="Light">The project's deadline light.</param>
/// <param name="Steps">The steps of its workflow and where it is on them.</param>
/// <param name="Departments">Each department with its tasks and their states.</param>
/// <param name="Extensions">Extension requests (延期) with days, reason and decision.</param>
/// <param name="History">The journal (办件轨迹) without who did it.</param>
/// <param name="Provisional">True when <c>expectedCompletionOn</c> rests on a year whose holiday notice is not published
/// or verified: the date moves when the notice is added.</param>
/// <param name="ProvisionalCode">Why, as a stable code (as the calendar API's); null when not provisional.</param>
/// <param name="ProvisionalReason">Why, in Chinese (as the calendar API's); null when not provisional.</param>
/// <param name="Simulation">模拟审批: none, simulating, converted or expired (as the project's <c>simulation</c>).</param>
/// <param name="SimulationLabel">Its Chinese label (模拟审批 …); null for a formal project.</param>
/// <param name="SimulationExpiresOn">The day a simulation not converted expires; null for a formal project.</param>
/// <param name="ConvertedOn">The day the simulation was converted; the formal clock counts from it.</param>
public sealed record TrackingDto(
    string? ProjectCode, string ProjectName, string DefinitionName, InstanceStatus Status, string CurrentStepName,
    LocalDate? AcceptedOn, int TargetWorkingDays, int ExtensionWorkingDays, int? WorkingDaysUsed, int? WorkingDaysLeft,
    LocalDate? ExpectedCompletionOn, LocalDate? EndedOn, bool? OnTime, string? OutcomeReason, Light Light,
    IReadOnlyList<StepDto> Steps, IReadOnlyList<TrackedDepartmentDto> Departments,
    IReadOnlyList<TrackedExtensionDto> Extensions, IReadOnlyList<TrackedEventDto> History,
    bool Provisional = false, string? ProvisionalCode = null, string? ProvisionalReason = null,
    SimulationState Simulation = SimulationState.None, string? SimulationLabel = null, LocalDate? SimulationExpiresOn = null,
    LocalDate? ConvertedOn = null);

/// <summary>A department that holds or held part of the project, with its tasks.</summary>
public sealed record TrackedDepartmentDto(string DepartmentId, string DepartmentName, IReadOnlyList<TrackedTaskDto> Tasks);

/// <summary>
/// One piece of a department's work on the project (a matter decision, a pre-review opinion, survey findings, or a
/// correction asked of the applicant); <c>outcome</c> is camelCase (e.g. <c>approved</c>, <c>deemedApproved</c>) with
/// its Chinese term in <c>outcomeLabel</c> (准予许可, 视为准予许可（超时默许）), and <c>comment</c> and <c>items</c> are
/// what the department told the applicant; <c>light</c> is the task's deadline light; <c>provisional</c>, with its code and reason, says that an open task's
/// <c>dueOn</c> rests on a year whose holiday notice is not published or verified.
/// </summary>
public sealed record TrackedTaskDto(TaskKind Kind, string Title, string? MatterCode, string? MatterName, Engine.Runtime.TaskStatus Status,
    string? Outcome, string? Comment, IReadOnlyList<string> Items, int Round, LocalDate? OpenedOn, LocalDate? DueOn, LocalDate? DecidedOn,
    Light Light, string? OutcomeLabel = null, bool Provisional = false, string? ProvisionalCode = null, string? ProvisionalReason = null)
{
    /// <summary>This task with <paramref name="note"/>'s flag, code and reason.</summary>
    public TrackedTaskDto WithProvisional(ProvisionalNote? note) =>
        this with { Provisional = note is not null, ProvisionalCode = note?.Code, ProvisionalReason = note?.Reason };
}

/// <summary>An extension (延期) as the investor sees it: the matter, the days, the reason and the supervisor's decision.</summary>
public sealed record TrackedExtensionDto(string? MatterCode, string? DepartmentName, int WorkingDays, string Reason,
    ExtensionStatus Status, LocalDate RequestedOn, LocalDate? DecidedOn, string? DecisionNote);

/// <summary>
/// One event of the history: what happened (<c>event</c>, a stable camelCase code as in the project's journal, with its
/// Chinese label in <c>eventLabel</c>), on which day, at which department (none for what the window or the system did),
/// with which decision and reasons.
/// </summary>
public sealed record TrackedEventDto(int Sequence, string Event, Instant At, LocalDate WorkingDay, string? StepName,
    string? DepartmentId, string? DepartmentName, string? MatterCode, string? Decision, string? Reasons, string EventLabel = "");
