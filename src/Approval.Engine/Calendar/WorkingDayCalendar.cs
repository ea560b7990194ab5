using NodaTime;

namespace Approval.Engine.Calendar;

/// <summary>
/// The working-day calendar (工作日历) of the nation or of one region: which dates are working days, and time limits
/// counted in working days (行政许可法 art. 82) from the day after acceptance (民法典 art. 201).
/// </summary>
/// <remarks>
/// <para>Immutable: a snapshot of the data as loaded. Resolve it from <see cref="IWorkingDayCalendars"/> for each
/// question rather than keeping it, so that a <see cref="IWorkingDayCalendars.Reload"/> is seen.</para>
/// <para>Dates must lie in <see cref="SupportedRange"/> (2000-01-01..2099-12-31); outside, every method throws
/// <see cref="InvalidInputException"/> naming the parameter.</para>
/// <para>Years without verified data are answered from 《全国年节及纪念日放假办法》 alone and flagged provisional; with
/// <see cref="CalendarOptions.Strict"/> they are refused with <see cref="CalendarYearNotPublishedException"/>.</para>
/// </remarks>
public sealed partial class WorkingDayCalendar
{
    private readonly DayTable _days;
    private readonly DateTimeZone _zone;
    private readonly LocalTime? _dayEndsAt;
    private readonly bool _strict;

    internal WorkingDayCalendar(CalendarLayer layer, DayTable days, DateTimeZone zone, CalendarOptions options)
    {
        _days = days;
        _zone = zone;
        // 00:00 as an end of day can only mean the day's end, 24:00; a day ending at its own start would make a
        // deadline lapse before it began.
        _dayEndsAt = options.DayEndsAt == LocalTime.Midnight ? null : options.DayEndsAt;
        _strict = options.Strict;
        Region = layer.Region?.Code;
        RegionName = layer.Region?.Name;
        Years = layer.Years.Values.Select(y => y.Info).OrderBy(y => y.Year).ToList().AsReadOnly();
    }

    /// <summary>The region's administrative division code (e.g. <c>650000</c>); <c>null</c> for the national calendar.</summary>
    public string? Region { get; }

    /// <summary>The region's name (e.g. 新疆维吾尔自治区); <c>null</c> for the national calendar.</summary>
    public string? RegionName { get; }

    /// <summary>The years this calendar's own data file lists (national years, or the overlay's years), with their notices.</summary>
    public IReadOnlyList<CalendarYear> Years { get; }

    /// <summary>The time zone in which instants become dates.</summary>
    public DateTimeZone Zone => _zone;

    /// <summary>What kind of day <paramref name="date"/> is, its holiday name, and whether that is provisional.</summary>
    public CalendarDay Describe(LocalDate date)
    {
        var index = IndexOf(date, "date");
        var reason = _days.Reason(index);
        RefuseIfStrict(reason, "date");
        return new CalendarDay(date, _days.Kind(index), _days.Name(index), reason is not null, reason?.Text, reason?.Code);
    }

    /// <summary>Whether <paramref name="date"/> is a working day (provisionally so in a year without verified data).</summary>
    public bool IsWorkingDay(LocalDate date)
    {
        var index = IndexOf(date, "date");
        RefuseIfStrict(_days.Reason(index), "date");
        return _days.IsWorking(index);
    }

    /// <summary>
    /// <paramref name="date"/> itself if it is a working day, otherwise the first working day after it (民法典
    /// art. 203: a period whose last day is a holiday ends on the day after the holiday).
    /// </summary>
    /// <remarks>Use <see cref="Describe"/> on the result to learn whether it is provisional.</remarks>
    public LocalDate NextWorkingDayOnOrAfter(LocalDate date)
    {
        var index = IndexOf(date, "date");
        var result = _days.IsWorking(index) ? index : _days.WorkingDayAt(_days.WorkingBefore(index + 1) + 1L);
        if (result < 0)
            throw new InvalidInputException("date", $"there is no working day from {date:yyyy-MM-dd} to {SupportedRange.Last:yyyy-MM-dd}, the end of the supported range");
        RefuseIfStrict(FirstReasonIn(index, result), "date");
        return SupportedRange.Dates[result];
    }

    /// <summary>The local date of an instant in the configured zone (Asia/Shanghai by default).</summary>
    public LocalDate LocalDateOf(Instant instant) => instant.InZone(_zone).Date;

    /// <summary>
    /// Whether the period whose last day is <paramref name="deadline"/> has run out at <paramref name="now"/>: the
    /// day ends at 24:00 local time, or at <see cref="CalendarOptions.DayEndsAt"/> when configured.
    /// </summary>
    /// <remarks>The end itself is already past: with days ending at 24:00, 00:00 of the next day is late.</remarks>
    public bool IsPastDeadline(Instant now, LocalDate deadline) => now >= EndOfDay(deadline);

    /// <summary>The instant at which <paramref name="day"/> ends as a deadline day: 24:00 local, or <see cref="CalendarOptions.DayEndsAt"/>.</summary>
    public Instant EndOfDay(LocalDate day) =>
        _dayEndsAt is { } end
            ? day.At(end).InZoneLeniently(_zone).ToInstant()
            : _zone.AtStartOfDay(day.PlusDays(1)).ToInstant();

    /// <summary>The instant at which <paramref name="day"/> begins in the configured zone.</summary>
    public Instant StartOfDay(LocalDate day) => _zone.AtStartOfDay(day).ToInstant();
}
