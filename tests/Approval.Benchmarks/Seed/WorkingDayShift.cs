using Approval.Engine.Calendar;
using NodaTime;

namespace Approval.Benchmarks.Seed;

/// <summary>
/// Moves a template's dates by a whole number of <em>working</em> days, so that every deadline the engine computed
/// ("N working days after") stays exactly N working days after on the moved dates, across holidays and 调休
/// Saturdays. A working day moves to the working day k later; any other day keeps its calendar distance to the
/// working day before it. An instant keeps its local time of day on its moved local date.
/// </summary>
public sealed class WorkingDayShift
{
    private readonly WorkingDayCalendar _calendar;
    private readonly LocalDate _first;
    private readonly LocalDate[] _working;
    // For every day from _first: the index in _working of the last working day on or before it.
    private readonly int[] _indexOf;

    public WorkingDayShift(WorkingDayCalendar calendar, LocalDate first, LocalDate last)
    {
        _calendar = calendar;
        _first = first;
        var working = new List<LocalDate>();
        var index = new List<int>();
        for (var day = first; day <= last; day = day.PlusDays(1))
        {
            if (calendar.IsWorkingDay(day)) working.Add(day);
            index.Add(working.Count - 1);
        }
        _working = [.. working];
        _indexOf = [.. index];
    }

    public DateTimeZone Zone => _calendar.Zone;

    /// <summary>The working days from <paramref name="from"/> to <paramref name="to"/>, as this shift counts them.</summary>
    public int WorkingDaysBetween(LocalDate from, LocalDate to) => IndexOf(to) - IndexOf(from);

    /// <summary>The working day <paramref name="k"/> working days after (before, when negative) the one on or before <paramref name="day"/>.</summary>
    public LocalDate WorkingDay(LocalDate day, int k) => _working[Math.Clamp(IndexOf(day) + k, 0, _working.Length - 1)];

    public LocalDate Move(LocalDate day, int k)
    {
        var i = IndexOf(day);
        if (i < 0) return day.PlusDays(k * 7 / 5);
        var anchor = _working[i];
        var moved = _working[Math.Clamp(i + k, 0, _working.Length - 1)];
        return moved.PlusDays(Period.Between(anchor, day, PeriodUnits.Days).Days);
    }

    public Instant Move(Instant instant, int k)
    {
        var local = instant.InZone(_calendar.Zone).LocalDateTime;
        var date = Move(local.Date, k);
        return (date + local.TimeOfDay).InZoneLeniently(_calendar.Zone).ToInstant();
    }

    private int IndexOf(LocalDate day)
    {
        var offset = Period.Between(_first, day, PeriodUnits.Days).Days;
        return _indexOf[Math.Clamp(offset, 0, _indexOf.Length - 1)];
    }
}
