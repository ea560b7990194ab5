using Approval.Engine.Calendar;
using BenchmarkDotNet.Attributes;
using NodaTime;

namespace Approval.Benchmarks.Calendar;

/// <summary>
/// Deadline(from, 50) from the precomputed tables against the obvious loop: step a day at a time with
/// <c>PlusDays(1)</c> and look each day up in hash sets of holidays and make-up working days.
/// </summary>
/// <remarks>Each invocation computes <see cref="Count"/> deadlines from random acceptance dates in 2018–2026, so the
/// figures are per deadline.</remarks>
[ShortRunJob]
[MemoryDiagnoser]
public class DeadlineBenchmarks
{
    private const int Count = 1024;
    private const int WorkingDays = 50;

    private WorkingDayCalendar _calendar = null!;
    private ClockStops _stops = null!;
    private HashSet<LocalDate> _holidays = null!;
    private HashSet<LocalDate> _workdays = null!;
    private LocalDate[] _froms = null!;

    [GlobalSetup]
    public void Setup()
    {
        _calendar = new WorkingDayCalendars(new CalendarOptions()).National;
        var days = Enumerable.Range(0, 366 * 10).Select(i => new LocalDate(2018, 1, 1).PlusDays(i)).Select(_calendar.Describe).ToList();
        _holidays = days.Where(d => d.Kind == DayKind.Holiday).Select(d => d.Date).ToHashSet();
        _workdays = days.Where(d => d.Kind == DayKind.AdjustedWorkday).Select(d => d.Date).ToHashSet();
        var random = new Random(42);
        _froms = Enumerable.Range(0, Count).Select(_ => new LocalDate(2018, 1, 1).PlusDays(random.Next(0, 365 * 9 - 90))).ToArray();
        _stops = ClockStops.Parse("2020-02-10..2020-02-14,2022-07-01..2022-07-20,2024-10-08..2024-10-09");
        for (var i = 0; i < Count; i++)
        {
            if (DayByDayDeadline(_froms[i]) != _calendar.Deadline(_froms[i], WorkingDays).Date)
                throw new InvalidOperationException($"the two algorithms disagree from {_froms[i]}");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public int DayByDay()
    {
        var sum = 0;
        foreach (var from in _froms) sum += DayByDayDeadline(from).Day;
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int Precomputed()
    {
        var sum = 0;
        foreach (var from in _froms) sum += _calendar.Deadline(from, WorkingDays).Date.Day;
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int PrecomputedWithThreeStops()
    {
        var sum = 0;
        foreach (var from in _froms) sum += _calendar.Deadline(from, WorkingDays, _stops).Date.Day;
        return sum;
    }

    private LocalDate DayByDayDeadline(LocalDate from)
    {
        var date = from;
        for (var counted = 0; counted < WorkingDays;)
        {
            date = date.PlusDays(1);
            var weekend = date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday;
            if (_workdays.Contains(date) || (!weekend && !_holidays.Contains(date))) counted++;
        }
        return date;
    }
}
