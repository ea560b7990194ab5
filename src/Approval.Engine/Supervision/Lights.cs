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
