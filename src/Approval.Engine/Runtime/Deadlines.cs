using Approval.Engine.Calendar;
using NodaTime;

namespace Approval.Engine.Runtime;

/// <summary>
/// The one place that derives due dates (project, step, task) and follow-up dates from the working-day calendar,
/// the clock stops and the approved extensions, so that every deadline moves together when one of them changes.
/// </summary>
/// <remarks>It reads the calendar registry's current snapshot on every use, so a reloaded holiday arrangement applies at once.</remarks>
public sealed class Deadlines
{
    private readonly Func<WorkingDayCalendar> _calendar;
    private readonly EngineOptions _options;

    /// <summary>Deadlines that follow the registry's current national calendar, so a reload applies at once.</summary>
    public Deadlines(IWorkingDayCalendars calendars, EngineOptions options) : this(() => calendars.National, options) { }

    /// <summary>Deadlines on one fixed calendar snapshot.</summary>
    public Deadlines(WorkingDayCalendar calendar, EngineOptions options) : this(() => calendar, options) { }

    private Deadlines(Func<WorkingDayCalendar> calendar, EngineOptions options)
    {
        _calendar = calendar;
        _options = options;
    }

    public WorkingDayCalendar Calendar => _calendar();

    /// <summary>The project's deadline: target plus extensions after acceptance, every clock stop left out.</summary>
    public LocalDate? ProjectDue(ProjectInstance instance) => ProjectDue(instance, 0);

    /// <summary>
    /// The day the project's formal clock counts from: acceptance, or for a converted simulation (模拟审批) the day of
    /// its conversion; null before acceptance.
    /// </summary>
    public static LocalDate? FormalStart(ProjectInstance instance) => instance.ConvertedOn ?? instance.AcceptedOn;

    private LocalDate? ProjectDue(ProjectInstance instance, int moreWorkingDays) => FormalStart(instance) is { } accepted
        ? Calendar.Deadline(accepted, instance.TargetWorkingDays + instance.ExtensionWorkingDays + moreWorkingDays,
            StopsOf(instance, _ => true)).Date
        : null;

    /// <summary>The current step's deadline: its budget after it started, with the step's clock stops left out.</summary>
    public LocalDate StepDue(ProjectInstance instance, LocalDate startedOn, int budget, string activityId) =>
        Calendar.Deadline(startedOn, budget + StepExtension(instance, activityId),
            StopsOf(instance, s => s.ActivityId == activityId)).Date;

    /// <summary>A task's deadline: its limit plus approved extensions after it opened, its own and step-wide stops left out.</summary>
    public LocalDate TaskDue(ProjectInstance instance, WorkTask task) => TaskDue(instance, task, 0);

    private LocalDate TaskDue(ProjectInstance instance, WorkTask task, int moreWorkingDays) =>
        Calendar.Deadline(task.OpenedOn!.Value, task.LimitWorkingDays + task.ExtensionWorkingDays + moreWorkingDays,
            TaskStops(instance, task)).Date;

    /// <summary>
    /// What approving an extension (延期) of <paramref name="workingDays"/> for <paramref name="task"/> would do to the
    /// deadlines now: the task's and the project's, before and after, by the same rules the approval applies.
    /// </summary>
    /// <remarks>The project gains only what lengthens the task's step (<see cref="ProjectGainOfExtension"/>), so a
    /// shorter extension than one already approved in the same parallel step leaves the project's deadline where it is.</remarks>
    public ExtensionEffect EffectOfExtension(ProjectInstance instance, WorkTask task, int workingDays) =>
        EffectOfExtension(instance, task, workingDays, StepExtension(instance, task.ActivityId));

    /// <summary>
    /// <see cref="EffectOfExtension(ProjectInstance, WorkTask, int)"/> with the step's longest approved extension
    /// given, for a list that reads it in SQL instead of loading the project's tasks; the project needs only its
    /// deadline's columns and its clock stops.
    /// </summary>
    public ExtensionEffect EffectOfExtension(ProjectInstance instance, WorkTask task, int workingDays, int stepExtensionWorkingDays) => new(
        task.DueOn, task.OpenedOn is null ? null : TaskDue(instance, task, workingDays),
        instance.DueOn, ProjectDue(instance, ProjectGain(task, workingDays, stepExtensionWorkingDays)));

    /// <summary>
    /// The working days an approved extension of a task adds to its project: parallel tasks' extensions overlap in
    /// time, so a step is lengthened by its longest approved extension and the project by what that longest grows.
    /// </summary>
    internal static int ProjectGainOfExtension(ProjectInstance instance, WorkTask task, int workingDays) =>
        ProjectGain(task, workingDays, StepExtension(instance, task.ActivityId));

    private static int ProjectGain(WorkTask task, int workingDays, int stepExtensionWorkingDays) =>
        Math.Max(0, task.ExtensionWorkingDays + workingDays - stepExtensionWorkingDays);

