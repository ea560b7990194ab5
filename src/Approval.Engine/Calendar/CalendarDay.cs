using NodaTime;

namespace Approval.Engine.Calendar;

/// <summary>One date as the working-day calendar sees it.</summary>
/// <param name="Date">The date described.</param>
/// <param name="Kind">Workday, weekend, holiday or adjusted workday.</param>
/// <param name="Name">
/// For a holiday the name of its arrangement in Chinese (<c>春节</c>, <c>中秋节、国庆节</c>, <c>古尔邦节</c>);
/// for an adjusted workday the arrangement's name followed by <c>调休上班</c> (<c>国庆节调休上班</c>);
/// <c>null</c> for an ordinary workday or weekend (the weekday is in <see cref="Date"/>).
/// </param>
/// <param name="IsProvisional">True when the year's arrangement is not in the data, so the kind is inferred from the law.</param>
/// <param name="ProvisionalReason">Why the answer is provisional, in Chinese, for display; <c>null</c> when it is not.</param>
/// <param name="ProvisionalCode">Why, as a stable code (<see cref="ProvisionalNote"/>); <c>null</c> when it is not.</param>
public sealed record CalendarDay(LocalDate Date, DayKind Kind, string? Name, bool IsProvisional, string? ProvisionalReason,
    string? ProvisionalCode = null)
{
    /// <summary>True for <see cref="DayKind.Workday"/> and <see cref="DayKind.AdjustedWorkday"/>.</summary>
    public bool IsWorkingDay => Kind is DayKind.Workday or DayKind.AdjustedWorkday;
}
