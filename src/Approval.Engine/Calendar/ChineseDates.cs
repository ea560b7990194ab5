using System.Globalization;
using NodaTime;

namespace Approval.Engine.Calendar;

/// <summary>
/// Gregorian dates of the lunar festivals (农历节日) and of 清明, for years whose arrangement is not published.
/// </summary>
internal static class ChineseDates
{
    private static readonly ChineseLunisolarCalendar Lunar = new();

    /// <summary>农历正月初一 of the lunar year that starts in the given Gregorian year.</summary>
    public static LocalDate NewYear(int year) => FromLunar(year, 1, 1);

    /// <summary>除夕: the last day of the lunar year, i.e. the day before 初一 (腊月二十九 or 三十).</summary>
    public static LocalDate NewYearsEve(int year) => NewYear(year).PlusDays(-1);

    /// <summary>端午节: the 5th day of the 5th lunar month.</summary>
    public static LocalDate DragonBoat(int year) => FromLunar(year, 5, 5);

    /// <summary>中秋节: the 15th day of the 8th lunar month.</summary>
    public static LocalDate MidAutumn(int year) => FromLunar(year, 8, 15);

    /// <summary>
    /// 清明: the day the sun reaches ecliptic longitude 15°, by the usual 21st-century term formula
    /// [Y·0.2422 + 4.81] − [Y/4] (Y = year − 2000), in April.
    /// </summary>
    /// <remarks>
    /// April comes after any leap day of year Y, hence [Y/4] and not [(Y−1)/4]; the latter puts 2020 on 04-05, which
    /// the 2020 notice contradicts (清明 was 04-04). Integer arithmetic avoids a rounding flip on the floor.
    /// </remarks>
    public static LocalDate QingMing(int year)
    {
        if (year is < SupportedRange.FirstYear or > SupportedRange.LastYear)
            throw new ArgumentOutOfRangeException(nameof(year), year, "the 清明 formula is for 2000–2099");
        var y = year - 2000;
        return new LocalDate(year, 4, (y * 2422 + 48100) / 10000 - y / 4);
    }

    /// <summary>Gregorian date of a regular (non-leap) lunar month and day in a lunar year.</summary>
    /// <remarks>
    /// .NET numbers the months of a leap year 1..13 with the leap month at <c>GetLeapMonth(year)</c>
    /// (e.g. 6 for 闰五月), so every regular month from that index on is shifted by one.
    /// </remarks>
    private static LocalDate FromLunar(int lunarYear, int month, int day)
    {
        var leap = Lunar.GetLeapMonth(lunarYear);
        var index = leap != 0 && month >= leap ? month + 1 : month;
        return LocalDate.FromDateTime(Lunar.ToDateTime(lunarYear, index, day, 0, 0, 0, 0));
    }
}
