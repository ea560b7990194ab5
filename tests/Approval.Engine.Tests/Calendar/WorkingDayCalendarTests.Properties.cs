using Approval.Engine.Calendar;
using NodaTime;
using static Approval.Engine.Tests.Calendar.CalendarTestData;

namespace Approval.Engine.Tests.Calendar;

/// <summary>
/// Properties over many random dates, periods and stops (seeded, so a failure reproduces), checked against a
/// plain day-by-day count.
/// </summary>
public partial class WorkingDayCalendarTests
{
    [Theory]
    [InlineData(20240927)]
    [InlineData(82)]
    public void Deadline_agrees_with_a_day_by_day_count_and_counts_back_to_the_period(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 1500; i++)
        {
            var from = SupportedRange.First.PlusDays(random.Next(0, 36000));
            var days = random.Next(0, 250);
            var stops = RandomStops(random, from);

            var answer = National.Deadline(from, days, stops);

            var (expected, provisional) = CountDayByDay(from, days, stops);
            var context = $"from {from}, {days} days, stops {stops}";
            Assert.True(expected == answer.Date, $"{context}: {answer.Date}, day by day {expected}");
            Assert.True(provisional == answer.IsProvisional, $"{context}: provisional {answer.IsProvisional}");
            Assert.True(days == National.WorkingDaysBetween(from, answer.Date, stops).Days, context);
        }
    }

    [Fact]
    public void Count_is_antisymmetric()
    {
        var random = new Random(7);
        for (var i = 0; i < 1000; i++)
        {
            var a = D("2015-01-01").PlusDays(random.Next(0, 5000));
            var b = a.PlusDays(random.Next(-400, 400));
            var stops = RandomStops(random, a);

            Assert.Equal(-National.WorkingDaysBetween(a, b, stops).Days, National.WorkingDaysBetween(b, a, stops).Days);
        }
    }

    private static ClockStops RandomStops(Random random, LocalDate from) =>
        ClockStops.From(Enumerable.Range(0, random.Next(0, 4)).Select(_ =>
        {
            var start = from.PlusDays(random.Next(-15, 200));
            return new DateInterval(start, start.PlusDays(random.Next(0, 25)));
        }).Where(r => r.End <= SupportedRange.Last));

    /// <summary>The obvious algorithm: walk forward, count working days outside every stop.</summary>
    private static (LocalDate Date, bool Provisional) CountDayByDay(LocalDate from, int days, ClockStops stops)
    {
        var (date, counted, provisional) = (from, 0, false);
        while (counted < days)
        {
            date = date.PlusDays(1);
            var day = National.Describe(date);
            provisional |= day.IsProvisional;
            if (day.IsWorkingDay && !stops.Ranges.Any(r => r.Contains(date))) counted++;
        }
        return (date, provisional);
    }
}
