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
