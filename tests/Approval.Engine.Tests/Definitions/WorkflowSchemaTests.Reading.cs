using Approval.Engine.Definitions;

namespace Approval.Engine.Tests.Definitions;

public sealed partial class WorkflowSchemaTests
{
    [Fact]
    public void Unknown_keyword_is_refused_when_the_schema_is_read()
    {
        // A misspelt keyword would otherwise be an annotation, and the check it names would silently not happen.
        var refusal = Assert.Throws<FormatException>(() => WorkflowSchema.Parse("""{ "properties": { "a": { "requried": ["id"] } } }"""));

        Assert.Contains("Unknown keywords (requried)", refusal.Message);
    }

    [Fact]
    public void Reference_to_another_document_is_refused() =>
        Assert.Contains("only references inside the same schema",
            Assert.Throws<FormatException>(() => WorkflowSchema.Parse("""{ "$ref": "other.json#/x" }""")).Message);

    [Fact]
    public void Reference_to_a_missing_definition_is_refused() =>
        Assert.Contains("nothing at 'nowhere'",
            Assert.Throws<FormatException>(() => WorkflowSchema.Parse("""{ "$defs": {}, "$ref": "#/$defs/nowhere" }""")).Message);

    [Fact]
    public void Invalid_pattern_is_refused() =>
        Assert.Contains("Invalid pattern '[a-'",
            Assert.Throws<FormatException>(() => WorkflowSchema.Parse("""{ "pattern": "[a-" }""")).Message);

    [Fact]
    public void Malformed_keyword_value_is_refused_when_the_schema_is_read() =>
        Assert.Contains("'minItems' value must be a number",
            Assert.Throws<FormatException>(() => WorkflowSchema.Parse("""{ "items": { "minItems": "2" } }""")).Message);

    [Fact]
    public void Text_that_is_not_json_is_refused() =>
        Assert.StartsWith("the schema is not valid JSON",
            Assert.Throws<FormatException>(() => WorkflowSchema.Parse("""{ "type": """)).Message);

    [Fact]
    public void Two_schemas_with_the_same_relative_id_do_not_collide()
    {
        // Each schema gets a registry of its own: loading workflows/ twice (tests in parallel) must not fail on the $id.
        const string schema = """{ "$id": "workflow.schema.json", "type": "string" }""";

        var schemas = Enumerable.Range(0, 8).AsParallel().Select(_ => WorkflowSchema.Parse(schema)).ToList();

        Assert.All(schemas, s => Assert.Single(s.Validate(System.Text.Json.Nodes.JsonValue.Create(5))));
    }
}
