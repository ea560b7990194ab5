using Approval.Engine.Definitions;

namespace Approval.Engine.Tests.Definitions;

public sealed partial class JsonSchemaTests
{
    [Fact]
    public void Unsupported_keyword_is_refused_when_the_schema_is_read()
    {
        var refusal = Assert.Throws<FormatException>(() => JsonSchema.Parse("""{ "properties": { "a": { "anyOf": [] } } }"""));

        Assert.Equal("#/properties/a/anyOf: keyword 'anyOf' is not supported by this validator", refusal.Message);
    }

    [Fact]
    public void Reference_to_another_document_is_refused() =>
        Assert.Contains("only references inside the same schema",
            Assert.Throws<FormatException>(() => JsonSchema.Parse("""{ "$ref": "other.json#/x" }""")).Message);

    [Fact]
    public void Reference_to_a_missing_definition_is_refused() =>
        Assert.Contains("nothing at 'nowhere'",
            Assert.Throws<FormatException>(() => JsonSchema.Parse("""{ "$defs": {}, "$ref": "#/$defs/nowhere" }""")).Message);

    [Fact]
    public void Invalid_pattern_is_refused() =>
        Assert.StartsWith("#/pattern: invalid pattern",
            Assert.Throws<FormatException>(() => JsonSchema.Parse("""{ "pattern": "[a-" }""")).Message);

    [Fact]
    public void Malformed_keyword_value_is_refused_when_the_schema_is_read() =>
        Assert.Equal("#/items/minItems: must be a number",
            Assert.Throws<FormatException>(() => JsonSchema.Parse("""{ "items": { "minItems": "2" } }""")).Message);
}
