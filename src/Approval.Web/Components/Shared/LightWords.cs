using Approval.Engine.Calendar;
using Approval.Engine.Runtime;
using Approval.Engine.Supervision;
using NodaTime;

namespace Approval.Web.Components.Shared;

/// <summary>A light as a person reads it: colour word and what it means, e.g. "黄灯·剩余 2 个工作日".</summary>
public readonly record struct LightView(Light Light, string Text)
{
    /// <summary>The CSS class that colours the badge (never the only signal: the text says it too).</summary>
    public string CssClass => Light switch { Light.Red => "light light-red", Light.Yellow => "light light-yellow", _ => "light light-green" };
}

/// <summary>
/// Puts words to the engine's lights (the one place pages do). Which light it is comes from the engine's
/// <see cref="LightPolicy"/>, so the thresholds and convention are the API's; this only adds the working days.
/// </summary>
public sealed class LightWords(LightPolicy policy, IWorkingDayCalendars calendars, IClock clock)
{
    /// <summary>A task's light and words.</summary>
    public LightView Of(WorkTask task) => Describe(policy.Of(clock.GetCurrentInstant(), task), task.DueOn);

    /// <summary>A project's light and words against its own deadline.</summary>
    public LightView Of(ProjectInstance project) =>
        Describe(policy.Of(clock.GetCurrentInstant(), project), project.Status == InstanceStatus.Running ? project.DueOn : null);

    /// <summary>Words for a light already computed by the engine (e.g. in an API view), with the due date it was computed from.</summary>
    public LightView Describe(Light light, LocalDate? dueOn)
    {
        var colour = light switch { Light.Red => "红灯", Light.Yellow => "黄灯", _ => "绿灯" };
        if (light == Light.Green || dueOn is not { } due) return new(light, $"{colour}·正常");
        // Under the OverdueAndEscalated convention yellow already means overdue: the words follow the dates, not the colour.
        return new(light, $"{colour}·{DaysLeft(due)}");
    }

    /// <summary>The working days left until <paramref name="due"/> (剩余 3 个工作日), or how far past it (已超期 2 个工作日).</summary>
    public string DaysLeft(LocalDate due)
    {
        var calendar = calendars.National;
        var now = clock.GetCurrentInstant();
        var today = calendar.LocalDateOf(now);
        return calendar.IsPastDeadline(now, due)
            ? ChineseFormat.Overdue(calendar.WorkingDaysBetween(due, today).Days)
            : ChineseFormat.WorkingDaysLeft(calendar.WorkingDaysBetween(today, due).Days);
    }
}
