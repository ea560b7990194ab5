using Approval.Engine.Runtime;
using Approval.Engine.Supervision;
using NodaTime;

namespace Approval.Web.Api.Contracts;

/// <summary>A running project under e-supervision (电子监察): its summary and light, and its departments' open tasks with theirs.</summary>
public sealed record SupervisedProjectDto(ProjectSummaryDto Project, IReadOnlyList<TaskDto> OpenTasks);

/// <summary>
/// One department's board (部门红黄灯): open tasks by light; <c>overdue</c> lists open tasks past their deadline day
/// (超期) and <c>nearDue</c> those on or after their follow-up date but not yet overdue (临期), whatever colour the
/// configured convention gives them: the first 20 of each, soonest due first, with <c>overdueCount</c> and
/// <c>nearDueCount</c> counting all (the rest: <c>GET /api/supervision/tasks?department=…&amp;due=overdue|nearDue</c>, paged).
/// </summary>
public sealed record DepartmentBoardDto(string DepartmentId, string DepartmentName, int Open, int Green, int Yellow, int Red,
    IReadOnlyList<TaskDto> Overdue, IReadOnlyList<TaskDto> NearDue)
{
    /// <summary>How many open tasks are overdue (超期), all of them.</summary>
    public int OverdueCount { get; init; }

    /// <summary>How many open tasks are near due (临期), all of them.</summary>
    public int NearDueCount { get; init; }
}

/// <summary>
/// An extension request (延期申请) waiting for a supervisor, with the matter it is for; <c>decidable</c> is false when
/// the matter is no longer open (decided, or the project ended), so that a decision would be refused; <c>provisional</c>,
/// with its code and reason as the calendar API gives them, says that <c>taskDueOn</c> rests on a year whose holiday
/// notice is not published or verified; <c>taskDueOnIfApproved</c>, <c>projectDueOn</c> and <c>projectDueOnIfApproved</c>
/// say what approving it now would do to the matter's and the project's deadlines (the project moves only when the
/// extension lengthens its parallel step).
/// </summary>
public sealed record PendingExtensionDto(ExtensionDto Extension, string? ProjectCode, string ProjectName, string TaskTitle,
    string? DepartmentId, string? DepartmentName, string? MatterCode, LocalDate? TaskDueOn, Light TaskLight, bool Decidable,
    bool Provisional = false, string? ProvisionalCode = null, string? ProvisionalReason = null,
    LocalDate? TaskDueOnIfApproved = null, LocalDate? ProjectDueOn = null, LocalDate? ProjectDueOnIfApproved = null);

/// <summary>A supervisor's decision on an extension request.</summary>
/// <param name="Approve">Required: true approves (the matter's and the project's deadlines move), false refuses.</param>
/// <param name="Note">Why; shown to the investor with the extension.</param>
public sealed record ExtensionDecisionRequest(bool? Approve, string? Note);

/// <summary>
/// What an extension decision did: its status and the deadlines that follow from it; <c>replayed</c> is true when the
/// same Idempotency-Key had already been used, so that nothing changed this time.
/// </summary>
public sealed record ExtensionDecisionDto(Guid ExtensionId, Guid InstanceId, ExtensionStatus Status, bool Replayed,
    LocalDate? TaskDueOn, LocalDate? ProjectDueOn);

/// <summary>
/// E-supervision statistics (办件统计) on one day, over the period <c>from</c>–<c>to</c> (null ends: open): decisions by
/// the day they were made, ended projects by the day they ended, accepted projects by month of acceptance; open work is today's.
/// </summary>
public sealed record StatisticsDto(LocalDate AsOf, IReadOnlyList<DepartmentStatisticsDto> Departments,
    IReadOnlyList<MatterStatisticsDto> Matters, IReadOnlyList<ProjectStatisticsDto> Definitions, ProjectStatisticsDto AllProjects)
{
    public LocalDate? From { get; init; }
    public LocalDate? To { get; init; }
    /// <summary>Projects accepted per definition and month (every month from the first to the last with one).</summary>
    public IReadOnlyList<AcceptedInMonthDto> AcceptedPerMonth { get; init; } = [];
}

/// <summary>How many projects of a definition were accepted (受理) in a month (<c>yyyy-MM</c>).</summary>
public sealed record AcceptedInMonthDto(string DefinitionId, string DefinitionName, string Month, int Accepted);

/// <summary>Counts of matter decisions; averages in working days, stopped time left out; rates from 0 to 1.</summary>
/// <remarks>
/// 告知承诺: <c>approvedOnCommitment</c> decisions are also in <c>decided</c>; <c>verificationsOpen</c>/<c>verificationsOverdue</c>
/// count the open 事后核查 (completed projects' included), <c>commitmentsConfirmed</c> and <c>revoked</c> (承诺不实，撤销) how they ended.
/// </remarks>
public sealed record DecisionCountsDto(int Open, int OpenOverdue, int Decided, int Approved, int Rejected, int DeemedApproved,
    int DecidedLate, double? AverageWorkingDays, double? OnTimeRate, int ApprovedOnCommitment = 0, int VerificationsOpen = 0,
    int VerificationsOverdue = 0, int CommitmentsConfirmed = 0, int Revoked = 0)
{
    public static DecisionCountsDto From(DecisionCounts c) => new(c.Open, c.OpenOverdue, c.Decided, c.Approved, c.Rejected,
        c.DeemedApproved, c.DecidedLate, Rounding.Days(c.AverageWorkingDays), Rounding.Rate(c.OnTimeRate),
        c.ApprovedOnCommitment, c.VerificationsOpen, c.VerificationsOverdue, c.CommitmentsConfirmed, c.Revoked);
}

/// <summary>A department's matter decisions.</summary>
public sealed record DepartmentStatisticsDto(string DepartmentId, string DepartmentName, DecisionCountsDto Decisions);

/// <summary>One matter's decisions.</summary>
public sealed record MatterStatisticsDto(string MatterCode, string MatterName, string DepartmentId, DecisionCountsDto Decisions);

/// <summary>Projects of one definition, or of all (<c>definitionId</c> null); <c>targetWorkingDays</c> is the definition's promise (3/5/50).</summary>
public sealed record ProjectStatisticsDto(string? DefinitionId, string? DefinitionName, int Running, int RunningOverdue,
    int Completed, int CompletedOnTime, int Rejected, int Refused, int Terminated, double? AverageWorkingDays, double? OnTimeRate,
    int? TargetWorkingDays = null)
{
    public static ProjectStatisticsDto From(ProjectStatistics p, string? definitionName, int? targetWorkingDays = null) => new(p.DefinitionId, definitionName,
        p.Running, p.RunningOverdue, p.Completed, p.CompletedOnTime, p.Rejected, p.Refused, p.Terminated,
        Rounding.Days(p.AverageWorkingDays), Rounding.Rate(p.OnTimeRate), targetWorkingDays);
}

/// <summary>Averages to hundredths of a working day and rates to four places, so that answers read as numbers, not noise.</summary>
internal static class Rounding
{
    public static double? Days(double? value) => value is { } v ? Math.Round(v, 2) : null;

    public static double? Rate(double? value) => value is { } v ? Math.Round(v, 4) : null;
}
