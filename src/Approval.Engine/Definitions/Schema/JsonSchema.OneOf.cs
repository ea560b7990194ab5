using System.Text.Json.Nodes;

namespace Approval.Engine.Definitions;

public sealed partial class JsonSchema
{
    /// <summary>
    /// <c>oneOf</c> with a discriminator-friendly report: when every alternative fixes the same property with
    /// <c>const</c> (our activities' <c>type</c>), only the alternative that the instance names is checked and its
    /// errors are reported, instead of "matches none of 5 alternatives" over five lists of unrelated errors.
    /// </summary>
    private void CheckOneOf(JsonArray branches, JsonNode? instance, string path, List<SchemaError> errors)
    {
        var candidates = Enumerable.Range(0, branches.Count).ToList();
        if (instance is JsonObject obj && Discriminator(branches) is { } tag)
        {
            var tags = branches.Select(b => Dereference(b!)["properties"]![tag]!["const"]).ToList();
            var allowed = string.Join(", ", tags.Select(JsonPath.Show));
            if (!obj.TryGetPropertyValue(tag, out var value))
            {
                errors.Add(new(path, $"missing required property '{tag}' (one of: {allowed})"));
                return;
            }
            candidates = candidates.Where(i => JsonNode.DeepEquals(tags[i], value)).ToList();
            if (candidates.Count == 0)
            {
                errors.Add(new(JsonPath.Property(path, tag), $"{JsonPath.Show(value)} is not one of: {allowed}"));
                return;
            }
        }

        var results = candidates.Select(i => CheckAlone(branches[i]!, instance, path)).ToList();
        var passing = results.Count(r => r.Count == 0);
        if (candidates.Count == 1)
            errors.AddRange(results[0]);
        else if (passing > 1)
            errors.Add(new(path, $"matches {passing} of the alternatives, but exactly one must match"));
        else if (passing == 0)
        {
            errors.Add(new(path, $"matches none of the {candidates.Count} alternatives; the closest one says:"));
            // An alternative of another type is further off than one whose type fits but whose details do not.
            var closest = Enumerable.Range(0, results.Count)
                .OrderBy(i => Dereference(branches[candidates[i]]!)["type"] is { } type && !HasType(type, instance))
                .ThenBy(i => results[i].Count)
                .First();
            errors.AddRange(results[closest]);
        }
    }

    private List<SchemaError> CheckAlone(JsonNode schema, JsonNode? instance, string path)
    {
        var errors = new List<SchemaError>();
        Check(schema, instance, path, errors);
        return errors;
    }

    /// <summary>The property that every alternative pins with <c>const</c>, if there is one.</summary>
    private string? Discriminator(JsonArray branches)
    {
        var objects = branches.Select(b => Dereference(b!)).ToList();
        if (objects.Any(o => o["properties"] is not JsonObject))
            return null;
        return ((JsonObject)objects[0]["properties"]!)
            .Select(p => p.Key)
            .FirstOrDefault(name => objects.All(o => o["properties"]![name] is JsonObject p && p.ContainsKey("const")));
    }

    private JsonObject Dereference(JsonNode schema)
    {
        // A bounded walk: a schema whose $ref chain loops has no meaning, and must not hang the loader.
        for (var hops = 0; hops < 32 && schema is JsonObject { Count: 1 } only && only["$ref"] is { } reference; hops++)
            schema = Resolve(reference.GetValue<string>());
        return schema as JsonObject ?? [];
    }
}
