using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Approval.Engine.Definitions;

/// <summary>
/// Turns JsonSchema.Net's results into the report administrators read: one <see cref="SchemaError"/> per mistake,
/// at a JSON path such as <c>$.activities[2].budgetWorkingDays</c>, saying what was expected and what was found.
/// </summary>
/// <remarks>
/// Only failing results are walked. An <c>if</c> that did not match is no mistake; a failed <c>oneOf</c> or
/// <c>anyOf</c> reports its closest alternative, not every alternative's errors; a value of the wrong type is
/// reported once, not again by each keyword that could not apply to it. The messages are built from the schema and
/// the instance rather than from the library's texts, so that they name the expected and the found values.
/// </remarks>
internal sealed class SchemaErrors(JsonNode schema, JsonElement instance)
{
    /// <summary>The mistakes in <paramref name="results"/>, in the order the schema checks them.</summary>
    public static IReadOnlyList<SchemaError> Of(EvaluationResults results, JsonNode schema, JsonElement instance)
    {
        var errors = new List<SchemaError>();
        new SchemaErrors(schema, instance).Collect(results, errors);
        return errors;
    }

    private void Collect(EvaluationResults node, List<SchemaError> into)
    {
        if (node.IsValid)
            return;
        var at = Locate(node.InstanceLocation.ToString());
        var keywords = SchemaAt(node.SchemaLocation) as JsonObject;
        if (Own(node, keywords, at, into))
            return;
        var parent = node.EvaluationPath.ToString();
        foreach (var group in (node.Details ?? []).GroupBy(child => Applicator(parent, child)))
        {
            switch (group.Key)
            {
                case "if":
                    break;
                case "oneOf" or "anyOf":
                    Alternatives(group.Key, [.. group], keywords, at.Path, into);
                    break;
                case "not":
                    if (group.Any(c => c.IsValid))
                        into.Add(new(at.Path, "matches a schema that it must not match"));
                    break;
                default:
                    foreach (var child in group)
                        Collect(child, into);
                    break;
            }
        }
    }

    /// <summary>Reports the node's own keyword errors; true when a wrong type makes everything under it moot.</summary>
    private bool Own(EvaluationResults node, JsonObject? keywords, Location at, List<SchemaError> into)
    {
        if (node.Errors is not { Count: > 0 } own)
            return false;
        if (own.ContainsKey("type"))
        {
            into.Add(new(at.Path, keywords?["type"] is { } type
                ? $"expected {DescribeType(type)}, found {Describe(at.Value)}"
                : own["type"]));
            return true;
        }
        foreach (var (keyword, message) in own)
        {
            // "" is a false schema (additionalProperties: false); any other keyword is explained from its value.
            if (keyword == "" || keywords?.ContainsKey(keyword) == true)
                Explain(keyword, message, node, keywords ?? [], at, into);
            else
                into.Add(new(at.Path, message));
        }
        return false;
    }

    private void Explain(string keyword, string message, EvaluationResults node, JsonObject s, Location at, List<SchemaError> into)
    {
        var value = at.Value;
        switch (keyword)
        {
            case "" when node.EvaluationPath.ToString().EndsWith("/additionalProperties", StringComparison.Ordinal):
                var owner = SchemaAt(node.SchemaLocation, dropLast: true) as JsonObject;
                into.Add(new(at.Path, $"property '{at.Name}' is not allowed here" +
                    (owner?["properties"] is JsonObject allowed ? $" (allowed: {string.Join(", ", allowed.Select(p => p.Key))})" : "")));
                break;
            case "":
                into.Add(new(at.Path, "no value is allowed here"));
                break;
            case "const":
                into.Add(new(at.Path, $"expected {JsonPath.Show(s["const"])}, found {JsonPath.Show(value)}"));
                break;
            case "enum" when s["enum"] is JsonArray options:
                into.Add(new(at.Path, $"{JsonPath.Show(value)} is not one of: {string.Join(", ", options.Select(JsonPath.Show))}"));
                break;
            case "required" when s["required"] is JsonArray required && value?.ValueKind == JsonValueKind.Object:
                foreach (var name in required.Select(r => r!.GetValue<string>()).Where(n => !value.Value.TryGetProperty(n, out _)))
                    into.Add(new(at.Path, $"missing required property '{name}'" + OneOf(s["properties"]?[name])));
                break;
            case "minItems":
                into.Add(new(at.Path, $"expected at least {s[keyword]} item(s), found {value?.GetArrayLength()}"));
                break;
            case "maxItems":
                into.Add(new(at.Path, $"expected at most {s[keyword]} item(s), found {value?.GetArrayLength()}"));
                break;
            case "uniqueItems" when value?.ValueKind == JsonValueKind.Array:
                var items = value.Value.EnumerateArray().ToList();
                for (var j = 1; j < items.Count; j++)
                    if (Enumerable.Range(0, j).FirstOrDefault(i => JsonElement.DeepEquals(items[i], items[j]), -1) is var i and >= 0)
                        into.Add(new(JsonPath.Index(at.Path, j), $"{JsonPath.Show(items[j])} repeats item [{i}]; items must be unique"));
                break;
            case "minLength" or "maxLength" when value?.ValueKind == JsonValueKind.String:
                // JSON Schema counts characters as code points, so a CJK name of 4 characters has length 4.
                var length = value.Value.GetString()!.EnumerateRunes().Count();
                into.Add(new(at.Path, keyword == "minLength"
                    ? $"expected at least {s[keyword]} character(s), found {length}"
                    : $"expected at most {s[keyword]} character(s), found {length}"));
                break;
            case "pattern" when node.EvaluationPath.ToString().EndsWith("/propertyNames", StringComparison.Ordinal):
                into.Add(new(at.Path, $"'{at.Name}' is not an allowed name here: it does not match the pattern {s[keyword]}"));
                break;
            case "pattern":
                into.Add(new(at.Path, $"{JsonPath.Show(value)} does not match the pattern {s[keyword]}"));
                break;
            case "minimum":
                into.Add(new(at.Path, $"{JsonPath.Show(value)} is less than the minimum {s[keyword]}"));
                break;
            case "maximum":
                into.Add(new(at.Path, $"{JsonPath.Show(value)} is more than the maximum {s[keyword]}"));
                break;
            default:
                // A keyword our schemas do not use yet: the library's own words are still an answer.
                into.Add(new(at.Path, $"{keyword}: {message}"));
                break;
        }
    }

