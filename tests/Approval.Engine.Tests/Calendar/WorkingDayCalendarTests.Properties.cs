using Approval.Engine.Calendar;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using static Approval.Engine.Tests.Calendar.CalendarTestData;

namespace Approval.Engine.Tests.Calendar;

/// <summary>
/// Properties over random dates, periods and clock stops (FsCheck <c>[Property]</c>), checked against a plain
/// day-by-day count. A failure is shrunk to its smallest case (fewest stops, fewest days, shortest stops) and
/// reported with the seed; paste it into <c>Replay</c> to run that case again.
/// </summary>
public partial class WorkingDayCalendarTests
{
    /// <summary>A deadline question: from a date, so many working days, with these clock stops.</summary>
    public sealed record DeadlineCase(LocalDate From, int Days, IReadOnlyList<DateInterval> Stops)
    {
        public ClockStops ClockStops => ClockStops.From(Stops);
        public override string ToString() => $"from {From:yyyy-MM-dd}, {Days} working days, stops [{string.Join(", ", Stops.Select(s => $"{s.Start:yyyy-MM-dd}..{s.End:yyyy-MM-dd}"))}]";
    }

    /// <summary>Dates over the whole supported range (statutory-only and provisional years included), up to a year of working days, up to three stops around the period.</summary>
    public static class AnyYears
    {
        public static Arbitrary<DeadlineCase> DeadlineCases() => Cases(SupportedRange.First, days: 36000);
    }

    /// <summary>
    /// Dates from October of the last verified year to the end of the next, unpublished one: periods that run from
    /// settled days into provisional ones (the 12-25 rule, a year computed from the statutory rules alone).
    /// </summary>
    public static class AroundTheFirstUnpublishedYear
    {
        public static Arbitrary<DeadlineCase> DeadlineCases() =>
            Cases(new LocalDate(National.Years.Last(y => y.IsVerified).Year, 10, 1), days: 456);
    }

    private static Arbitrary<DeadlineCase> Cases(LocalDate first, int days) => Arb.From(
        from offset in Gen.Choose(0, days)
        let accepted = first.PlusDays(offset)
        from count in Gen.Choose(0, 250)
        from stops in Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(Stop(accepted), n))
        select new DeadlineCase(accepted, count, stops.Where(s => s.End <= SupportedRange.Last).ToList()),
        Shrink);

    private static Gen<DateInterval> Stop(LocalDate accepted) =>
        from start in Gen.Choose(-15, 200)
        from length in Gen.Choose(0, 25)
        select new DateInterval(accepted.PlusDays(start), accepted.PlusDays(start + length));

    /// <summary>Smaller cases first: one stop fewer, then fewer days, then shorter stops.</summary>
    private static IEnumerable<DeadlineCase> Shrink(DeadlineCase c)
    {
        for (var i = 0; i < c.Stops.Count; i++) yield return c with { Stops = c.Stops.Where((_, j) => j != i).ToList() };
        if (c.Days > 0) yield return c with { Days = c.Days / 2 };
        if (c.Days > 0) yield return c with { Days = c.Days - 1 };
        for (var i = 0; i < c.Stops.Count; i++)
            if (c.Stops[i].Start < c.Stops[i].End)
                yield return c with { Stops = c.Stops.Select((s, j) => j == i ? new DateInterval(s.Start, s.End.PlusDays(-1)) : s).ToList() };
    }

    [Property(Arbitrary = new[] { typeof(AnyYears) }, MaxTest = 3000, QuietOnSuccess = true)]
    public void Deadline_agrees_with_a_day_by_day_count_and_counts_back_to_the_period(DeadlineCase c) =>
        AgreesWithTheDayByDayCount(c);

    [Property(Arbitrary = new[] { typeof(AroundTheFirstUnpublishedYear) }, MaxTest = 1000, QuietOnSuccess = true)]
    public void Deadline_into_an_unpublished_year_is_provisional_exactly_when_a_day_it_counts_over_is(DeadlineCase c) =>
        AgreesWithTheDayByDayCount(c);

    [Property(Arbitrary = new[] { typeof(AnyYears) }, MaxTest = 3000, QuietOnSuccess = true)]
    public bool Count_is_antisymmetric(DeadlineCase c)
    {
        // Days reused as a signed distance of up to 400 calendar days either way.
        var other = c.From.PlusDays(c.Days * 3 - 375);
        return other < SupportedRange.First || other > SupportedRange.Last
            || -National.WorkingDaysBetween(c.From, other, c.ClockStops).Days == National.WorkingDaysBetween(other, c.From, c.ClockStops).Days;
    }

    private static void AgreesWithTheDayByDayCount(DeadlineCase c)
    {
        var answer = National.Deadline(c.From, c.Days, c.ClockStops);

        var (expected, provisional) = CountDayByDay(c.From, c.Days, c.ClockStops);
        Assert.Equal((expected, provisional), (answer.Date, answer.IsProvisional));
        Assert.Equal(c.Days, National.WorkingDaysBetween(c.From, answer.Date, c.ClockStops).Days);
    }

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
