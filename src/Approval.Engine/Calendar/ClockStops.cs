using NodaTime;
using NodaTime.Text;

namespace Approval.Engine.Calendar;

/// <summary>
/// Date ranges excluded from a time limit (扣除时间): 听证、招标、拍卖、检验、检测、检疫、鉴定、专家评审 and the like
/// (行政许可法 art. 45). Immutable; overlapping or adjacent ranges are merged, so a day is never excluded twice.
/// </summary>
/// <remarks>
/// <para>Only the working days inside a stop matter: a stop over a weekend or a holiday excludes nothing.</para>
/// <para>Which days a recorded stop covers is decided here and nowhere else (<see cref="Covering"/>): a project's stop
/// is recorded as (<c>startsOn</c>, <c>resumesOn</c>) and covers <c>startsOn</c> up to but not including
/// <c>resumesOn</c>; the ranges of this type, and <c>stops=a..b</c> in the calendar API, are inclusive at both ends.</para>
/// </remarks>
public sealed class ClockStops
{
    private const string Field = "stops";

    private ClockStops(IReadOnlyList<DateInterval> ranges)
    {
        Ranges = ranges;
        // Day indexes of the part of each stop inside the supported range, worked out once so that a deadline
        // with stops stays a handful of array look-ups per stop.
        var first = new List<int>(ranges.Count);
        var last = new List<int>(ranges.Count);
        foreach (var range in ranges)
        {
            if (!SupportedRange.TryIndexRange(range, out var a, out var b)) continue;
            first.Add(a);
            last.Add(b);
        }
        FirstIndexes = [.. first];
        LastIndexes = [.. last];
    }

    /// <summary>No stops.</summary>
    public static ClockStops None { get; } = new([]);

    /// <summary>The merged ranges, sorted by start, pairwise neither overlapping nor adjacent.</summary>
    public IReadOnlyList<DateInterval> Ranges { get; }

    /// <summary>First day index of each stop inside the supported range, ascending.</summary>
    internal int[] FirstIndexes { get; }

    /// <summary>Last day index of each stop inside the supported range, matching <see cref="FirstIndexes"/>.</summary>
    internal int[] LastIndexes { get; }

    /// <summary>Whether there is no stop at all.</summary>
    public bool IsEmpty => Ranges.Count == 0;

    /// <summary>
    /// The first day a stop asked for on <paramref name="requestedOn"/> covers: the next day. The day of the request
    /// counts as used (a 补正 asked on D stops from D+1).
    /// </summary>
    public static LocalDate StartsAfter(LocalDate requestedOn) => requestedOn.PlusDays(1);

    /// <summary>
    /// The day counting resumes after a stop ended on <paramref name="endedOn"/> (the applicant's answer, or the end
    /// of the hearing, testing, review …): the next day (次日起算), so the day of the answer is still stopped.
    /// </summary>
    public static LocalDate ResumesAfter(LocalDate endedOn) => endedOn.PlusDays(1);

    /// <summary>
    /// The days a stop recorded as (<paramref name="startsOn"/>, <paramref name="resumesOn"/>) covers: from
    /// <paramref name="startsOn"/> up to but not including <paramref name="resumesOn"/>; <c>null</c> when that is no day.
    /// </summary>
    /// <remarks>
    /// The one rule for tasks, steps, projects, lights and the calendar API. A 补正 asked on D and answered on E is
    /// recorded as (<see cref="StartsAfter"/> D, <see cref="ResumesAfter"/> E) = (D+1, E+1) and covers D+1 … E, written
    /// <c>D+1..E</c> in <see cref="Parse"/>: answered on D it covers nothing; answered on D+1, that one day.
    /// </remarks>
    public static DateInterval? Covering(LocalDate startsOn, LocalDate resumesOn) =>
        resumesOn > startsOn ? new DateInterval(startsOn, resumesOn.PlusDays(-1)) : null;

