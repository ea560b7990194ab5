namespace Approval.Engine.Calendar;

/// <summary>
/// In strict mode, a question whose answer depends on a year whose holiday arrangement (节假日安排) is not in the
/// verified data.
/// </summary>
public sealed class CalendarYearNotPublishedException(string field, int year, string message)
    : InvalidInputException(field, message)
{
    /// <summary>The calendar year that is missing or unverified.</summary>
    public int Year { get; } = year;
}
