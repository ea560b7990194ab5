using static Approval.Engine.Tests.Calendar.CalendarTestData;

namespace Approval.Engine.Tests.Calendar;

/// <summary>Bad input is refused with the name of the parameter the web layer uses.</summary>
public partial class WorkingDayCalendarTests
{
    [Fact]
    public void Negative_working_days_are_refused()
    {
        var error = Assert.Throws<InvalidInputException>(() => National.Deadline(D("2024-09-27"), -1));

        Assert.Equal("workingDays", error.Field);
        Assert.Contains("-1", error.Message);
    }

    [Fact]
    public void Deadline_past_the_supported_range_is_refused_on_working_days() =>
        Assert.Equal("workingDays", Assert.Throws<InvalidInputException>(() => National.Deadline(D("2099-12-01"), 30)).Field);

    [Fact]
    public void Huge_working_days_do_not_overflow() =>
        Assert.Equal("workingDays", Assert.Throws<InvalidInputException>(() => National.Deadline(D("2024-01-01"), int.MaxValue)).Field);

    [Theory]
    [InlineData("1999-12-31")]
    [InlineData("2100-01-01")]
    public void Dates_outside_the_supported_range_are_refused_on_their_own_parameter(string date)
    {
        Assert.Equal("from", Assert.Throws<InvalidInputException>(() => National.Deadline(D(date), 1)).Field);
        Assert.Equal("to", Assert.Throws<InvalidInputException>(() => National.WorkingDaysBetween(D("2024-01-01"), D(date))).Field);
        Assert.Equal("from", Assert.Throws<InvalidInputException>(() => National.WorkingDaysBetween(D(date), D("2024-01-01"))).Field);
        Assert.Equal("date", Assert.Throws<InvalidInputException>(() => National.Describe(D(date))).Field);
        Assert.Equal("date", Assert.Throws<InvalidInputException>(() => National.IsWorkingDay(D(date))).Field);
        Assert.Equal("date", Assert.Throws<InvalidInputException>(() => National.NextWorkingDayOnOrAfter(D(date))).Field);
    }

    [Fact]
    public void Stops_reaching_beyond_the_supported_range_count_only_inside_it()
    {
        var stops = Engine.Calendar.ClockStops.Parse("1999-12-01..2000-01-04,2100-01-01..2100-02-01");

        // 2000-01-01 is a Saturday; Monday 1/3 and Tuesday 1/4 are stopped.
        Assert.Equal(D("2000-01-05"), National.Deadline(D("2000-01-01"), 1, stops).Date);
    }
}