    /// <summary>Stops recorded as (<c>startsOn</c>, <c>resumesOn</c>), each covering the days <see cref="Covering"/> says.</summary>
    public static ClockStops FromRecorded(IEnumerable<(LocalDate StartsOn, LocalDate ResumesOn)> stops)
    {
        ArgumentNullException.ThrowIfNull(stops);
        var ranges = stops.Select(s => Covering(s.StartsOn, s.ResumesOn)).OfType<DateInterval>().ToList();
        return ranges.Count == 0 ? None : From(ranges);
    }

    /// <summary>Merges the given ranges (inclusive at both ends, ISO calendar).</summary>
    public static ClockStops From(IEnumerable<DateInterval> ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        var sorted = ranges
            .Select(r => r ?? throw new ArgumentException("a clock stop range is null", nameof(ranges)))
            .Select(r => new DateInterval(r.Start.WithCalendar(CalendarSystem.Iso), r.End.WithCalendar(CalendarSystem.Iso)))
            .OrderBy(r => r.Start)
            .ToList();
        var merged = new List<DateInterval>(sorted.Count);
        foreach (var range in sorted)
        {
            var last = merged.Count - 1;
            // Adjacent ranges merge too: [1..2] and [3..4] stop the same days as [1..4].
            if (last >= 0 && Period.DaysBetween(merged[last].End, range.Start) <= 1)
            {
                if (range.End > merged[last].End) merged[last] = new DateInterval(merged[last].Start, range.End);
            }
            else
            {
                merged.Add(range);
            }
        }
        return merged.Count == 0 ? None : new ClockStops(merged.AsReadOnly());
    }

    /// <summary>
    /// Parses <c>2024-10-08..2024-10-09,2024-10-15</c>: comma-separated dates or inclusive <c>start..end</c> ranges
    /// (both ends inside the stop: a stop recorded as (startsOn, resumesOn) is <c>startsOn..resumesOn−1</c>).
    /// Null or blank text means no stops.
    /// </summary>
    /// <exception cref="InvalidInputException">Field <c>stops</c>; the message names the item and what was expected.</exception>
    public static ClockStops Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return None;
        var items = text.Split(',');
        var ranges = new List<DateInterval>(items.Length);
        for (var i = 0; i < items.Length; i++)
        {
            ranges.Add(ParseItem(items[i].Trim(), i + 1));
        }
        return From(ranges);
    }

    private static DateInterval ParseItem(string item, int position)
    {
        const string expected = "expected a date yyyy-MM-dd or a range yyyy-MM-dd..yyyy-MM-dd";
        if (item.Length == 0) throw new InvalidInputException(Field, $"item {position} is empty; {expected}");
        var parts = item.Split("..");
        if (parts.Length > 2)
            throw new InvalidInputException(Field, $"item {position} ('{item}') has more than one '..'; {expected}");
        var start = ParseDate(parts[0], item, position, expected);
        var end = parts.Length == 2 ? ParseDate(parts[1], item, position, expected) : start;
        if (end < start)
            throw new InvalidInputException(Field, $"item {position} ('{item}') ends before it starts; {expected} with start <= end");
        return new DateInterval(start, end);
    }

    private static LocalDate ParseDate(string text, string item, int position, string expected)
    {
        var result = LocalDatePattern.Iso.Parse(text.Trim());
        return result.Success
            ? result.Value
            : throw new InvalidInputException(Field, $"item {position} ('{item}'): '{text.Trim()}' is not a valid date; {expected}");
    }

    /// <summary>The canonical text form, which <see cref="Parse"/> reads back.</summary>
    public override string ToString() => string.Join(',', Ranges.Select(Format));

    /// <summary>One range as <see cref="Parse"/> reads it: <c>2024-10-08..2024-10-09</c>, or <c>2024-10-15</c> for one day.</summary>
    public static string Format(DateInterval range)
    {
        ArgumentNullException.ThrowIfNull(range);
        var start = LocalDatePattern.Iso.Format(range.Start);
        return range.End == range.Start ? start : $"{start}..{LocalDatePattern.Iso.Format(range.End)}";
    }
}
