using Approval.Engine.Calendar;
using static Approval.Engine.Tests.Calendar.CalendarTestData;

namespace Approval.Engine.Tests.Calendar;

/// <summary>Clock stops (行政许可法 art. 45) push a deadline out by the working days they cover.</summary>
public partial class WorkingDayCalendarTests
{
    // Without stops: Deadline(2024-09-27, 5) = 2024-10-10, counting 9/29, 9/30, 10/8, 10/9, 10/10.
    [Theory]
    [InlineData("2024-10-08..2024-10-09", "2024-10-12")] // two working days stopped: 10/10, 10/11, Sat 10/12 (调休)
    [InlineData("2024-10-08..2024-10-09,2024-10-09..2024-10-10", "2024-10-14")] // overlap counted once: 3 days
    [InlineData("2024-10-08,2024-10-09", "2024-10-12")] // adjacent single days = one range
    [InlineData("2024-10-01..2024-10-07", "2024-10-10")] // a stop over the holiday covers no working day
    [InlineData("2024-09-20..2024-09-30", "2024-10-12")] // started before acceptance: only 9/29, 9/30 count
    [InlineData("2024-10-08,2024-10-11", "2024-10-12")] // 10/11 only matters once 10/8 pushed the end past it
    [InlineData("2024-11-01..2024-11-30", "2024-10-10")] // after the deadline: no effect
    [InlineData("2024-09-01..2024-09-27", "2024-10-10")] // ends on the day of acceptance: no effect
    public void Deadline_is_pushed_out_by_the_working_days_inside_stops(string stops, string expected)
    {
        var answer = National.Deadline(D("2024-09-27"), 5, ClockStops.Parse(stops));

        Assert.Equal(D(expected), answer.Date);
    }

    [Fact]
    public void Deadline_never_lands_inside_a_stop()
    {
        // Without the stop: 10/10. The stop covers 10/10, 10/11, Saturday 10/12 (调休) and 10/14: four working days.
        var answer = National.Deadline(D("2024-09-27"), 5, ClockStops.Parse("2024-10-10..2024-10-14"));

        Assert.Equal(D("2024-10-15"), answer.Date);
    }

    [Fact]
    public void Count_leaves_out_the_working_days_inside_stops()
    {
        var stops = ClockStops.Parse("2024-10-08..2024-10-09,2024-09-01..2024-09-29");

        var count = National.WorkingDaysBetween(D("2024-09-27"), D("2024-10-10"), stops);

        Assert.Equal(2, count.Days); // 9/30 and 10/10
    }

    [Fact]
    public void Count_up_to_the_pushed_deadline_gives_back_the_period()
    {
        var stops = ClockStops.Parse("2024-10-08..2024-10-09,2024-10-15");
        var due = National.Deadline(D("2024-09-27"), 10, stops).Date;

        Assert.Equal(10, National.WorkingDaysBetween(D("2024-09-27"), due, stops).Days);
    }
}
