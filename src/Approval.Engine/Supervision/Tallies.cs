using System.Linq.Expressions;
using Approval.Engine.Activities;
using Approval.Engine.Calendar;
using Approval.Engine.Runtime;
using NodaTime;
using TaskStatus = Approval.Engine.Runtime.TaskStatus;

namespace Approval.Engine.Supervision;

/// <summary>
/// A summary row (计数行) of what supervision counts: how many tasks or projects share one key, and their measures.
/// The engine appends one row per change of a counted key with every save (+1 where a task or project now counts,
/// −1 where it no longer does), in the same all-or-nothing write as the change itself; <see cref="TallyCompaction"/>
/// folds the rows of a key into one. A count is the sum of a key's rows, whatever has been folded.
/// </summary>
/// <remarks>
/// Rows are only ever inserted by a command, never updated: concurrent decisions of one department do not wait for
/// each other on a shared counter, and two nodes append side by side.
/// </remarks>
public abstract class Tally
{
    public Guid Id { get; set; }
    /// <summary>How many tasks or projects (negative in a row that takes some away).</summary>
    public int Count { get; set; }
    /// <summary>False for a row a save appended, true for a key's rows folded into one (<see cref="TallyCompaction"/>).</summary>
    public bool Folded { get; set; }

    /// <summary>What the row counts by (its columns but the measures).</summary>
    internal abstract object Key { get; }

    /// <summary>The key and measures, to tell an unchanged contribution from a changed one.</summary>
    internal object Signature => (Key, Measures);

    private protected abstract object Measures { get; }

    /// <summary>The row that takes this one's contribution away.</summary>
    internal abstract Tally Negated();

    /// <summary>Adds another row's measures of the same key to this one's.</summary>
    internal abstract void Add(Tally other);
}

/// <summary>Where a project stands, as the counts of its open tasks need it.</summary>
public enum ProjectPhase
{
    /// <summary>Filed or returned: not accepted yet.</summary>
    NotStarted,
    /// <summary>Running (在办), not in simulation.</summary>
    Running,
    /// <summary>Running as a simulated approval (模拟审批) not yet converted.</summary>
    Simulating,
    /// <summary>Ended (completed, rejected, refused, terminated): open work after the end is a verification, a rectification or a 督办 reply.</summary>
    Ended,
}

/// <summary>
/// Open department work (在办) counted by department, kind, matter, due and follow-up day and the project's phase: what
/// the department boards, the to-do counts and totals, and the statistics' open work sum over.
/// </summary>
public sealed class OpenWorkTally : Tally, IOpenWorkDates
{
    public string DepartmentId { get; set; } = "";
    public TaskKind Kind { get; set; }
    public string? MatterCode { get; set; }
    public LocalDate? DueOn { get; set; }
    public LocalDate? WarnOn { get; set; }
    public ProjectPhase Phase { get; set; }

    internal override object Key => (DepartmentId, Kind, MatterCode, DueOn, WarnOn, Phase);
    private protected override object Measures => Count;
    internal override void Add(Tally other) => Count += other.Count;

    internal override Tally Negated() => new OpenWorkTally
    {
        DepartmentId = DepartmentId, Kind = Kind, MatterCode = MatterCode, DueOn = DueOn, WarnOn = WarnOn, Phase = Phase, Count = -Count,
    };
}

/// <summary>
/// Decided matters (办结) and verifications of commitments (事后核查) by kind, department, matter, outcome and the day
/// decided: how many, how many late, and their working days summed. A 转正确认 counts as a matter decision.
/// </summary>
public sealed class DecisionTally : Tally
{
    public TaskKind Kind { get; set; }
    public string DepartmentId { get; set; } = "";
    public string MatterCode { get; set; } = "";
    public string Outcome { get; set; } = "";
    public LocalDate DecidedOn { get; set; }
    /// <summary>How many were decided after their deadline day (超期办结).</summary>
    public int Late { get; set; }
    /// <summary>The working days they used, summed.</summary>
    public long Days { get; set; }

    internal override object Key => (Kind, DepartmentId, MatterCode, Outcome, DecidedOn);
    private protected override object Measures => (Count, Late, Days);

