using Approval.Engine.Calendar;
using static Approval.Engine.Tests.Calendar.CalendarTestData;

namespace Approval.Engine.Tests.Calendar;

/// <summary>Hand-written expectations per published year, so that the data file itself is checked.</summary>
public partial class WorkingDayCalendarTests
{
    [Theory]
    [InlineData("2017-12-30", "元旦")] // in the 2018 notice, though in calendar year 2017
    [InlineData("2018-06-16", "端午节")] // a Saturday "与周末连休", not a make-up working day
    [InlineData("2018-09-22", "中秋节")]
    [InlineData("2018-12-31", "元旦")] // a Monday given off by the 2019 notice
    [InlineData("2019-05-02", "劳动节")]
    [InlineData("2019-05-04", "劳动节")]
    [InlineData("2020-01-31", "春节")] // COVID extension
    [InlineData("2020-02-01", "春节")] // was a make-up Saturday before the extension
    [InlineData("2020-10-08", "国庆节、中秋节")]
    [InlineData("2021-09-21", "中秋节")]
    [InlineData("2022-01-31", "春节")]
    [InlineData("2023-09-29", "中秋节、国庆节")]
    [InlineData("2023-12-30", "元旦")] // the 2024 元旦 block
    [InlineData("2023-12-31", "元旦")]
    [InlineData("2024-02-10", "春节")]
    [InlineData("2025-01-28", "春节")] // 除夕, statutory since 2025
    [InlineData("2025-10-08", "国庆节、中秋节")]
    [InlineData("2026-02-23", "春节")]
    [InlineData("2026-09-25", "中秋节")]
    public void Published_holiday_is_a_named_day_off(string date, string name)
    {
        var day = National.Describe(D(date));

        Assert.Equal((DayKind.Holiday, name, false, false), (day.Kind, day.Name, day.IsWorkingDay, day.IsProvisional));
    }

    [Theory]
    [InlineData("2018-02-11", "春节调休上班")]
    [InlineData("2018-12-29", "元旦调休上班")] // in the 2019 notice
    [InlineData("2019-05-05", "劳动节调休上班")] // from the 2019-03 adjustment
    [InlineData("2020-06-28", "端午节调休上班")]
    [InlineData("2021-09-18", "中秋节调休上班")]
    [InlineData("2022-04-02", "清明节调休上班")]
    [InlineData("2023-10-08", "中秋节、国庆节调休上班")]
    [InlineData("2024-09-29", "国庆节调休上班")]
    [InlineData("2025-02-08", "春节调休上班")]
    [InlineData("2026-01-04", "元旦调休上班")]
    [InlineData("2026-02-14", "春节调休上班")]
    [InlineData("2026-02-28", "春节调休上班")]
    public void Published_make_up_weekend_is_an_adjusted_working_day(string date, string name)
    {
        var day = National.Describe(D(date));

        Assert.Equal((DayKind.AdjustedWorkday, name, true, false), (day.Kind, day.Name, day.IsWorkingDay, day.IsProvisional));
    }

    [Theory]
    [InlineData("2024-02-09")] // 除夕 2024: the notice only encourages a day off
    [InlineData("2020-02-03")] // work resumed after the COVID extension
    [InlineData("2023-04-06")] // 2023 清明 was a single day
    [InlineData("2019-05-06")]
    [InlineData("2026-02-24")]
    public void Ordinary_weekday_next_to_a_break_is_a_plain_working_day(string date)
    {
        var day = National.Describe(D(date));

        Assert.Equal((DayKind.Workday, null, false), (day.Kind, day.Name, day.IsProvisional));
    }

    [Theory]
    [InlineData("2020-02-01")] // the cancelled make-up Saturday must not linger as a working day
    [InlineData("2018-06-16")]
    [InlineData("2018-09-22")]
    public void Weekend_inside_a_break_is_not_a_working_day(string date) =>
        Assert.False(National.IsWorkingDay(D(date)));

    [Fact]
    public void Ordinary_weekend_has_no_name() =>
        Assert.Equal(new CalendarDay(D("2024-03-09"), DayKind.Weekend, null, false, null), National.Describe(D("2024-03-09")));
}
