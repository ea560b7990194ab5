using Approval.Engine.Activities;
using Approval.Engine.Calendar;
using Approval.Engine.Definitions;
using Approval.Engine.Runtime;
using NodaTime;

namespace Approval.Engine.Supervision;

/// <summary>
/// E-supervision statistics (办件统计): per department and per matter, how many matter decisions are open, overdue,
/// decided and how, how many were late, and the average working days a decision took; per definition, how many
/// projects run, completed and on time. A pure function over what <see cref="ProjectReader"/> returns.
/// </summary>
/// <remarks>
/// <para>Departments are counted over their matter decisions (事项审批), the work that 电子监察 ranks; pre-review
/// opinions and survey findings are not in these numbers.</para>
/// <para>A decision's working days and a project's are computed from the rows by <see cref="TimeUsed"/>, the rule the
/// engine stores them by. The product reads the statistics from the database (<see cref="StatisticsReader"/>); this
/// in-memory computation over whole projects is the oracle its tests compare it with.</para>
/// </remarks>
public static class Statistics
{
    /// <summary>
    /// The statistics of <paramref name="projects"/> at <paramref name="now"/>, over <paramref name="period"/> (all time
    /// when null): decisions count by the day they were made, ended projects by the day they ended, accepted projects
    /// (per month) by the day of acceptance; open work (在办) is always today's, whatever the period.
    /// </summary>
    public static SupervisionStatistics Compute(IEnumerable<ProjectInstance> projects, DefinitionCatalog catalog,
        WorkingDayCalendar calendar, Instant now, StatisticsPeriod? period = null)
    {
        period ??= StatisticsPeriod.AllTime;
        var all = projects.ToList();
        var facts = all.SelectMany(p => p.Tasks
                .Where(t => t.Kind is TaskKind.MatterDecision or TaskKind.SimulationConfirmation && t.MatterCode is not null && t.DepartmentId is not null)
                .Select(t => Fact(p, t, calendar, now)))
            .Where(f => f is not null && (f.DecidedOn is not { } day || period.Contains(day))).Select(f => f!).ToList();
        var verifications = all.SelectMany(p => p.Tasks
                .Where(t => t.Kind == TaskKind.CommitmentVerification && t.MatterCode is not null && t.DepartmentId is not null)
                .Select(t => Verification(t, calendar, now)))
            .Where(f => f is not null && (f.DecidedOn is not { } day || period.Contains(day))).Select(f => f!).ToList();
        // Running projects are today's; an ended one counts in the period it ended in (one without its day, always).
        var counted = all.Where(p => p.Status == InstanceStatus.Running || p.EndedOn is not { } ended || period.Contains(ended)).ToList();

        var departmentIds = catalog.Departments.Select(d => d.Id)
            .Where(id => catalog.Matters.Any(m => m.DepartmentId == id) || facts.Any(f => f.DepartmentId == id))
            .Concat(facts.Select(f => f.DepartmentId)).Distinct().ToList();
        var matters = catalog.Matters.Select(m => (m.Code, m.DepartmentId))
            .Concat(facts.Select(f => (Code: f.MatterCode, f.DepartmentId))).DistinctBy(m => m.Code).ToList();

        return new SupervisionStatistics(
            calendar.LocalDateOf(now),
            departmentIds.Select(id => new DepartmentStatistics(id,
                Count(facts.Where(f => f.DepartmentId == id), verifications.Where(f => f.DepartmentId == id)))).ToList(),
            matters.Select(m => new MatterStatistics(m.Code, m.DepartmentId,
                Count(facts.Where(f => f.MatterCode == m.Code), verifications.Where(f => f.MatterCode == m.Code)))).ToList(),
            all.Select(p => p.DefinitionId).Distinct().Order(StringComparer.Ordinal)
                .Select(id => Projects(id, counted.Where(p => p.DefinitionId == id), calendar, now)).ToList(),
            Projects(null, counted, calendar, now),
            AcceptedPerMonth(all, period));
    }

    /// <summary>Projects accepted (受理) per definition and month, every month from the first to the last with one (at most 60).</summary>
    private static IReadOnlyList<AcceptedInMonth> AcceptedPerMonth(List<ProjectInstance> all, StatisticsPeriod period)
    {
        var accepted = all.Where(p => p.AcceptedOn is { } on && period.Contains(on)).ToList();
        if (accepted.Count == 0) return [];
        var months = accepted.Select(p => p.AcceptedOn!.Value.ToYearMonth()).ToList();
        var (first, last) = (months.Min(), months.Max());
        var definitions = accepted.Select(p => p.DefinitionId).Distinct().Order(StringComparer.Ordinal).ToList();
        var rows = new List<AcceptedInMonth>();
        for (var month = first; month <= last && rows.Count < 60 * definitions.Count; month = month.PlusMonths(1))
            foreach (var id in definitions)
                rows.Add(new AcceptedInMonth(id, month, accepted.Count(p => p.DefinitionId == id && p.AcceptedOn!.Value.ToYearMonth() == month)));
        return rows;
    }