    /// <summary>
    /// A failed <c>oneOf</c>/<c>anyOf</c>: "matches 2 of the alternatives", or the alternative closest to matching
    /// (its type fits, fewest errors) with its errors.
    /// </summary>
    private void Alternatives(string keyword, List<EvaluationResults> branches, JsonObject? s, string path, List<SchemaError> into)
    {
        var passing = branches.Count(b => b.IsValid);
        if (passing == 1 || (passing > 1 && keyword == "anyOf"))
            return;
        if (passing > 1)
        {
            into.Add(new(path, $"matches {passing} of the alternatives, but exactly one must match"));
            return;
        }
        var closest = branches
            .Select(b => (Branch: b, Errors: Errors(b)))
            .OrderBy(b => b.Branch.Errors?.ContainsKey("type") == true)
            .ThenBy(b => b.Errors.Count)
            .First();
        var count = (s?[keyword] as JsonArray)?.Count ?? branches.Count;
        into.Add(new(path, $"matches none of the {count} alternatives; the closest one says:"));
        into.AddRange(closest.Errors);
    }

    private List<SchemaError> Errors(EvaluationResults branch)
    {
        var errors = new List<SchemaError>();
        Collect(branch, errors);
        return errors;
    }

    private static string OneOf(JsonNode? property) =>
        property?["enum"] is JsonArray options ? $" (one of: {string.Join(", ", options.Select(JsonPath.Show))})" : "";

    /// <summary>The applicator keyword through which <paramref name="child"/> was reached from its parent's path.</summary>
    private static string Applicator(string parent, EvaluationResults child)
    {
        var path = child.EvaluationPath.ToString();
        var rest = path.StartsWith(parent, StringComparison.Ordinal) ? path[parent.Length..] : path;
        return rest.TrimStart('/').Split('/')[0];
    }

    private sealed record Location(string Path, JsonElement? Value, string Name);

    /// <summary>The JSON path and value at a JSON pointer into the instance.</summary>
    private Location Locate(string pointer)
    {
        var path = JsonPath.Root;
        JsonElement? value = instance;
        var name = "";
        foreach (var segment in Segments(pointer))
        {
            name = segment;
            if (value?.ValueKind == JsonValueKind.Array && int.TryParse(segment, out var index))
            {
                path = JsonPath.Index(path, index);
                value = index < value.Value.GetArrayLength() ? value.Value[index] : null;
            }
            else
            {
                path = JsonPath.Property(path, segment);
                value = value?.ValueKind == JsonValueKind.Object && value.Value.TryGetProperty(segment, out var property) ? property : null;
            }
        }
        return new(path, value, name);
    }

    /// <summary>
    /// The subschema at a schema location of this (single-document) schema. A segment that names nothing is
    /// passed over: JsonSchema.Net 8 adds a segment after <c>items</c>, <c>if</c> and <c>then</c> that is not in the document.
    /// </summary>
    private JsonNode? SchemaAt(Uri location, bool dropLast = false)
    {
        // The original string: with a file base and a relative $id, JsonSchema.Net 8 escapes the '#' into the path.
        var text = location.OriginalString;
        var hash = text.IndexOf('#', StringComparison.Ordinal);
        var segments = Segments(hash < 0 ? "" : Uri.UnescapeDataString(text[(hash + 1)..])).ToList();
        if (dropLast && segments.Count > 0)
            segments.RemoveAt(segments.Count - 1);
        var node = schema;
        foreach (var segment in segments)
        {
            if (node is JsonObject obj && obj.TryGetPropertyValue(segment, out var next))
                node = next;
            else if (node is JsonArray array && int.TryParse(segment, out var index) && index < array.Count)
                node = array[index];
        }
        return node;
    }

    private static IEnumerable<string> Segments(string pointer) =>
        pointer.Length == 0
            ? []
            : pointer.TrimStart('/').Split('/').Select(s => s.Replace("~1", "/").Replace("~0", "~"));

    private static string DescribeType(JsonNode type) =>
        type is JsonArray names ? string.Join(" or ", names.Select(n => n!.GetValue<string>())) : type.GetValue<string>();

    private static string Describe(JsonElement? value) => value?.ValueKind switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"string {JsonPath.Show(value)}",
        JsonValueKind.Number => $"number {JsonPath.Show(value)}",
        _ => $"boolean {JsonPath.Show(value)}",
    };
}
