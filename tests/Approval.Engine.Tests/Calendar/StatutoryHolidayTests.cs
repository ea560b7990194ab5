using Approval.Engine.Calendar;
using NodaTime;
using static Approval.Engine.Tests.Calendar.CalendarTestData;

namespace Approval.Engine.Tests.Calendar;

/// <summary>
/// The fallback for unpublished years: lunar festivals, 清明 and the statutory days of each revision of
/// 《全国年节及纪念日放假办法》, checked against the published years.
/// </summary>
public class StatutoryHolidayTests
{
    public static TheoryData<int> PublishedYears => new(Enumerable.Range(2018, 9));

    [Theory]
    [MemberData(nameof(PublishedYears))]
    public void Every_statutory_day_computed_for_a_published_year_is_a_holiday_there(int year)
    {
        foreach (var (date, name) in StatutoryHolidays.For(year))
        {
            var day = National.Describe(date);
            Assert.True(day.Kind == DayKind.Holiday, $"{date} ({name}) is {day.Kind} in the {year} data");
            Assert.Contains(name, day.Name);
        }
    }

    [Theory]
    [InlineData(2024, 11)]
    [InlineData(2025, 13)] // 第795号: + 除夕, + 5月2日
    [InlineData(2010, 11)]
    [InlineData(2005, 10)] // 1999 rules: 元旦 1, 春节 3, 劳动节 3, 国庆节 3
    public void Statutory_day_count_follows_the_revision_in_force(int year, int days) =>
        Assert.Equal(days, StatutoryHolidays.For(year).Count);

    [Theory]
    [InlineData(2018, "2018-04-05")]
    [InlineData(2019, "2019-04-05")]
    [InlineData(2020, "2020-04-04")]
    [InlineData(2021, "2021-04-04")]
    [InlineData(2022, "2022-04-05")]
    [InlineData(2023, "2023-04-05")]
    [InlineData(2024, "2024-04-04")]
    [InlineData(2025, "2025-04-04")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2000, "2000-04-04")]
    [InlineData(2008, "2008-04-04")]
    [InlineData(2014, "2014-04-05")]
    public void Qingming_is_the_solar_term_day(int year, string expected) =>
        Assert.Equal(D(expected), ChineseDates.QingMing(year));

    [Theory]
    [InlineData(2020, "2020-01-24", "2020-06-25", "2020-10-01")] // 闰四月 before 端午
    [InlineData(2023, "2023-01-21", "2023-06-22", "2023-09-29")] // 闰二月
    [InlineData(2025, "2025-01-28", "2025-05-31", "2025-10-06")] // 闰六月 between 端午 and 中秋
    [InlineData(2026, "2026-02-16", "2026-06-19", "2026-09-25")] // 除夕 on 腊月二十九
    [InlineData(2027, "2027-02-05", "2027-06-09", "2027-09-15")]
    public void Lunar_festivals_account_for_leap_months(int year, string eve, string dragonBoat, string midAutumn)
    {
        Assert.Equal(D(eve), ChineseDates.NewYearsEve(year));
        Assert.Equal(D(eve).PlusDays(1), ChineseDates.NewYear(year));
        Assert.Equal(D(dragonBoat), ChineseDates.DragonBoat(year));
        Assert.Equal(D(midAutumn), ChineseDates.MidAutumn(year));
    }

    [Fact]
    public void Every_supported_year_agrees_with_an_independent_lunar_calendar()
    {
        foreach (var line in LunarReferenceDates.Lines)
        {
            var parts = line.Split(' ');
            var year = int.Parse(parts[0]);
            var computed = string.Join(' ', year, Iso(ChineseDates.NewYear(year)), Iso(ChineseDates.DragonBoat(year)),
                Iso(ChineseDates.MidAutumn(year)), Iso(ChineseDates.QingMing(year)));
            Assert.Equal(line, computed);
        }
    }

    private static string Iso(LocalDate date) => date.ToString("yyyy-MM-dd", null);
}