    /// <summary>The first day a task is yellow: when at most N working days are left, or a share of its time is used.</summary>
    /// <remarks>On day X, "used" is the working days in (opened, X] and "left" those in (X, due].</remarks>
    public LocalDate? WarnOn(ProjectInstance instance, WorkTask task)
    {
        var total = task.LimitWorkingDays + task.ExtensionWorkingDays;
        var candidates = new List<int>();
        if (_options.YellowWhenWorkingDaysLeft > 0) candidates.Add(total - _options.YellowWhenWorkingDaysLeft);
        if (_options.YellowWhenShareUsed is { } share) candidates.Add((int)Math.Ceiling(total * share));
        if (candidates.Count == 0) return null;
        var used = candidates.Min();
        return used <= 0
            ? task.OpenedOn
            : Calendar.Deadline(task.OpenedOn!.Value, used,
                TaskStops(instance, task)).Date;
    }

    /// <summary>Re-derives a task's due and follow-up dates after a stop, a resumption or an extension.</summary>
    public void Refresh(ProjectInstance instance, WorkTask task)
    {
        if (task.OpenedOn is null) return;
        task.DueOn = TaskDue(instance, task);
        task.WarnOn = WarnOn(instance, task);
    }

    /// <summary>Working days a project has used from acceptance up to a day, its clock stops left out.</summary>
    public int WorkingDaysUsed(ProjectInstance instance, LocalDate until) => FormalStart(instance) is { } accepted
        ? Math.Max(0, Calendar.WorkingDaysBetween(accepted, until, StopsOf(instance, _ => true)).Days)
        : 0;

    /// <summary>
    /// Working days from a day to the project's deadline, its clock stops left out (so that used and left add up to
    /// the time allowed); negative once the deadline has passed.
    /// </summary>
    public int? WorkingDaysLeft(ProjectInstance instance, LocalDate from) => instance.DueOn is { } due
        ? Calendar.WorkingDaysBetween(from, due, StopsOf(instance, _ => true)).Days
        : null;

    /// <summary>
    /// Why the project's deadline (and its step's) is provisional: some day counted to it lies in a year whose holiday
    /// arrangement is not published or verified; <c>null</c> when the data settles it, and once the project has ended
    /// (its dates are final and no reload moves them).
    /// </summary>
    public ProvisionalNote? ProjectDueProvisional(ProjectInstance instance)
    {
        if (instance.IsEnded || (instance.AcceptedOn ?? instance.StepStartedOn) is not { } from) return null;
        var to = instance.DueOn is { } due && (instance.StepDueOn is not { } stepDue || due >= stepDue) ? instance.DueOn : instance.StepDueOn;
        return to is { } last ? Calendar.ProvisionalBetween(from, last) : null;
    }

    /// <summary>Why an open task's deadline and follow-up date are provisional; <c>null</c> when settled or the task is closed.</summary>
    public ProvisionalNote? TaskDueProvisional(WorkTask task) =>
        task.IsOpen && task.OpenedOn is { } opened && task.DueOn is { } due ? Calendar.ProvisionalBetween(opened, due) : null;

    /// <summary>The instant a deadline day is over (24:00 local time unless configured otherwise).</summary>
    public Instant EndOf(LocalDate day) => Calendar.EndOfDay(day);

    /// <summary>The instant a day begins in the service centre's time zone.</summary>
    public Instant StartOf(LocalDate day) => Calendar.StartOfDay(day);

    private ClockStops TaskStops(ProjectInstance instance, WorkTask task) =>
        StopsOf(instance, s => s.ActivityId == task.ActivityId && (s.TaskId is null || s.TaskId == task.Id));

    /// <summary>Parallel tasks' extensions overlap in time: a step is lengthened by its longest approved extension.</summary>
    internal static int StepExtension(ProjectInstance instance, string activityId) =>
        instance.Tasks.Where(t => t.ActivityId == activityId).Select(t => t.ExtensionWorkingDays).DefaultIfEmpty(0).Max();

    /// <summary>
    /// The calendar's view of the project's stops, by the one rule of <see cref="ClockStops.Covering"/>: a stop covers
    /// its first day up to the day counting resumes; while open, up to the day it is expected to resume.
    /// </summary>
    internal ClockStops StopsOf(ProjectInstance instance, Func<ClockStop, bool> which) =>
        ClockStops.FromRecorded(instance.ClockStops.Where(which).Select(s => (s.StartsOn, s.ResumesOn ?? ExpectedResumesOn(s))));

    /// <summary>While a stop is open: the day after the working days the department said it expects to need.</summary>
    private LocalDate ExpectedResumesOn(ClockStop stop) =>
        ClockStops.ResumesAfter(Calendar.Deadline(stop.StartsOn.PlusDays(-1), Math.Max(1, stop.ExpectedWorkingDays)).Date);
}

/// <summary>The deadlines before and after an extension (延期前后的期限); null where there is none yet.</summary>
public sealed record ExtensionEffect(LocalDate? TaskDueBefore, LocalDate? TaskDueAfter, LocalDate? ProjectDueBefore,
    LocalDate? ProjectDueAfter);
