using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Approval.Engine.Definitions;

public sealed partial class JsonSchema
{
    private void Check(JsonNode schema, JsonNode? instance, string path, List<SchemaError> errors)
    {
        if (schema is JsonValue flag)
        {
            if (flag.GetValueKind() == JsonValueKind.False)
                errors.Add(new(path, "no value is allowed here"));
            return;
        }
        var s = (JsonObject)schema;
        if (s["$ref"] is { } reference)
            Check(Resolve(reference.GetValue<string>()), instance, path, errors);
        if (s["type"] is { } type && !HasType(type, instance))
        {
            // The other keywords would only repeat the same mistake in more words.
            errors.Add(new(path, $"expected {DescribeType(type)}, found {Describe(instance)}"));
            return;
        }
        if (s.TryGetPropertyValue("const", out var constant) && !JsonNode.DeepEquals(constant, instance))
            errors.Add(new(path, $"expected {JsonPath.Show(constant)}, found {JsonPath.Show(instance)}"));
        if (s["enum"] is JsonArray options && !options.Any(o => JsonNode.DeepEquals(o, instance)))
            errors.Add(new(path, $"{JsonPath.Show(instance)} is not one of: {string.Join(", ", options.Select(JsonPath.Show))}"));

        switch (instance)
        {
            case JsonObject obj:
                CheckObject(s, obj, path, errors);
                break;
            case JsonArray array:
                CheckArray(s, array, path, errors);
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                CheckString(s, value.GetValue<string>(), path, errors);
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                CheckNumber(s, Number(value), path, errors);
                break;
        }
        if (s["oneOf"] is JsonArray branches)
            CheckOneOf(branches, instance, path, errors);
    }

    private void CheckObject(JsonObject s, JsonObject obj, string path, List<SchemaError> errors)
    {
        var properties = s["properties"] as JsonObject;
        if (s["required"] is JsonArray required)
            foreach (var name in required.Select(r => r!.GetValue<string>()).Where(n => !obj.ContainsKey(n)))
                errors.Add(new(path, $"missing required property '{name}'"));

        s.TryGetPropertyValue("additionalProperties", out var additional);
        foreach (var (name, value) in obj)
        {
            var at = JsonPath.Property(path, name);
            if (properties?[name] is { } known)
                Check(known, value, at, errors);
            else if (additional is JsonValue closed && closed.GetValueKind() == JsonValueKind.False)
                errors.Add(new(at, $"property '{name}' is not allowed here" +
                    (properties is null ? "" : $" (allowed: {string.Join(", ", properties.Select(p => p.Key))})")));
            else if (additional is not null)
                Check(additional, value, at, errors);
        }
    }

    private void CheckArray(JsonObject s, JsonArray array, string path, List<SchemaError> errors)
    {
        if (s["minItems"] is { } min && array.Count < Number(min))
            errors.Add(new(path, $"expected at least {min} item(s), found {array.Count}"));
        if (s["maxItems"] is { } max && array.Count > Number(max))
            errors.Add(new(path, $"expected at most {max} item(s), found {array.Count}"));
        if (s["uniqueItems"] is { } unique && unique.GetValue<bool>())
            for (var j = 1; j < array.Count; j++)
                if (Enumerable.Range(0, j).FirstOrDefault(i => JsonNode.DeepEquals(array[i], array[j]), -1) is var i and >= 0)
                    errors.Add(new(JsonPath.Index(path, j), $"{JsonPath.Show(array[j])} repeats item [{i}]; items must be unique"));
        if (s["items"] is { } items)
            for (var i = 0; i < array.Count; i++)
                Check(items, array[i], JsonPath.Index(path, i), errors);
    }

    private void CheckString(JsonObject s, string text, string path, List<SchemaError> errors)
    {
        // JSON Schema counts characters as code points, so a CJK name of 4 characters has length 4.
        var length = text.EnumerateRunes().Count();
        if (s["minLength"] is { } min && length < Number(min))
            errors.Add(new(path, $"expected at least {min} character(s), found {length}"));
        if (s["maxLength"] is { } max && length > Number(max))
            errors.Add(new(path, $"expected at most {max} character(s), found {length}"));
        if (s["pattern"] is { } pattern && !patterns[pattern.GetValue<string>()].IsMatch(text))
            errors.Add(new(path, $"\"{text}\" does not match the pattern {pattern.GetValue<string>()}"));
    }

    private static void CheckNumber(JsonObject s, double number, string path, List<SchemaError> errors)
    {
        if (s["minimum"] is { } min && number < Number(min))
            errors.Add(new(path, $"{Format(number)} is less than the minimum {min}"));
        if (s["maximum"] is { } max && number > Number(max))
            errors.Add(new(path, $"{Format(number)} is more than the maximum {max}"));
    }

    private static bool HasType(JsonNode type, JsonNode? instance) =>
        type is JsonArray names
            ? names.Any(n => IsOfType(n!.GetValue<string>(), instance))
            : IsOfType(type.GetValue<string>(), instance);

    private static bool IsOfType(string name, JsonNode? instance) => name switch
    {
        "integer" => KindOf(instance) == "number" && double.IsInteger(Number(instance!)),
        _ => KindOf(instance) == name,
    };

    private static string KindOf(JsonNode? instance) => instance switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        _ => instance.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            _ => "null",
        },
    };

    private static string DescribeType(JsonNode type) =>
        type is JsonArray names ? string.Join(" or ", names.Select(n => n!.GetValue<string>())) : type.GetValue<string>();

    private static string Describe(JsonNode? instance) => instance switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "an array",
        _ => $"{KindOf(instance)} {JsonPath.Show(instance)}",
    };

    // Parsing the JSON text works alike for nodes read from a file and nodes built in code (JsonValue<int>).
    private static double Number(JsonNode value) => double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture);

    private static string Format(double number) => number.ToString(CultureInfo.InvariantCulture);
}
