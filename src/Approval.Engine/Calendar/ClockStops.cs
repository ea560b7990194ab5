using System.Text;
using NodaTime;
using NodaTime.Text;

namespace Approval.Engine.Calendar;

/// <summary>
/// Date ranges excluded from a time limit (扣除时间): 听证、招标、拍卖、检验、检测、检疫、鉴定、专家评审 and the like
/// (行政许可法 art. 45). Immutable; overlapping or adjacent ranges are merged, so a day is never excluded twice.
/// </summary>
/// <remarks>Only the working days inside a stop matter: a stop over a weekend or a holiday excludes nothing.</remarks>
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
    /// Parses <c>2024-10-08..2024-10-09,2024-10-15</c>: comma-separated dates or inclusive <c>start..end</c> ranges.
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
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var range in Ranges)
        {
            if (text.Length > 0) text.Append(',');
            text.Append(LocalDatePattern.Iso.Format(range.Start));
            if (range.End != range.Start) text.Append("..").Append(LocalDatePattern.Iso.Format(range.End));
        }
        return text.ToString();
    }
}
