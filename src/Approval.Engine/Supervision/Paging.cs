using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace Approval.Engine.Supervision;

/// <summary>
/// Which page of a list to read (分页): at most <see cref="Size"/> rows after the row named by <see cref="After"/>,
/// the opaque cursor of the page before (none: the first page).
/// </summary>
/// <remarks>
/// Lists are paged by keyset: each list has a sort key with a unique tiebreak (the row's id), and a cursor carries the
/// key of the last row shown, so a page is an index range scan whatever its depth, and rows added meanwhile neither
/// repeat nor skip a row already behind the cursor.
/// </remarks>
public sealed record PageRequest
{
    /// <summary>The page size when none is asked for.</summary>
    public const int DefaultSize = 50;

    /// <summary>The largest page a caller may ask for.</summary>
    public const int MaxSize = 200;

    /// <summary>A page of <paramref name="size"/> rows after <paramref name="after"/>; refuses a size outside 1…<see cref="MaxSize"/>.</summary>
    /// <exception cref="InvalidInputException">On <c>size</c>.</exception>
    public PageRequest(int size = DefaultSize, string? after = null)
    {
        if (size is < 1 or > MaxSize)
            throw new InvalidInputException("size", $"The page size must be from 1 to {MaxSize}; given {size}.");
        Size = size;
        After = string.IsNullOrWhiteSpace(after) ? null : after.Trim();
    }

    public int Size { get; }

    /// <summary>The cursor the previous page returned as its <see cref="Page{T}.NextCursor"/>; null for the first page.</summary>
    public string? After { get; }

    /// <summary>The first page of the default size.</summary>
    public static PageRequest First { get; } = new();
}

/// <summary>One page of a list: its rows, the cursor of the next page (null on the last) and, where it is cheap, the total.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor, int? Total = null)
{
    /// <summary>The same page with its rows turned into something else (e.g. the API's views).</summary>
    public Page<TOut> Map<TOut>(Func<T, TOut> map) => new(Items.Select(map).ToList(), NextCursor, Total);

    /// <summary>A page from the rows read after the cursor: one more than the size asked for means there is a next page.</summary>
    internal static Page<T> From(List<T> read, int size, Func<T, string> cursorOf, int? total = null) =>
        read.Count > size
            ? new Page<T>(read.Take(size).ToList(), cursorOf(read[size - 1]), total)
            : new Page<T>(read, null, total);
}

/// <summary>
/// The opaque next-page cursor: the list's name and the last row's sort key, base64url-encoded so that callers pass it
/// back rather than build it. A cursor of another list, or one that does not decode, is refused on <c>cursor</c>.
/// </summary>
internal static class Cursor
{
    private const char Separator = '\u001f';

    public static string Encode(string list, params string[] keys) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Join(Separator, [list, .. keys])))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The keys of a cursor of <paramref name="list"/>, exactly <paramref name="count"/> of them.</summary>
    /// <exception cref="InvalidInputException">On <c>cursor</c>, when it is not one this list gave out.</exception>
    public static string[] Decode(string list, string cursor, int count)
    {
        string[] parts;
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
            parts = Encoding.UTF8.GetString(Convert.FromBase64String(base64)).Split(Separator);
        }
        catch (FormatException)
        {
            throw Broken();
        }
        if (parts.Length != count + 1 || parts[0] != list) throw Broken();
        return parts[1..];
    }

    public static string Of(Guid id) => id.ToString("N");

    public static string Of(LocalDate? date) => date is { } d ? LocalDatePattern.Iso.Format(d) : "";

    public static string Of(Instant instant) => instant.ToUnixTimeTicks().ToString(CultureInfo.InvariantCulture);

    public static Guid GuidOf(string text) => Guid.TryParseExact(text, "N", out var id) ? id : throw Broken();

    public static LocalDate? DateOf(string text)
    {
        if (text.Length == 0) return null;
        var parsed = LocalDatePattern.Iso.Parse(text);
        return parsed.Success ? parsed.Value : throw Broken();
    }

    public static Instant InstantOf(string text)
    {
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ticks)) throw Broken();
        try
        {
            return Instant.FromUnixTimeTicks(ticks);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw Broken();
        }
    }

    private static InvalidInputException Broken() =>
        new("cursor", "The cursor is not one this list returned; start again from the first page (no cursor).");
}
