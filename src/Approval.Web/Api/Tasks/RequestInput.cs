using Approval.Engine;
using Approval.Web.Hosting;

namespace Approval.Web.Api;

/// <summary>
/// Checks the text and lists of command bodies before the engine is asked, so that a missing or oversized value is
/// a 400 naming the field and nothing is stored, whatever state the project is in.
/// </summary>
/// <remarks>
/// The limits keep every value inside the columns it ends up in (4,000 characters for comments and notices, 8,000
/// for item lists and journal reasons, where non-ASCII text is stored escaped), so that PostgreSQL never refuses
/// a write that SQLite would have taken.
/// </remarks>
internal static class RequestInput
{
    public const int MaxText = 1000;
    public const int MaxItems = 20;
    public const int MaxItemLength = 200;
    public const int MaxItemsTotal = 1000;

    /// <summary>Trimmed text, or null when absent and optional.</summary>
    public static string? Text(string? value, string field, bool required, int max = MaxText)
    {
        if (string.IsNullOrWhiteSpace(value))
            return required ? throw new InvalidInputException(field, ProblemText.RequiredText) : null;
        var text = value.Trim();
        return text.Length > max ? throw new InvalidInputException(field, ProblemText.TooLong(max, text.Length)) : text;
    }

    public static string RequiredText(string? value, string field, int max = MaxText) => Text(value, field, true, max)!;

    /// <summary>A list of short items (correction items, reasons); blanks are dropped, the rest trimmed.</summary>
    public static List<string> Items(IReadOnlyList<string?>? values, string field, bool required)
    {
        var items = new List<string>();
        for (var i = 0; i < (values?.Count ?? 0); i++)
        {
            if (string.IsNullOrWhiteSpace(values![i])) continue;
            var item = values[i]!.Trim();
            if (item.Length > MaxItemLength)
                throw new InvalidInputException($"{field}[{i}]", $"At most {MaxItemLength} characters per item; given {item.Length}.");
            items.Add(item);
        }
        if (required && items.Count == 0) throw new InvalidInputException(field, ProblemText.RequiredItem);
        if (items.Count > MaxItems) throw new InvalidInputException(field, $"At most {MaxItems} items; given {items.Count}.");
        var total = items.Sum(i => i.Length);
        return total > MaxItemsTotal
            ? throw new InvalidInputException(field, $"At most {MaxItemsTotal} characters in all; given {total}.")
            : items;
    }

    /// <summary>Material codes from a body: the list is required (it may be empty); the engine or the checklist judges each code.</summary>
    public static List<string> Codes(IReadOnlyList<string?>? codes, string field = "materials")
    {
        if (codes is null) throw new InvalidInputException(field, "Required: the codes of the materials (an empty list when none).");
        var trimmed = codes.Select(c => c?.Trim() ?? "").ToList();
        var blank = trimmed.FindIndex(c => c.Length == 0);
        return blank < 0 ? trimmed : throw new InvalidInputException($"{field}[{blank}]", "A material code is required here.");
    }

    public static T Required<T>(T? value, string field, string expected) where T : struct =>
        value ?? throw new InvalidInputException(field, ProblemText.RequiredValue(expected));

    /// <summary>An enum value that the type defines: the JSON converter also lets bare numbers through.</summary>
    public static T Defined<T>(T? value, string field) where T : struct, Enum
    {
        var names = string.Join(", ", Enum.GetNames<T>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]));
        if (value is not { } v) throw new InvalidInputException(field, ProblemText.RequiredValue($"one of {names}"));
        return Enum.IsDefined(v) ? v : throw new InvalidInputException(field, $"Expected one of {names}; given {v}.");
    }
}
