using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Approval.Engine.Definitions;

/// <summary>Builds the JSON paths (JSON 路径) that errors point at, and shows values inside messages.</summary>
internal static partial class JsonPath
{
    public const string Root = "$";

    // Unescaped output keeps Chinese names readable in messages instead of \uXXXX.
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Property(string path, string name) =>
        PlainName().IsMatch(name) ? $"{path}.{name}" : $"{path}['{name.Replace("'", "\\'")}']";

    public static string Index(string path, int index) => $"{path}[{index}]";

    public static string Show(JsonNode? value)
    {
        var text = value is null ? "null" : value.ToJsonString(Readable);
        return text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");
    }

    public static string Show(JsonElement? value)
    {
        var text = value is null ? "null" : JsonSerializer.Serialize(value.Value, Readable);
        return text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");
    }

    [GeneratedRegex("^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex PlainName();
}
