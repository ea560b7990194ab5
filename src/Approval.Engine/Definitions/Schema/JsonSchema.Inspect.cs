using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Approval.Engine.Definitions;

public sealed partial class JsonSchema
{
    private static readonly HashSet<string> CheckedKeywords =
    [
        "type", "properties", "required", "additionalProperties", "enum", "const", "items", "minItems", "maxItems",
        "uniqueItems", "minimum", "maximum", "minLength", "maxLength", "pattern", "$ref", "oneOf",
    ];

    private static readonly HashSet<string> Annotations =
    [
        "$schema", "$id", "$comment", "$defs", "title", "description", "default", "examples", "format",
        "deprecated", "readOnly", "writeOnly",
    ];

    private static readonly HashSet<string> TypeNames = ["object", "array", "string", "number", "integer", "boolean", "null"];

    /// <summary>
    /// Refuses, once when the schema is read, every keyword and value that validation could not honour, so that
    /// checking a document never meets a malformed schema.
    /// </summary>
    private void Inspect(JsonNode? schema, string pointer)
    {
        if (schema is JsonValue flag && flag.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
            return;
        if (schema is not JsonObject keywords)
            throw new FormatException($"{pointer}: a schema must be an object or a boolean");

        foreach (var (keyword, value) in keywords)
        {
            var at = $"{pointer}/{keyword}";
            if (!CheckedKeywords.Contains(keyword) && !Annotations.Contains(keyword))
                throw new FormatException($"{at}: keyword '{keyword}' is not supported by this validator");
            switch (keyword)
            {
                case "properties" or "$defs":
                    foreach (var (name, sub) in AsObject(value, at))
                        Inspect(sub, $"{at}/{name}");
                    break;
                case "additionalProperties" or "items":
                    Inspect(value, at);
                    break;
                case "oneOf":
                    var branches = value as JsonArray;
                    if (branches is null || branches.Count == 0)
                        throw new FormatException($"{at}: must be a non-empty array of schemas");
                    for (var i = 0; i < branches.Count; i++)
                        Inspect(branches[i], $"{at}/{i}");
                    break;
                case "$ref":
                    Resolve(Text(value, at));
                    break;
                case "pattern":
                    CompilePattern(Text(value, at), at);
                    break;
                case "required" or "enum":
                    if (value is not JsonArray || (keyword == "required" && value.AsArray().Any(n => n?.GetValueKind() != JsonValueKind.String)))
                        throw new FormatException($"{at}: must be an array{(keyword == "required" ? " of property names" : "")}");
                    break;
                case "minItems" or "maxItems" or "minLength" or "maxLength" or "minimum" or "maximum":
                    if (value?.GetValueKind() != JsonValueKind.Number)
                        throw new FormatException($"{at}: must be a number");
                    break;
                case "uniqueItems":
                    if (value?.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                        throw new FormatException($"{at}: must be true or false");
                    break;
                case "type":
                    foreach (var name in value is JsonArray list ? list.ToArray() : [value])
                        if (!TypeNames.Contains(Text(name, at)))
                            throw new FormatException($"{at}: unknown type {JsonPath.Show(name)}");
                    break;
            }
        }
    }

    private static string Text(JsonNode? value, string at) =>
        value?.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : throw new FormatException($"{at}: must be a string");

    private static JsonObject AsObject(JsonNode? value, string at) =>
        value as JsonObject ?? throw new FormatException($"{at}: must be an object");

    private void CompilePattern(string pattern, string at)
    {
        try
        {
            // The timeout stops a pathological pattern, not a slow machine: a loaded 2-core CI host took over a second
            // of wall-clock time for an ordinary match.
            patterns.TryAdd(pattern, new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(10)));
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"{at}: invalid pattern: {e.Message}", e);
        }
    }
}
