using Approval.Engine.Calendar;
using Approval.Engine.Runtime;
using NodaTime;

namespace Approval.Engine.Supervision;

/// <summary>The deadline light of e-supervision (电子监察红黄灯).</summary>
public enum Light { Green, Yellow, Red }

/// <summary>
/// Derives a task's or a project's light from its follow-up and due dates, under the configured convention:
/// yellow near the deadline and red overdue, or yellow overdue and red once 督办 time has also run out.
/// </summary>
public sealed class LightPolicy
{
    private readonly EngineOptions _options;
    private readonly Func<WorkingDayCalendar> _calendar;
    private readonly Deadlines _deadlines;

    /// <summary>A policy that follows the registry's current calendar, so a reload applies at once.</summary>
    public LightPolicy(EngineOptions options, IWorkingDayCalendars calendars)
        : this(options, () => calendars.National, new Deadlines(calendars, options)) { }

    public LightPolicy(EngineOptions options, WorkingDayCalendar calendar) : this(options, () => calendar, new Deadlines(calendar, options)) { }

    private LightPolicy(EngineOptions options, Func<WorkingDayCalendar> calendar, Deadlines deadlines)
    {
        _options = options;
        _calendar = calendar;
        _deadlines = deadlines;
    }

    private WorkingDayCalendar Calendar => _calendar();

    public Light Of(Instant now, LocalDate? warnOn, LocalDate? dueOn)
    {
        if (dueOn is not { } due) return Light.Green;
        var today = Calendar.LocalDateOf(now);
        if (!Calendar.IsPastDeadline(now, due))
        {
            var near = warnOn is { } warn && today >= warn;
            return near && _options.LightConvention == LightConvention.NearAndOverdue ? Light.Yellow : Light.Green;
        }
        if (_options.LightConvention == LightConvention.NearAndOverdue) return Light.Red;
        var over = Calendar.WorkingDaysBetween(due, today).Days;
        return over > _options.EscalationWorkingDays ? Light.Red : Light.Yellow;
    }

    /// <summary>
    /// The days that decide an open task's light at <paramref name="now"/>, computed once with the calendar before a
    /// query, so that "red only" is a comparison of the stored due and follow-up dates (<see cref="LightBounds"/>).
    /// </summary>
    public LightBounds BoundsAt(Instant now)
    {
        var calendar = Calendar;
        var today = calendar.LocalDateOf(now);
        // Days end at 24:00 or at a configured hour: today itself may already be over as a deadline day.
        var lastOverdue = calendar.IsPastDeadline(now, today) ? today : today.PlusDays(-1);
        if (_options.LightConvention == LightConvention.NearAndOverdue)
            return new LightBounds(today, lastOverdue, RedThrough: lastOverdue, YellowDueThrough: LightBounds.Never, YellowWarnThrough: today,
                ProjectYellowDueBefore: ProjectYellowDueBefore(calendar, today), ProjectNearNeedsRows: _options.YellowWhenShareUsed is not null);
        // Red once more than the escalation's working days have passed since the deadline: walk back to the last such day.
        var red = lastOverdue;
        while (calendar.WorkingDaysBetween(red, today).Days <= _options.EscalationWorkingDays) red = red.PlusDays(-1);
        return new LightBounds(today, lastOverdue, RedThrough: red, YellowDueThrough: lastOverdue, YellowWarnThrough: LightBounds.Never,
            ProjectYellowDueBefore: LightBounds.Never, ProjectNearNeedsRows: false);
    }

    // The first deadline with more than N working days left after today; an earlier one is near (yellow) unless stopped days intervene.
    private LocalDate ProjectYellowDueBefore(WorkingDayCalendar calendar, LocalDate today)
    {
        if (_options.YellowWhenWorkingDaysLeft < 0) return LightBounds.Never;
        var day = today;
        while (calendar.WorkingDaysBetween(today, day).Days <= _options.YellowWhenWorkingDaysLeft) day = day.PlusDays(1);
        return day;
    }

    /// <summary>A task's light; a task whose clock is stopped keeps the light it had (it cannot run late while stopped).</summary>
    public Light Of(Instant now, WorkTask task) =>
        task.IsOpen || task.Status == Runtime.TaskStatus.Waiting ? Of(now, task.WarnOn, task.DueOn) : Light.Green;

    /// <summary>A running project's light against its own deadline.</summary>
    public Light Of(Instant now, ProjectInstance instance)
    {
        if (instance.Status != InstanceStatus.Running) return Light.Green;
        var byDeadline = Of(now, null, instance.DueOn);
        return byDeadline != Light.Green ? byDeadline : NearProjectDeadline(now, instance);
    }

    private Light NearProjectDeadline(Instant now, ProjectInstance instance)
    {
        var today = Calendar.LocalDateOf(now);
        // Stopped days count neither as used nor as left, as on the project's own page.
        if (_options.LightConvention != LightConvention.NearAndOverdue || _deadlines.WorkingDaysLeft(instance, today) is not { } left)
            return Light.Green;
        var used = _deadlines.WorkingDaysUsed(instance, today);
        var total = instance.TargetWorkingDays + instance.ExtensionWorkingDays;
        var near = left <= _options.YellowWhenWorkingDaysLeft
            || (_options.YellowWhenShareUsed is { } share && total > 0 && used >= total * share);
        return near ? Light.Yellow : Light.Green;
    }
}

/// <summary>
/// The days that decide lights on one day, so that a light is a condition on stored dates: an open task is red when
/// due on or before <see cref="RedThrough"/>; otherwise yellow when due on or before <see cref="YellowDueThrough"/> or
/// followed up (<c>warnOn</c>) on or before <see cref="YellowWarnThrough"/>; otherwise green. A running project is red or
/// yellow by the same due-date bounds; under the near-deadline convention it is also yellow when due before
/// <see cref="ProjectYellowDueBefore"/>, exactly so when no clock stop is open or ahead and no share rule is configured.
/// </summary>
/// <param name="Today">The local day.</param>
/// <param name="LastOverdue">The last deadline day already over (超期 when due on or before it).</param>
/// <param name="RedThrough">Red when due on or before this day.</param>
/// <param name="YellowDueThrough">Yellow when due on or before this day (and not red); <see cref="Never"/> when no such rule.</param>
/// <param name="YellowWarnThrough">Yellow when followed up on or before this day (and not red); <see cref="Never"/> when no such rule.</param>
/// <param name="ProjectYellowDueBefore">A running project due before this day has at most the configured working days left.</param>
/// <param name="ProjectNearNeedsRows">Whether a project's nearness also depends on the share of its time used (needs its rows).</param>
public sealed record LightBounds(LocalDate Today, LocalDate LastOverdue, LocalDate RedThrough, LocalDate YellowDueThrough,
    LocalDate YellowWarnThrough, LocalDate ProjectYellowDueBefore, bool ProjectNearNeedsRows)
{
    /// <summary>A day before every stored date: a bound that nothing meets.</summary>
    public static readonly LocalDate Never = new(1, 1, 1);

    /// <summary>The light of an open task with these dates (the same as <see cref="LightPolicy.Of(Instant, LocalDate?, LocalDate?)"/>).</summary>
    public Light OfTask(LocalDate? warnOn, LocalDate? dueOn) =>
        dueOn is not { } due ? Light.Green
        : due <= RedThrough ? Light.Red
        : due <= YellowDueThrough || (warnOn is { } warn && warn <= YellowWarnThrough) ? Light.Yellow
        : Light.Green;
}
