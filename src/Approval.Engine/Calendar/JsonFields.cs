using System.Text.Json;

namespace Approval.Engine.Calendar;

/// <summary>
/// The members of one JSON object, checked against the names the format allows, so that a misspelt key is an
/// error instead of a silently ignored setting.
/// </summary>
internal sealed class JsonFields
{
    private readonly Dictionary<string, JsonElement> _members = new(StringComparer.Ordinal);
    private JsonFields(string file, string path)
    {
        File = file;
        Path = path;
    }

    /// <summary>The file being read.</summary>
    public string File { get; }

    /// <summary>The JSONPath of the object.</summary>
    public string Path { get; }

    /// <summary>Reads an object, refusing members not in <paramref name="allowed"/> and duplicate members.</summary>
    public static JsonFields Of(JsonElement element, string file, string path, params string[] allowed)
    {
        Expect(element, JsonValueKind.Object, file, path, "an object");
        var fields = new JsonFields(file, path);
        foreach (var member in element.EnumerateObject())
        {
            if (!allowed.Contains(member.Name, StringComparer.Ordinal))
                throw new CalendarDataException(file, fields.PathOf(member.Name),
                    $"unknown key '{member.Name}'; allowed here: {string.Join(", ", allowed)}");
            if (!fields._members.TryAdd(member.Name, member.Value))
                throw new CalendarDataException(file, fields.PathOf(member.Name), $"key '{member.Name}' appears twice");
        }
        return fields;
    }

    /// <summary>The JSONPath of a member; names that are not identifiers use bracket notation.</summary>
    public string PathOf(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? $"{Path}.{name}"
            : $"{Path}['{name}']";

    /// <summary>A member that must be present.</summary>
    public JsonElement Required(string name) =>
        _members.TryGetValue(name, out var value)
            ? value
            : throw new CalendarDataException(File, PathOf(name), $"required key '{name}' is missing");

    /// <summary>A member that may be absent (or null).</summary>
    public JsonElement? Optional(string name) =>
        _members.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    /// <summary>A required non-blank string.</summary>
    public string RequiredString(string name) => String(Required(name), PathOf(name));

    /// <summary>An optional string (absent or null gives null).</summary>
    public string? OptionalString(string name) => Optional(name) is { } value ? String(value, PathOf(name)) : null;

    /// <summary>The elements of an optional array (absent gives none), each with its path.</summary>
    public IEnumerable<(JsonElement Element, string Path)> Array(string name)
    {
        if (Optional(name) is not { } value) yield break;
        Expect(value, JsonValueKind.Array, File, PathOf(name), "an array");
        var i = 0;
        foreach (var item in value.EnumerateArray()) yield return (item, $"{PathOf(name)}[{i++}]");
    }

    /// <summary>A non-blank string value.</summary>
    public string String(JsonElement value, string path)
    {
        Expect(value, JsonValueKind.String, File, path, "a string");
        var text = value.GetString()!;
        return string.IsNullOrWhiteSpace(text) ? throw new CalendarDataException(File, path, "must not be blank") : text;
    }

    private static void Expect(JsonElement value, JsonValueKind kind, string file, string path, string what)
    {
        if (value.ValueKind != kind)
            throw new CalendarDataException(file, path, $"expected {what}, found {value.ValueKind.ToString().ToLowerInvariant()}");
    }
}
