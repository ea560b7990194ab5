using Approval.Engine.Activities;
using Approval.Engine.Calendar;
using Approval.Engine.Definitions;
using Approval.Engine.Persistence;
using Approval.Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using TaskStatus = Approval.Engine.Runtime.TaskStatus;

namespace Approval.Engine.Supervision;

/// <summary>
/// E-supervision statistics (办件统计) counted in the database: three <c>GROUP BY</c> queries — matter decisions and
/// verifications per department, matter and outcome; projects per definition and status; acceptances per definition
/// and day — whatever the number of projects, giving the same numbers as <see cref="Statistics.Compute"/>.
/// </summary>
/// <remarks>
/// <para>The working days a decision or a completed project used, and whether a decision was late, depend on the
/// working-day calendar: the engine stores them when the task or project ends (<see cref="TimeUsed"/>), and the
/// queries sum the columns. Rows that ended before those columns existed have them null; they are read (only their
/// few columns) and computed here by the same rule, so the numbers stay exact on an upgraded database.</para>
/// <para>Only departments and matters of the catalogue come in catalogue order; any other that was decided (a matter
/// since removed) follows, by id.</para>
/// </remarks>
public sealed class StatisticsReader(ApprovalDatabase database, DefinitionCatalog catalog, LightPolicy lights,
    IWorkingDayCalendars calendars, IClock clock)
{
    private static readonly string[] Decisions = [Outcomes.Approved, Outcomes.Rejected, Outcomes.DeemedApproved, Outcomes.ApprovedOnCommitment];
    private static readonly LocalDate FirstDay = new(1, 1, 1);
    private static readonly LocalDate LastDay = new(9999, 12, 31);

    /// <summary>
    /// The statistics now, over <paramref name="period"/> (all time when null): decisions count by the day they were
    /// made, ended projects by the day they ended, accepted projects (per month) by the day of acceptance; open work
    /// (在办) is always today's, whatever the period.
    /// </summary>
    public async Task<SupervisionStatistics> ReadAsync(StatisticsPeriod? period = null, CancellationToken ct = default)
    {
        period ??= StatisticsPeriod.AllTime;
        var calendar = calendars.National;
        var now = clock.GetCurrentInstant();
        var lastOverdue = lights.BoundsAt(now).LastOverdue;
        await using var db = database.CreateContext();
        var tasks = await TaskGroupsAsync(db, calendar, period, lastOverdue, ct);
        var projects = await ProjectGroupsAsync(db, calendar, period, lastOverdue, ct);
        var accepted = await AcceptedPerMonthAsync(db, period, ct);

        var decisions = tasks.Where(g => g.Kind == TaskKind.MatterDecision).ToList();
        var catalogueDepartments = catalog.Departments.Select(d => d.Id).ToList();
        var departmentIds = catalogueDepartments
            .Where(id => catalog.Matters.Any(m => m.DepartmentId == id) || decisions.Any(g => g.DepartmentId == id))
            .Concat(decisions.Select(g => g.DepartmentId).Where(id => !catalogueDepartments.Contains(id)).Distinct().Order(StringComparer.Ordinal))
            .ToList();
        var matters = catalog.Matters.Select(m => (m.Code, m.DepartmentId))
            .Concat(decisions.Where(g => catalog.Matters.All(m => m.Code != g.MatterCode))
                .Select(g => (Code: g.MatterCode, g.DepartmentId)).OrderBy(m => m.Code, StringComparer.Ordinal))
            .DistinctBy(m => m.Code).ToList();

        return new SupervisionStatistics(
            calendar.LocalDateOf(now),
            departmentIds.Select(id => new DepartmentStatistics(id, Count(tasks.Where(g => g.DepartmentId == id)))).ToList(),
            matters.Select(m => new MatterStatistics(m.Code, m.DepartmentId, Count(tasks.Where(g => g.MatterCode == m.Code)))).ToList(),
            projects.Select(g => g.DefinitionId).Distinct().Order(StringComparer.Ordinal)
                .Select(id => Projects(id, projects.Where(g => g.DefinitionId == id))).ToList(),
            Projects(null, projects),
            accepted);
    }

    /// <summary>
    /// Matter decisions and verifications of commitments, per kind, department, matter and outcome: open ones (of
    /// running projects; verifications of any project read) and those decided in the period.
    /// </summary>
    private static async Task<List<TaskGroup>> TaskGroupsAsync(ApprovalDbContext db, WorkingDayCalendar calendar, StatisticsPeriod period,
        LocalDate lastOverdue, CancellationToken ct)
    {
        // A 转正确认 is the formal decision of a converted 模拟审批 matter, counted as a matter decision.
        var counted = from t in db.Tasks.AsNoTracking()
                      where (t.Kind == TaskKind.MatterDecision || t.Kind == TaskKind.SimulationConfirmation
                             || t.Kind == TaskKind.CommitmentVerification)
                            && t.MatterCode != null && t.DepartmentId != null
                      select new { Task = t, Kind = t.Kind == TaskKind.SimulationConfirmation ? TaskKind.MatterDecision : t.Kind };
        // Open work is read of running projects (not those filed or returned, which have none) and is no formal work
        // while the project is still in simulation.
        var rows = from r in counted
                   join i in db.Instances.AsNoTracking() on r.Task.InstanceId equals i.Id
                   where i.Status == InstanceStatus.Running || i.EndedAt != null
                   select new { r.Task, r.Kind, Running = i.Status == InstanceStatus.Running && i.Simulation != SimulationState.Simulating };
        var open = await rows
            .Where(r => (r.Task.Status == TaskStatus.Open || r.Task.Status == TaskStatus.Suspended)
                && (r.Task.Kind == TaskKind.CommitmentVerification || r.Running))
            .GroupBy(r => new { r.Kind, r.Task.DepartmentId, r.Task.MatterCode })
            .Select(g => new TaskGroup(g.Key.Kind, g.Key.DepartmentId!, g.Key.MatterCode!, null, g.Count(),
                g.Count(r => r.Task.DueOn != null && r.Task.DueOn <= lastOverdue), 0, 0, 0))
            .ToListAsync(ct);

        // A decided matter or verification always belongs to a running or ended project (a filing has none), so the
        // decided ones are read without the join to their projects: half the time of the largest query. Simulated
        // outcomes are not among Decisions.
        var decided = counted
            .Where(r => r.Task.Status == TaskStatus.Done && r.Task.DecidedAt != null
            && (r.Task.Kind == TaskKind.CommitmentVerification || (r.Task.OpenedOn != null && Decisions.Contains(r.Task.Outcome!))));
        if (period.From is { } from)
        {
            var start = calendar.StartOfDay(from);
            decided = decided.Where(r => r.Task.DecidedAt >= start);
        }
        if (period.To is { } to)
        {
            var end = calendar.StartOfDay(to.PlusDays(1));
            decided = decided.Where(r => r.Task.DecidedAt < end);
        }
        var closed = await decided
            .GroupBy(r => new { r.Kind, r.Task.DepartmentId, r.Task.MatterCode, r.Task.Outcome })
            .Select(g => new TaskGroup(g.Key.Kind, g.Key.DepartmentId!, g.Key.MatterCode!, g.Key.Outcome, g.Count(), 0,
                g.Count(r => r.Task.DecidedLate == true), g.Sum(r => (long)(r.Task.UsedWorkingDays ?? 0)),
                g.Count(r => r.Task.DecidedLate == null)))
            .ToListAsync(ct);

        // Decisions made before the engine stored their days: computed here by the rule it stores them by.
        if (closed.Any(g => g.Kind == TaskKind.MatterDecision && g.Unstored > 0))
        {
            var unstored = await decided.Where(r => r.Kind == TaskKind.MatterDecision && r.Task.DecidedLate == null)
                .Select(r => new
                {
                    r.Task.DepartmentId, r.Task.MatterCode, r.Task.Outcome, r.Task.DecidedAt, r.Task.OpenedOn, r.Task.DueOn,
                    r.Task.LimitWorkingDays, r.Task.ExtensionWorkingDays,
                }).ToListAsync(ct);
            closed = closed.Select(g =>
            {
                if (g.Kind != TaskKind.MatterDecision || g.Unstored == 0) return g;
                var (late, days) = (0, 0L);
                foreach (var r in unstored.Where(r => r.DepartmentId == g.DepartmentId && r.MatterCode == g.MatterCode && r.Outcome == g.Outcome))
                {
                    var task = new WorkTask
                    {
                        Kind = TaskKind.MatterDecision, Outcome = r.Outcome, DecidedAt = r.DecidedAt, OpenedOn = r.OpenedOn, DueOn = r.DueOn,
                        LimitWorkingDays = r.LimitWorkingDays, ExtensionWorkingDays = r.ExtensionWorkingDays,
                    };
                    late += TimeUsed.DecidedLate(task, calendar) ? 1 : 0;
                    days += TimeUsed.OfDecision(task, calendar) ?? 0;
                }
                return g with { Late = g.Late + late, Days = g.Days + days, Unstored = 0 };
            }).ToList();
        }
        return [.. open, .. closed];
    }

    /// <summary>Projects read by statistics (running and ended) per definition and status, those of the period counted.</summary>
    private static async Task<List<ProjectGroup>> ProjectGroupsAsync(ApprovalDbContext db, WorkingDayCalendar calendar, StatisticsPeriod period,
        LocalDate lastOverdue, CancellationToken ct)
    {
        var (from, to) = (period.From ?? FirstDay, period.To ?? LastDay);
        // Running projects are today's; an ended one counts in the period it ended in (one without its day, always).
        var groups = await db.Instances.AsNoTracking()
            .Where(i => i.Status == InstanceStatus.Running || i.EndedAt != null)
            .GroupBy(i => new { i.DefinitionId, i.Status })
            .Select(g => new ProjectGroup(g.Key.DefinitionId, g.Key.Status,
                g.Count(i => i.Status == InstanceStatus.Running || i.EndedOn == null || (i.EndedOn >= from && i.EndedOn <= to)),
                g.Count(i => i.Status == InstanceStatus.Running && i.DueOn != null && i.DueOn <= lastOverdue),
                g.Count(i => (i.EndedOn == null || (i.EndedOn >= from && i.EndedOn <= to)) && i.OnTime == true),
                g.Count(i => (i.EndedOn == null || (i.EndedOn >= from && i.EndedOn <= to)) && i.UsedWorkingDays != null),
                g.Sum(i => i.EndedOn == null || (i.EndedOn >= from && i.EndedOn <= to) ? (long)(i.UsedWorkingDays ?? 0) : 0L),
                g.Count(i => i.EndedOn != null && i.EndedOn >= from && i.EndedOn <= to && i.UsedWorkingDays == null
                    && i.AcceptedOn != null && i.DueOn != null)))
            .ToListAsync(ct);

        // Completions from before the engine stored their days: computed here by the rule it stores them by.
        if (!groups.Any(g => g.Status == InstanceStatus.Completed && g.Unstored > 0)) return groups;
        var unstored = await db.Instances.AsNoTracking()
            .Where(i => i.Status == InstanceStatus.Completed && i.UsedWorkingDays == null && i.AcceptedOn != null && i.DueOn != null
                && i.EndedOn != null && i.EndedOn >= from && i.EndedOn <= to)
            .Select(i => new ProjectInstance
            {
                DefinitionId = i.DefinitionId, AcceptedOn = i.AcceptedOn, EndedOn = i.EndedOn, DueOn = i.DueOn,
                TargetWorkingDays = i.TargetWorkingDays, ExtensionWorkingDays = i.ExtensionWorkingDays,
            }).ToListAsync(ct);
        return groups.Select(g =>
        {
            if (g.Status != InstanceStatus.Completed || g.Unstored == 0) return g;
            var days = unstored.Where(p => p.DefinitionId == g.DefinitionId).Select(p => TimeUsed.OfProject(p, calendar)).OfType<int>().ToList();
            return g with { WithDays = g.WithDays + days.Count, Days = g.Days + days.Sum(d => (long)d), Unstored = 0 };
        }).ToList();
    }

    /// <summary>Projects accepted (受理) per definition and month, every month from the first to the last with one (at most 60).</summary>
    private static async Task<IReadOnlyList<AcceptedInMonth>> AcceptedPerMonthAsync(ApprovalDbContext db, StatisticsPeriod period, CancellationToken ct)
    {
        var (from, to) = (period.From ?? FirstDay, period.To ?? LastDay);
        // Per day rather than per month: a day is a column, a month would be each provider's own function; days are few.
        var days = await db.Instances.AsNoTracking()
            .Where(i => (i.Status == InstanceStatus.Running || i.EndedAt != null) && i.AcceptedOn != null && i.AcceptedOn >= from && i.AcceptedOn <= to)
            .GroupBy(i => new { i.DefinitionId, i.AcceptedOn })
            .Select(g => new { g.Key.DefinitionId, g.Key.AcceptedOn, Count = g.Count() })
            .ToListAsync(ct);
        if (days.Count == 0) return [];
        var perMonth = days.GroupBy(d => (d.DefinitionId, Month: d.AcceptedOn!.Value.ToYearMonth())).ToDictionary(g => g.Key, g => g.Sum(d => d.Count));
        var months = perMonth.Keys.Select(k => k.Month).ToList();
        var (first, last) = (months.Min(), months.Max());
        var definitions = days.Select(d => d.DefinitionId).Distinct().Order(StringComparer.Ordinal).ToList();
        var rows = new List<AcceptedInMonth>();
        for (var month = first; month <= last && rows.Count < 60 * definitions.Count; month = month.PlusMonths(1))
            foreach (var id in definitions)
                rows.Add(new AcceptedInMonth(id, month, perMonth.GetValueOrDefault((id, month))));
        return rows;
    }

    private static DecisionCounts Count(IEnumerable<TaskGroup> groups)
    {
        var list = groups.ToList();
        var decisions = list.Where(g => g.Kind == TaskKind.MatterDecision).ToList();
        var checks = list.Where(g => g.Kind == TaskKind.CommitmentVerification).ToList();
        var open = decisions.Where(g => g.Outcome is null).ToList();
        var decided = decisions.Where(g => g.Outcome is not null).ToList();
        var decidedCount = decided.Sum(g => g.Count);
        int Of(IEnumerable<TaskGroup> of, string outcome) => of.Where(g => g.Outcome == outcome).Sum(g => g.Count);
        return new DecisionCounts(
            open.Sum(g => g.Count), open.Sum(g => g.Overdue), decidedCount,
            Of(decided, Outcomes.Approved), Of(decided, Outcomes.Rejected), Of(decided, Outcomes.DeemedApproved), decided.Sum(g => g.Late),
            decidedCount == 0 ? null : (double)decided.Sum(g => g.Days) / decidedCount,
            Of(decided, Outcomes.ApprovedOnCommitment),
            checks.Where(g => g.Outcome is null).Sum(g => g.Count), checks.Where(g => g.Outcome is null).Sum(g => g.Overdue),
            Of(checks, Outcomes.CommitmentConfirmed), Of(checks, Outcomes.CommitmentFalse));
    }

    private static ProjectStatistics Projects(string? definitionId, IEnumerable<ProjectGroup> groups)
    {
        var list = groups.ToList();
        int Counted(InstanceStatus status) => list.Where(g => g.Status == status).Sum(g => g.Counted);
        var completed = list.Where(g => g.Status == InstanceStatus.Completed).ToList();
        var withDays = completed.Sum(g => g.WithDays);
        return new ProjectStatistics(definitionId,
            Counted(InstanceStatus.Running), list.Where(g => g.Status == InstanceStatus.Running).Sum(g => g.RunningOverdue),
            Counted(InstanceStatus.Completed), completed.Sum(g => g.OnTime),
            Counted(InstanceStatus.Rejected), Counted(InstanceStatus.Refused), Counted(InstanceStatus.Terminated),
            withDays == 0 ? null : (double)completed.Sum(g => g.Days) / withDays);
    }

    /// <summary>
    /// Tasks of one kind, department, matter and outcome (null: open): how many, how many overdue (open ones), late
    /// (decided ones), their working days summed, and how many of them lack the stored days.
    /// </summary>
    private sealed record TaskGroup(TaskKind Kind, string DepartmentId, string MatterCode, string? Outcome, int Count, int Overdue,
        int Late, long Days, int Unstored);

    /// <summary>
    /// Projects of one definition and status: how many count in the period, running ones overdue, completed on time,
    /// completed with their days and those days summed, and how many completed ones lack the stored days.
    /// </summary>
    private sealed record ProjectGroup(string DefinitionId, InstanceStatus Status, int Counted, int RunningOverdue, int OnTime,
        int WithDays, long Days, int Unstored);
}
