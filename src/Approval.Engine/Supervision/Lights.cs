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
public sealed class LightPolicy(EngineOptions options, WorkingDayCalendar calendar)
{
    public Light Of(Instant now, LocalDate? warnOn, LocalDate? dueOn)
    {
        if (dueOn is not { } due) return Light.Green;
        var today = calendar.LocalDateOf(now);
        if (!calendar.IsPastDeadline(now, due))
        {
            var near = warnOn is { } warn && today >= warn;
            return near && options.LightConvention == LightConvention.NearAndOverdue ? Light.Yellow : Light.Green;
        }
        if (options.LightConvention == LightConvention.NearAndOverdue) return Light.Red;
        var over = calendar.WorkingDaysBetween(due, today).Days;
        return over > options.EscalationWorkingDays ? Light.Red : Light.Yellow;
    }

    /// <summary>A task's light; a task whose clock is stopped keeps the light it had (it cannot run late while stopped).</summary>
    public Light Of(Instant now, WorkTask task) =>
        task.IsOpen || task.Status == Runtime.TaskStatus.Waiting ? Of(now, task.WarnOn, task.DueOn) : Light.Green;

    /// <summary>A running project's light against its own deadline.</summary>
    public Light Of(Instant now, ProjectInstance instance) =>
        instance.Status == InstanceStatus.Running ? Of(now, null, instance.DueOn) is var l && l != Light.Green ? l
            : NearProjectDeadline(now, instance) : Light.Green;

    private Light NearProjectDeadline(Instant now, ProjectInstance instance)
    {
        if (instance.DueOn is not { } due || options.LightConvention != LightConvention.NearAndOverdue) return Light.Green;
        var left = calendar.WorkingDaysBetween(calendar.LocalDateOf(now), due).Days;
        var used = instance.AcceptedOn is { } accepted ? calendar.WorkingDaysBetween(accepted, calendar.LocalDateOf(now)).Days : 0;
        var total = instance.TargetWorkingDays + instance.ExtensionWorkingDays;
        var near = left <= options.YellowWhenWorkingDaysLeft
            || (options.YellowWhenShareUsed is { } share && total > 0 && used >= total * share);
        return near ? Light.Yellow : Light.Green;
    }
}