    /// <summary>Whether a task's deadline day is over at <paramref name="now"/>: it is overdue (超期).</summary>
    public static bool IsOverdue(WorkTask task, WorkingDayCalendar calendar, Instant now) =>
        task.DueOn is { } due && calendar.IsPastDeadline(now, due);

    /// <summary>Whether a task is not yet overdue but has reached its follow-up date (预警日): it is near due (临期).</summary>
    public static bool IsNearDue(WorkTask task, WorkingDayCalendar calendar, Instant now) =>
        !IsOverdue(task, calendar, now) && task.WarnOn is { } warn && calendar.LocalDateOf(now) >= warn;

    private static TaskFact? Fact(ProjectInstance project, WorkTask task, WorkingDayCalendar calendar, Instant now)
    {
        // 模拟审批: work in simulation is no formal decision, open or decided (the outcome filter below leaves out the simulated ones).
        if (task.IsOpen)
            return project.Status == InstanceStatus.Running && project.Simulation != SimulationState.Simulating
                ? new TaskFact(task.DepartmentId!, task.MatterCode!, null, IsOverdue(task, calendar, now), null, null)
                : null;
        if (task.Status != Runtime.TaskStatus.Done || task.DecidedAt is not { } at || task.OpenedOn is null
            || task.Outcome is not (Outcomes.Approved or Outcomes.Rejected or Outcomes.DeemedApproved or Outcomes.ApprovedOnCommitment))
            return null;
        var day = calendar.LocalDateOf(at);
        return new TaskFact(task.DepartmentId!, task.MatterCode!, task.Outcome, TimeUsed.DecidedLate(task, calendar), TimeUsed.OfDecision(task, calendar), day);
    }

    /// <summary>A verification (事后核查) as the statistics see it: open (in any project that has not otherwise ended) or done.</summary>
    private static TaskFact? Verification(WorkTask task, WorkingDayCalendar calendar, Instant now) =>
        task.IsOpen ? new TaskFact(task.DepartmentId!, task.MatterCode!, null, IsOverdue(task, calendar, now), null, null)
        : task.Status == Runtime.TaskStatus.Done && task.DecidedAt is { } at
            ? new TaskFact(task.DepartmentId!, task.MatterCode!, task.Outcome, task.DueOn is { } due && calendar.IsPastDeadline(at, due), null, calendar.LocalDateOf(at))
            : null;

    private static DecisionCounts Count(IEnumerable<TaskFact> facts, IEnumerable<TaskFact> verifications)
    {
        var checks = verifications.ToList();
        var list = facts.ToList();
        var open = list.Where(f => f.Outcome is null).ToList();
        var decided = list.Where(f => f.Outcome is not null).ToList();
        return new DecisionCounts(
            open.Count, open.Count(f => f.Late), decided.Count,
            decided.Count(f => f.Outcome == Outcomes.Approved), decided.Count(f => f.Outcome == Outcomes.Rejected),
            decided.Count(f => f.Outcome == Outcomes.DeemedApproved), decided.Count(f => f.Late),
            decided.Count == 0 ? null : decided.Average(f => f.WorkingDays!.Value),
            decided.Count(f => f.Outcome == Outcomes.ApprovedOnCommitment),
            checks.Count(f => f.Outcome is null), checks.Count(f => f.Outcome is null && f.Late),
            checks.Count(f => f.Outcome == Outcomes.CommitmentConfirmed), checks.Count(f => f.Outcome == Outcomes.CommitmentFalse));
    }

    private static ProjectStatistics Projects(string? definitionId, IEnumerable<ProjectInstance> projects,
        WorkingDayCalendar calendar, Instant now)
    {
        var list = projects.ToList();
        var running = list.Where(p => p.Status == InstanceStatus.Running).ToList();
        var completed = list.Where(p => p.Status == InstanceStatus.Completed).ToList();
        // Completion re-derives the project's deadline with every stop and extension, so the same identity as for tasks holds.
        var days = completed.Select(p => TimeUsed.OfProject(p, calendar)).OfType<int>().ToList();
        return new ProjectStatistics(definitionId,
            running.Count, running.Count(p => p.DueOn is { } due && calendar.IsPastDeadline(now, due)),
            completed.Count, completed.Count(p => p.OnTime == true),
            list.Count(p => p.Status == InstanceStatus.Rejected), list.Count(p => p.Status == InstanceStatus.Refused),
            list.Count(p => p.Status == InstanceStatus.Terminated),
            days.Count == 0 ? null : days.Average());
    }

    /// <summary>One matter decision as the statistics see it: open (no outcome) or decided, late or not.</summary>
    private sealed record TaskFact(string DepartmentId, string MatterCode, string? Outcome, bool Late, int? WorkingDays, LocalDate? DecidedOn);
}

