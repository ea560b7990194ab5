using NodaTime;

namespace Approval.Engine.Calendar;

/// <summary>A computed deadline (办结期限) and whether it rests on a year whose arrangement is not yet known.</summary>
/// <param name="Date">The last working day of the period; the period ends at the end of this day.</param>
/// <param name="IsProvisional">True when a day the computation looked at is in a year not covered by verified data.</param>
/// <param name="ProvisionalReason">Why, in Chinese, for display; <c>null</c> when not provisional.</param>
/// <param name="ProvisionalCode">Why, as a stable code (<see cref="ProvisionalNote"/>); <c>null</c> when not provisional.</param>
/// <remarks>A provisional deadline must be recomputed when the year's arrangement is added (see <see cref="IWorkingDayCalendars.Reload"/>).</remarks>
public readonly record struct DeadlineAnswer(LocalDate Date, bool IsProvisional, string? ProvisionalReason, string? ProvisionalCode = null);

/// <summary>A number of working days between two dates, and whether it rests on a year not yet known.</summary>
/// <param name="Days">Working days counted; negative when the range was given backwards.</param>
/// <param name="IsProvisional">True when a day counted (or skipped) is in a year not covered by verified data.</param>
/// <param name="ProvisionalReason">Why, in Chinese, for display; <c>null</c> when not provisional.</param>
/// <param name="ProvisionalCode">Why, as a stable code (<see cref="ProvisionalNote"/>); <c>null</c> when not provisional.</param>
public readonly record struct WorkingDayCount(int Days, bool IsProvisional, string? ProvisionalReason, string? ProvisionalCode = null);
