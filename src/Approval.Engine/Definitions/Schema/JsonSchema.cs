using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Approval.Engine.Definitions;

/// <summary>
/// A JSON Schema (JSON 模式) in the subset of draft 2020-12 that the files under <c>workflows/</c> use,
/// checked over <see cref="JsonNode"/> because no schema package can be restored here.
/// </summary>
/// <remarks>
/// Checked keywords: <c>type</c>, <c>properties</c>, <c>required</c>, <c>additionalProperties</c>, <c>enum</c>,
/// <c>const</c>, <c>items</c>, <c>minItems</c>, <c>maxItems</c>, <c>uniqueItems</c>, <c>minimum</c>,
/// <c>maximum</c>, <c>minLength</c>, <c>maxLength</c>, <c>pattern</c>, <c>$ref</c> (local JSON pointers such as
/// <c>#/$defs/matter</c>) and <c>oneOf</c>. Annotations (<c>title</c>, <c>description</c>, <c>$defs</c> …) are
/// accepted and ignored. Any other keyword is refused when the schema is read: a schema must never promise a
/// check that this validator silently skips.
/// </remarks>
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

    private readonly JsonNode root;
    private readonly Dictionary<string, Regex> patterns = new(StringComparer.Ordinal);

    private JsonSchema(JsonNode root)
    {
        this.root = root;
        Inspect(root, "#");
    }

    /// <summary>Reads a schema from its JSON text.</summary>
    /// <exception cref="FormatException">The text is not JSON, or uses a keyword or <c>$ref</c> this validator does not support.</exception>
    public static JsonSchema Parse(string json)
    {
        try
        {
            return new JsonSchema(JsonNode.Parse(json) ?? throw new FormatException("the schema is JSON null"));
        }
        catch (JsonException e)
        {
            throw new FormatException($"the schema is not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>Uses a schema already parsed; the node is copied, so later changes to it do not affect this schema.</summary>
    /// <exception cref="FormatException">The schema uses a keyword or <c>$ref</c> this validator does not support.</exception>
    public static JsonSchema FromNode(JsonNode schema) => new(schema.DeepClone());

    /// <summary>Every place where <paramref name="instance"/> breaks this schema; empty when it conforms.</summary>
    public IReadOnlyList<SchemaError> Validate(JsonNode? instance)
    {
        var errors = new List<SchemaError>();
        Check(root, instance, JsonPath.Root, errors);
        return errors;
    }

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
            patterns.TryAdd(pattern, new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"{at}: invalid pattern: {e.Message}", e);
        }
    }

    /// <summary>Follows a local JSON pointer (<c>#/$defs/name</c>); references to other documents are not supported.</summary>
    private JsonNode Resolve(string reference)
    {
        if (reference != "#" && !reference.StartsWith("#/", StringComparison.Ordinal))
            throw new FormatException($"$ref '{reference}': only references inside the same schema (#/...) are supported");
        var node = root;
        foreach (var segment in reference.Length > 1 ? reference[2..].Split('/') : [])
        {
            var name = Uri.UnescapeDataString(segment).Replace("~1", "/").Replace("~0", "~");
            node = (node as JsonObject)?[name] ?? throw new FormatException($"$ref '{reference}': nothing at '{name}'");
        }
        return node;
    }
}
