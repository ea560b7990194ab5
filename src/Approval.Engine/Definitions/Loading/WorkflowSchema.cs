using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace Approval.Engine.Definitions;

/// <summary>
/// A JSON Schema (JSON 模式, draft 2020-12) of the files under <c>workflows/</c>, checked by JsonSchema.Net and
/// reported by <see cref="SchemaErrors"/> in words an administrator can act on.
/// </summary>
/// <remarks>
/// Every standard keyword is honoured; a keyword JsonSchema.Net does not know (a typo such as <c>requried</c>) makes
/// the schema unusable rather than silently unchecked.
/// </remarks>
internal sealed class WorkflowSchema
{
    private static readonly EvaluationOptions Hierarchical = new() { OutputFormat = OutputFormat.Hierarchical };

    private readonly JsonSchema schema;
    private readonly JsonNode document;

    private WorkflowSchema(JsonSchema schema, JsonNode document)
    {
        this.schema = schema;
        this.document = document;
    }

    /// <summary>Reads a schema from its JSON text.</summary>
    /// <param name="json">The schema.</param>
    /// <param name="location">Where it was read from: the base its relative <c>$id</c> resolves against.</param>
    /// <exception cref="FormatException">The text is not JSON, or not a schema JsonSchema.Net can build (unknown keyword, bad value, unresolvable <c>$ref</c>, invalid pattern).</exception>
    public static WorkflowSchema Parse(string json, Uri? location = null)
    {
        try
        {
            var document = JsonNode.Parse(json) ?? throw new FormatException("the schema is JSON null");
            // Our $ids are relative (workflow.schema.json): a registry of its own per schema keeps two loads of the
            // same directory (tests in parallel, a validation beside the running service) from colliding in the global one.
            var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
            // JsonSchema.Net resolves a $ref only when a document reaches it: check them all now, so that a broken
            // schema is refused when it is read rather than when some file happens to use the broken part.
            CheckReferences(document, document, "#");
            return new WorkflowSchema(JsonSchema.Build(JsonSerializer.SerializeToElement(document), options, location), document);
        }
        catch (JsonException e)
        {
            throw new FormatException($"the schema is not valid JSON: {e.Message}", e);
        }
        catch (Exception e) when (e is JsonSchemaException or RefResolutionException or RegexParseException or ArgumentException)
        {
            throw new FormatException(e.Message, e);
        }
    }

    private static void CheckReferences(JsonNode root, JsonNode? node, string at)
    {
        switch (node)
        {
            case JsonObject keywords:
                foreach (var (name, value) in keywords)
                {
                    if (name == "$ref" && value?.GetValueKind() == JsonValueKind.String)
                        Resolve(root, value.GetValue<string>(), $"{at}/$ref");
                    else if (name is not ("const" or "enum" or "default" or "examples"))
                        CheckReferences(root, value, $"{at}/{name}");
                }
                break;
            case JsonArray items:
                for (var i = 0; i < items.Count; i++)
                    CheckReferences(root, items[i], $"{at}/{i}");
                break;
        }
    }

    private static void Resolve(JsonNode root, string reference, string at)
    {
        if (reference != "#" && !reference.StartsWith("#/", StringComparison.Ordinal))
            throw new FormatException($"{at}: '{reference}': only references inside the same schema (#/...) are supported");
        var node = root;
        foreach (var segment in reference.Length > 1 ? reference[2..].Split('/') : [])
        {
            var name = Uri.UnescapeDataString(segment).Replace("~1", "/").Replace("~0", "~");
            node = node switch
            {
                JsonObject obj when obj.TryGetPropertyValue(name, out var next) && next is not null => next,
                JsonArray array when int.TryParse(name, out var index) && index >= 0 && index < array.Count && array[index] is { } item => item,
                _ => throw new FormatException($"{at}: '{reference}': nothing at '{name}'"),
            };
        }
    }

    /// <summary>Every place where <paramref name="instance"/> breaks this schema; empty when it conforms.</summary>
    public IReadOnlyList<SchemaError> Validate(JsonElement instance) =>
        SchemaErrors.Of(schema.Evaluate(instance, Hierarchical), document, instance);

    /// <inheritdoc cref="Validate(JsonElement)"/>
    public IReadOnlyList<SchemaError> Validate(JsonNode? instance) => Validate(JsonSerializer.SerializeToElement(instance));
}