/// <summary>The statistics of e-supervision on one day (统计日).</summary>
/// <param name="AsOf">The local day they were computed on.</param>
/// <param name="Departments">Departments that own a matter of the catalogue or decided one, in catalogue order.</param>
/// <param name="Matters">Every matter of the catalogue (and any no longer in it that was decided), in catalogue order.</param>
/// <param name="Definitions">Projects per workflow definition, by id.</param>
/// <param name="AllProjects">Projects of every definition together.</param>
/// <param name="AcceptedPerMonth">Projects accepted per definition and month, months without any included between the first and the last.</param>
public sealed record SupervisionStatistics(
    LocalDate AsOf,
    IReadOnlyList<DepartmentStatistics> Departments,
    IReadOnlyList<MatterStatistics> Matters,
    IReadOnlyList<ProjectStatistics> Definitions,
    ProjectStatistics AllProjects,
    IReadOnlyList<AcceptedInMonth> AcceptedPerMonth);

/// <summary>Which local days statistics count (统计期间), both ends included; null ends are open.</summary>
public sealed record StatisticsPeriod
{
    public static readonly StatisticsPeriod AllTime = new(null, null);

    /// <exception cref="InvalidInputException">When <paramref name="to"/> is before <paramref name="from"/>.</exception>
    public StatisticsPeriod(LocalDate? from, LocalDate? to)
    {
        if (from is { } f && to is { } t && t < f)
            throw new InvalidInputException("to", $"The period ends ({t:yyyy-MM-dd}) before it starts ({f:yyyy-MM-dd}).");
        From = from;
        To = to;
    }

    public LocalDate? From { get; }
    public LocalDate? To { get; }

    public bool Contains(LocalDate day) => (From is not { } from || day >= from) && (To is not { } to || day <= to);
}

/// <summary>How many projects of a definition were accepted (受理) in a month.</summary>
public sealed record AcceptedInMonth(string DefinitionId, YearMonth Month, int Accepted);

/// <summary>A department's matter decisions (部门办件统计).</summary>
public sealed record DepartmentStatistics(string DepartmentId, DecisionCounts Decisions);

/// <summary>One matter's decisions (事项办件统计).</summary>
public sealed record MatterStatistics(string MatterCode, string DepartmentId, DecisionCounts Decisions);

/// <summary>Counts of matter decisions and how long they took.</summary>
/// <param name="Open">Open in running projects (在办), clock running or stopped.</param>
/// <param name="OpenOverdue">Of those, past their deadline day (超期在办).</param>
/// <param name="Decided">Approved, rejected or deemed approved (办结).</param>
/// <param name="Approved">Approved by the department (准予许可).</param>
/// <param name="Rejected">Rejected by the department (不予许可).</param>
/// <param name="DeemedApproved">Deemed approved when the time ran out (超时默许).</param>
/// <param name="DecidedLate">Decided after the deadline day, deemed approvals included (超期办结).</param>
/// <param name="AverageWorkingDays">Mean working days from opening to decision, stopped time left out; null when none decided.</param>
/// <param name="ApprovedOnCommitment">Approved on the applicant's commitment (告知承诺), also counted in <paramref name="Decided"/>.</param>
/// <param name="VerificationsOpen">Verifications of commitments (事后核查) still open, the completed projects' included.</param>
/// <param name="VerificationsOverdue">Of those, past their deadline day.</param>
/// <param name="CommitmentsConfirmed">Verifications that found the commitment true.</param>
/// <param name="Revoked">Verifications that found it false: approvals revoked (撤销), units marked for the credit record.</param>
public sealed record DecisionCounts(int Open, int OpenOverdue, int Decided, int Approved, int Rejected, int DeemedApproved,
    int DecidedLate, double? AverageWorkingDays, int ApprovedOnCommitment = 0, int VerificationsOpen = 0,
    int VerificationsOverdue = 0, int CommitmentsConfirmed = 0, int Revoked = 0)
{
    /// <summary>The share of decisions made by the deadline (按时办结率); null when none decided.</summary>
    public double? OnTimeRate => Decided == 0 ? null : (Decided - DecidedLate) / (double)Decided;
}

/// <summary>Projects of one definition, or of all of them.</summary>
/// <param name="DefinitionId">The workflow definition's id; null for all definitions together.</param>
/// <param name="Running">Accepted and in progress.</param>
/// <param name="RunningOverdue">Of those, past the project deadline.</param>
/// <param name="Completed">Results issued (办结).</param>
/// <param name="CompletedOnTime">Completed by the project deadline (按时办结).</param>
/// <param name="Rejected">Ended by a department's rejection.</param>
/// <param name="Refused">Not accepted at the window (不予受理).</param>
/// <param name="Terminated">Ended without a decision (终止办理).</param>
/// <param name="AverageWorkingDays">Mean working days from acceptance to completion, stopped time left out; null when none completed.</param>
public sealed record ProjectStatistics(string? DefinitionId, int Running, int RunningOverdue, int Completed, int CompletedOnTime,
    int Rejected, int Refused, int Terminated, double? AverageWorkingDays)
{
    /// <summary>The share of completed projects completed on time; null when none completed.</summary>
    public double? OnTimeRate => Completed == 0 ? null : CompletedOnTime / (double)Completed;
}