    internal override void Add(Tally other)
    {
        var o = (DecisionTally)other;
        (Count, Late, Days) = (Count + o.Count, Late + o.Late, Days + o.Days);
    }

    internal override Tally Negated() => new DecisionTally
    {
        Kind = Kind, DepartmentId = DepartmentId, MatterCode = MatterCode, Outcome = Outcome, DecidedOn = DecidedOn,
        Count = -Count, Late = -Late, Days = -Days,
    };
}

/// <summary>
/// Filed (waiting for the window), running and ended projects by definition and status: running ones by their deadline
/// day, ended ones by the day they ended and whether on time, with the working days of those that have them.
/// </summary>
public sealed class ProjectTally : Tally
{
    public string DefinitionId { get; set; } = "";
    public InstanceStatus Status { get; set; }
    /// <summary>A running project's deadline day.</summary>
    public LocalDate? DueOn { get; set; }
    /// <summary>The day an ended project ended.</summary>
    public LocalDate? EndedOn { get; set; }
    public bool OnTime { get; set; }
    /// <summary>How many have their working days (completed, accepted, with a deadline).</summary>
    public int WithDays { get; set; }
    /// <summary>Those working days, summed.</summary>
    public long Days { get; set; }

    internal override object Key => (DefinitionId, Status, DueOn, EndedOn, OnTime);
    private protected override object Measures => (Count, WithDays, Days);

    internal override void Add(Tally other)
    {
        var o = (ProjectTally)other;
        (Count, WithDays, Days) = (Count + o.Count, WithDays + o.WithDays, Days + o.Days);
    }

    internal override Tally Negated() => new ProjectTally
    {
        DefinitionId = DefinitionId, Status = Status, DueOn = DueOn, EndedOn = EndedOn, OnTime = OnTime,
        Count = -Count, WithDays = -WithDays, Days = -Days,
    };
}

/// <summary>Accepted projects (受理), running or ended, by definition and the day of acceptance.</summary>
public sealed class AcceptanceTally : Tally
{
    public string DefinitionId { get; set; } = "";
    public LocalDate AcceptedOn { get; set; }

    internal override object Key => (DefinitionId, AcceptedOn);
    private protected override object Measures => Count;
    internal override void Add(Tally other) => Count += other.Count;

    internal override Tally Negated() => new AcceptanceTally { DefinitionId = DefinitionId, AcceptedOn = AcceptedOn, Count = -Count };
}

/// <summary>The columns a light is decided by, shared by open tasks and their tally, so a light filter is written once.</summary>
public interface IOpenWorkDates
{
    string? DepartmentId { get; }
    TaskKind Kind { get; }
    LocalDate? DueOn { get; }
    LocalDate? WarnOn { get; }
}

/// <summary>
/// What a task or a project contributes to each tally: the one rule, used for every save's appended rows
/// (<see cref="Changes"/>) and for building the tallies from the rows (<see cref="TallyCompaction.RebuildAsync"/>).
/// </summary>
public static class TallyRules
{
    private static readonly string[] Decisions = [Outcomes.Approved, Outcomes.Rejected, Outcomes.DeemedApproved, Outcomes.ApprovedOnCommitment];

    /// <summary>The phase of a project by its status and simulation state.</summary>
    public static ProjectPhase PhaseOf(InstanceStatus status, SimulationState simulation) => status switch
    {
        InstanceStatus.Running => simulation == SimulationState.Simulating ? ProjectPhase.Simulating : ProjectPhase.Running,
        InstanceStatus.Filed or InstanceStatus.Returned => ProjectPhase.NotStarted,
        _ => ProjectPhase.Ended,
    };

    /// <summary>
    /// Department work (在办): open or stopped, with a department, not the applicant's own correction. One rule for the
    /// lists' queries, the tallies' build from the rows and the tally of a save.
    /// </summary>
    public static readonly Expression<Func<WorkTask, bool>> OpenWork = t =>
        (t.Status == TaskStatus.Open || t.Status == TaskStatus.Suspended) && t.Kind != TaskKind.ApplicantCorrection && t.DepartmentId != null;

    private static readonly Func<WorkTask, bool> IsOpenWorkCompiled = OpenWork.Compile();

