using NodaTime;

namespace Approval.Engine.Calendar;

/// <summary>
/// The dates every calendar snapshot precomputes (2000-01-01 to 2099-12-31) and the mapping between a date and its
/// day index, so that deadline arithmetic is array look-ups instead of date arithmetic.
/// </summary>
public static class SupportedRange
{
    /// <summary>The first supported date.</summary>
    public static LocalDate First { get; } = new(FirstYear, 1, 1);

    /// <summary>The last supported date.</summary>
    public static LocalDate Last { get; } = new(LastYear, 12, 31);

    internal const int FirstYear = 2000;
    internal const int LastYear = 2099;

    /// <summary>Number of days in the range.</summary>
    internal static readonly int DayCount = Period.DaysBetween(First, Last) + 1;

    // Index of the first day of each month, so a date's index is two additions.
    private static readonly int[] MonthStarts = BuildMonthStarts();

    /// <summary>Every supported date by index, so that turning an index back into a date allocates nothing.</summary>
    internal static readonly LocalDate[] Dates = BuildDates();

    /// <summary>Whether the date lies inside the supported range.</summary>
    public static bool Contains(LocalDate date) => IndexOf(date) >= 0;

    /// <summary>The day index of a date, or -1 outside the range.</summary>
    internal static int IndexOf(LocalDate date)
    {
        if (date.Calendar != CalendarSystem.Iso) date = date.WithCalendar(CalendarSystem.Iso);
        var year = date.Year;
        if (year < FirstYear || year > LastYear) return -1;
        return MonthStarts[(year - FirstYear) * 12 + date.Month - 1] + date.Day - 1;
    }

    /// <summary>
    /// The index range of the part of <paramref name="interval"/> inside the supported range; false when none is
    /// (a clock stop may reach beyond the range: only its part inside can matter).
    /// </summary>
    internal static bool TryIndexRange(DateInterval interval, out int first, out int last)
    {
        var (start, end) = (interval.Start.WithCalendar(CalendarSystem.Iso), interval.End.WithCalendar(CalendarSystem.Iso));
        first = start < First ? 0 : IndexOf(start);
        last = end > Last ? DayCount - 1 : IndexOf(end);
        return first >= 0 && last >= 0 && first <= last;
    }

    /// <summary>The supported range as text, for error messages.</summary>
    internal static string Describe() => $"{First:yyyy-MM-dd}..{Last:yyyy-MM-dd}";

    private static int[] BuildMonthStarts()
    {
        var starts = new int[(LastYear - FirstYear + 1) * 12];
        var first = new LocalDate(FirstYear, 1, 1);
        for (var i = 0; i < starts.Length; i++)
        {
            starts[i] = Period.DaysBetween(first, first.PlusMonths(i));
        }
        return starts;
    }

    private static LocalDate[] BuildDates()
    {
        var dates = new LocalDate[DayCount];
        for (var i = 0; i < dates.Length; i++) dates[i] = First.PlusDays(i);
        return dates;
    }
}
