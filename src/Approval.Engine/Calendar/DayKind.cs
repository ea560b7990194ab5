namespace Approval.Engine.Calendar;

/// <summary>What kind of day a date is in the working-day calendar (工作日历).</summary>
public enum DayKind
{
    /// <summary>An ordinary Monday–Friday working day.</summary>
    Workday,

    /// <summary>An ordinary Saturday or Sunday (公休日).</summary>
    Weekend,

    /// <summary>A day of an official break (放假), including weekend days inside the break.</summary>
    Holiday,

    /// <summary>A Saturday or Sunday declared a working day (调休上班).</summary>
    AdjustedWorkday,
}