    /// <summary>Whether a task is department work (<see cref="OpenWork"/>).</summary>
    public static bool IsOpenWork(WorkTask t) => IsOpenWorkCompiled(t);

    /// <summary>What a task adds to the tallies in a project of <paramref name="phase"/>.</summary>
    public static IEnumerable<Tally> Of(WorkTask t, ProjectPhase phase, WorkingDayCalendar calendar)
    {
        if (IsOpenWork(t))
            yield return new OpenWorkTally
            {
                DepartmentId = t.DepartmentId!, Kind = t.Kind, MatterCode = t.MatterCode, DueOn = t.DueOn, WarnOn = t.WarnOn, Phase = phase, Count = 1,
            };
        if (Decided(t) is { } decided) yield return decided;
        DecisionTally? Decided(WorkTask task)
        {
            if (task.Kind is not (TaskKind.MatterDecision or TaskKind.SimulationConfirmation or TaskKind.CommitmentVerification)
                || task.MatterCode is null || task.DepartmentId is null || task.Status != TaskStatus.Done || task.DecidedAt is not { } at)
                return null;
            var verification = task.Kind == TaskKind.CommitmentVerification;
            // Simulated outcomes (模拟通过) are not decisions; a 转正确认 is the matter's formal decision.
            if (!verification && (task.OpenedOn is null || !Decisions.Contains(task.Outcome))) return null;
            var late = verification ? false : task.DecidedLate ?? TimeUsed.DecidedLate(task, calendar);
            var days = verification ? task.UsedWorkingDays ?? 0 : task.UsedWorkingDays ?? TimeUsed.OfDecision(task, calendar) ?? 0;
            return new DecisionTally
            {
                Kind = verification ? TaskKind.CommitmentVerification : TaskKind.MatterDecision, DepartmentId = task.DepartmentId,
                MatterCode = task.MatterCode, Outcome = task.Outcome ?? "", DecidedOn = calendar.LocalDateOf(at), Count = 1,
                Late = late ? 1 : 0, Days = days,
            };
        }
    }

    /// <summary>What a project itself adds to the tallies (its tasks apart).</summary>
    public static IEnumerable<Tally> Of(ProjectInstance p, WorkingDayCalendar calendar)
    {
        var ended = p.EndedAt is not null;
        if (p.Status == InstanceStatus.Filed)
            yield return new ProjectTally { DefinitionId = p.DefinitionId, Status = p.Status, Count = 1 };
        else if (p.Status == InstanceStatus.Running)
            yield return new ProjectTally { DefinitionId = p.DefinitionId, Status = p.Status, DueOn = p.DueOn, Count = 1 };
        else if (ended)
        {
            // Completions from before the engine stored their days get them by the rule it stores them by.
            var days = p.UsedWorkingDays ?? (p.Status == InstanceStatus.Completed ? TimeUsed.OfProject(p, calendar) : null);
            yield return new ProjectTally
            {
                DefinitionId = p.DefinitionId, Status = p.Status, EndedOn = p.EndedOn, OnTime = p.OnTime == true, Count = 1,
                WithDays = days is null ? 0 : 1, Days = days ?? 0,
            };
        }
        if ((p.Status == InstanceStatus.Running || ended) && p.AcceptedOn is { } accepted)
            yield return new AcceptanceTally { DefinitionId = p.DefinitionId, AcceptedOn = accepted, Count = 1 };
    }

    /// <summary>
    /// The rows that turn <paramref name="before"/>'s contributions into <paramref name="after"/>'s: the negation of
    /// each one that went, each one that came; nothing for one in both.
    /// </summary>
    public static IEnumerable<Tally> Changes(IEnumerable<Tally> before, IEnumerable<Tally> after)
    {
        var gone = before.ToList();
        var came = after.ToList();
        foreach (var row in came.ToList())
        {
            var same = gone.FindIndex(g => g.GetType() == row.GetType() && Equals(g.Signature, row.Signature));
            if (same < 0) continue;
            gone.RemoveAt(same);
            came.Remove(row);
        }
        return gone.Select(g => g.Negated()).Concat(came);
    }
}
