using Approval.Engine.Calendar;
using Approval.Testing;
using NodaTime;
using static Approval.Engine.Tests.Calendar.CalendarTestData;

namespace Approval.Engine.Tests.Calendar;

/// <summary>Instants and the end of a deadline day in Shanghai time.</summary>
public partial class WorkingDayCalendarTests
{
    [Fact]
    public void Deadline_day_is_not_past_at_one_second_before_midnight_shanghai_time()
    {
        var clock = FakeClock.AtShanghai(2024, 10, 10, 23, 59);
        clock.Advance(Duration.FromSeconds(59));

        Assert.False(National.IsPastDeadline(clock.GetCurrentInstant(), D("2024-10-10")));
    }

    [Fact]
    public void Deadline_day_is_past_at_midnight_shanghai_time()
    {
        var clock = FakeClock.AtShanghai(2024, 10, 11, 0, 0);

        Assert.True(National.IsPastDeadline(clock.GetCurrentInstant(), D("2024-10-10")));
    }

    [Fact]
    public void Deadline_day_ends_at_the_configured_closing_time()
    {
        var calendar = WorkingDayCalendars.FromDirectory(DataDirectory, new CalendarOptions { DayEndsAt = new LocalTime(17, 30) }).National;
        var clock = FakeClock.AtShanghai(2024, 10, 10, 17, 29);

        Assert.False(calendar.IsPastDeadline(clock.GetCurrentInstant(), D("2024-10-10")));
        clock.Advance(Duration.FromMinutes(1));
        Assert.True(calendar.IsPastDeadline(clock.GetCurrentInstant(), D("2024-10-10")));
    }

    [Fact]
    public void Instant_becomes_the_shanghai_date()
    {
        var lateUtcEvening = Instant.FromUtc(2024, 10, 10, 16, 30);

        Assert.Equal(D("2024-10-11"), National.LocalDateOf(lateUtcEvening));
    }

    [Fact]
    public void Day_starts_and_ends_at_shanghai_midnight()
    {
        Assert.Equal(Instant.FromUtc(2024, 10, 9, 16, 0), National.StartOfDay(D("2024-10-10")));
        Assert.Equal(Instant.FromUtc(2024, 10, 10, 16, 0), National.EndOfDay(D("2024-10-10")));
    }

    [Fact]
    public void Unknown_time_zone_is_refused_at_start() =>
        Assert.Throws<ArgumentException>(() => WorkingDayCalendars.FromDirectory(DataDirectory, new CalendarOptions { TimeZoneId = "Mars/Olympus" }));
}
