using Approval.Engine.Activities;
using Approval.Engine.Calendar;
using Approval.Engine.Definitions;
using Approval.Engine.Persistence;
using Approval.Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Approval.Engine.Supervision;

/// <summary>
/// E-supervision statistics (办件统计) summed from the tallies the engine keeps with every save (<see cref="Tally"/>):
/// open work per department, matter and deadline day; decisions and verifications per department, matter, outcome and
/// day decided; projects per definition, status and day; acceptances per definition and day. The sums read a few
/// thousand rows whatever the number of projects, and give the same numbers as <see cref="Statistics.Compute"/>.
/// </summary>
/// <remarks>
/// <para>The working days a decision or a completed project used, and whether a decision was late, depend on the
/// working-day calendar: they are counted when the task or project ends (<see cref="TimeUsed"/>, by
/// <see cref="TallyRules"/>), also for rows from before the engine stored them (a tally built from the rows).</para>
/// <para>Only departments and matters of the catalogue come in catalogue order; any other that was decided (a matter
/// since removed) follows, by id.</para>
/// </remarks>
public sealed class StatisticsReader(ApprovalDatabase database, DefinitionCatalog catalog, LightPolicy lights,
    IWorkingDayCalendars calendars, IClock clock)
{
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
        var tasks = await TaskGroupsAsync(db, period, lastOverdue, ct);
        var projects = await ProjectGroupsAsync(db, period, lastOverdue, ct);
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
    /// running projects not in simulation; verifications of any project accepted) and those decided in the period.
    /// </summary>
    private static async Task<List<TaskGroup>> TaskGroupsAsync(ApprovalDbContext db, StatisticsPeriod period, LocalDate lastOverdue,
        CancellationToken ct)
    {
        // A 转正确认 is the formal decision of a converted 模拟审批 matter, counted as a matter decision; open work is no
        // formal work while the project is still in simulation.
        var open = await db.OpenWorkTallies.AsNoTracking()
            .Where(t => t.MatterCode != null
                && ((t.Kind == TaskKind.CommitmentVerification && t.Phase != ProjectPhase.NotStarted)
                    || ((t.Kind == TaskKind.MatterDecision || t.Kind == TaskKind.SimulationConfirmation) && t.Phase == ProjectPhase.Running)))
            .GroupBy(t => new { Kind = t.Kind == TaskKind.SimulationConfirmation ? TaskKind.MatterDecision : t.Kind, t.DepartmentId, t.MatterCode })
            .Select(g => new TaskGroup(g.Key.Kind, g.Key.DepartmentId, g.Key.MatterCode!, null, g.Sum(t => t.Count),
                g.Sum(t => t.DueOn != null && t.DueOn <= lastOverdue ? t.Count : 0), 0, 0L))
            .ToListAsync(ct);

        var decided = db.DecisionTallies.AsNoTracking();
        if (period.From is { } from) decided = decided.Where(t => t.DecidedOn >= from);
        if (period.To is { } to) decided = decided.Where(t => t.DecidedOn <= to);
        var closed = await decided
            .GroupBy(t => new { t.Kind, t.DepartmentId, t.MatterCode, t.Outcome })
            .Select(g => new TaskGroup(g.Key.Kind, g.Key.DepartmentId, g.Key.MatterCode, g.Key.Outcome, g.Sum(t => t.Count), 0,
                g.Sum(t => t.Late), g.Sum(t => t.Days)))
            .ToListAsync(ct);
        return [.. open.Where(g => g.Count != 0), .. closed.Where(g => g.Count != 0)];
    }

    /// <summary>Projects read by statistics (running and ended) per definition and status, those of the period counted.</summary>
    private static async Task<List<ProjectGroup>> ProjectGroupsAsync(ApprovalDbContext db, StatisticsPeriod period, LocalDate lastOverdue,
        CancellationToken ct)
    {
        var (from, to) = (period.From ?? FirstDay, period.To ?? LastDay);
        // Running projects are today's; an ended one counts in the period it ended in (one without its day, always).
        var groups = await db.ProjectTallies.AsNoTracking()
            .Where(t => t.Status != InstanceStatus.Filed)
            .GroupBy(t => new { t.DefinitionId, t.Status })
            .Select(g => new ProjectGroup(g.Key.DefinitionId, g.Key.Status,
                g.Sum(t => t.Status == InstanceStatus.Running || t.EndedOn == null || (t.EndedOn >= from && t.EndedOn <= to) ? t.Count : 0),
                g.Sum(t => t.Status == InstanceStatus.Running && t.DueOn != null && t.DueOn <= lastOverdue ? t.Count : 0),
                g.Sum(t => (t.EndedOn == null || (t.EndedOn >= from && t.EndedOn <= to)) && t.OnTime ? t.Count : 0),
                g.Sum(t => t.EndedOn == null || (t.EndedOn >= from && t.EndedOn <= to) ? t.WithDays : 0),
                g.Sum(t => t.EndedOn == null || (t.EndedOn >= from && t.EndedOn <= to) ? t.Days : 0L),
                g.Sum(t => t.Count)))
            .ToListAsync(ct);
        // A definition with projects shows, even with none in the period; one whose rows sum to none has none.
        return groups.Where(g => g.All != 0).ToList();
    }

    /// <summary>Projects accepted (受理) per definition and month, every month from the first to the last with one (at most 60).</summary>
    private static async Task<IReadOnlyList<AcceptedInMonth>> AcceptedPerMonthAsync(ApprovalDbContext db, StatisticsPeriod period, CancellationToken ct)
    {
        var (from, to) = (period.From ?? FirstDay, period.To ?? LastDay);
        // Per day rather than per month: a day is a column, a month would be each provider's own function; days are few.
        var days = (await db.AcceptanceTallies.AsNoTracking()
            .Where(t => t.AcceptedOn >= from && t.AcceptedOn <= to)
            .GroupBy(t => new { t.DefinitionId, t.AcceptedOn })
            .Select(g => new { g.Key.DefinitionId, g.Key.AcceptedOn, Count = g.Sum(t => t.Count) })
            .ToListAsync(ct)).Where(d => d.Count != 0).ToList();
        if (days.Count == 0) return [];
        var perMonth = days.GroupBy(d => (d.DefinitionId, Month: d.AcceptedOn.ToYearMonth())).ToDictionary(g => g.Key, g => g.Sum(d => d.Count));
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
    /// (decided ones), and their working days summed.
    /// </summary>
    private sealed record TaskGroup(TaskKind Kind, string DepartmentId, string MatterCode, string? Outcome, int Count, int Overdue,
        int Late, long Days);

    /// <summary>
    /// Projects of one definition and status: how many count in the period, running ones overdue, completed on time,
    /// completed with their days and those days summed, and how many there are whatever the period.
    /// </summary>
    private sealed record ProjectGroup(string DefinitionId, InstanceStatus Status, int Counted, int RunningOverdue, int OnTime,
        int WithDays, long Days, int All);
}
