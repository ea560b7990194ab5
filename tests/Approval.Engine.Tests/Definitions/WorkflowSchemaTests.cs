using System.Text.Json.Nodes;
using Approval.Engine.Definitions;

namespace Approval.Engine.Tests.Definitions;

public sealed partial class WorkflowSchemaTests
{
    private static IReadOnlyList<SchemaError> Validate(string schema, string instance) =>
        WorkflowSchema.Parse(schema).Validate(JsonNode.Parse(instance));

    private static void Only(IReadOnlyList<SchemaError> errors, string path, string message)
    {
        var error = Assert.Single(errors);
        Assert.Equal(new SchemaError(path, message), error);
    }

    [Fact]
    public void Conforming_instance_has_no_errors() =>
        Assert.Empty(Validate("""{ "type": "object", "properties": { "n": { "type": "integer" } } }""", """{ "n": 3 }"""));

    [Fact]
    public void Wrong_type_names_expected_and_found() =>
        Only(Validate("""{ "type": "string" }""", "5"), "$", "expected string, found number 5");

    [Fact]
    public void Integer_accepts_whole_numbers_only()
    {
        Assert.Empty(Validate("""{ "type": "integer" }""", "2.0"));
        Only(Validate("""{ "type": "integer" }""", "2.5"), "$", "expected integer, found number 2.5");
    }

    [Fact]
    public void Type_list_accepts_any_of_its_types() =>
        Assert.Empty(Validate("""{ "type": ["string", "null"] }""", "null"));

    [Fact]
    public void Missing_required_property_is_reported_at_its_object() =>
        Only(Validate("""{ "properties": { "a": { "type": "object", "required": ["id"] } } }""", """{ "a": {} }"""),
            "$.a", "missing required property 'id'");

    [Fact]
    public void Unexpected_property_is_reported_at_itself_with_the_allowed_ones() =>
        Only(Validate("""{ "properties": { "id": {}, "name": {} }, "additionalProperties": false }""", """{ "id": 1, "nmae": 2 }"""),
            "$.nmae", "property 'nmae' is not allowed here (allowed: id, name)");

    [Fact]
    public void Additional_properties_schema_checks_the_other_properties() =>
        Only(Validate("""{ "additionalProperties": { "type": "integer" } }""", """{ "a": 1, "b": "x" }"""),
            "$.b", "expected integer, found string \"x\"");

    [Fact]
    public void Property_names_that_are_not_identifiers_are_quoted_in_the_path() =>
        Only(Validate("""{ "properties": { "审批 部门": { "type": "string" } } }""", """{ "审批 部门": 1 }"""),
            "$['审批 部门']", "expected string, found number 1");

    [Fact]
    public void Enum_lists_the_allowed_values() =>
        Only(Validate("""{ "enum": ["Blocks", "DeemedAgreement"] }""", "\"Maybe\""),
            "$", "\"Maybe\" is not one of: \"Blocks\", \"DeemedAgreement\"");

    [Fact]
    public void Const_names_the_expected_value() =>
        Only(Validate("""{ "const": "schema/workflow.schema.json" }""", "\"workflow.schema.json\""),
            "$", "expected \"schema/workflow.schema.json\", found \"workflow.schema.json\"");

    [Fact]
    public void Item_errors_carry_their_index() =>
        Only(Validate("""{ "properties": { "departments": { "items": { "type": "string" } } } }""", """{ "departments": ["a", "b", 3] }"""),
            "$.departments[2]", "expected string, found number 3");

    [Fact]
    public void Too_few_items_are_refused() =>
        Only(Validate("""{ "minItems": 2 }""", "[1]"), "$", "expected at least 2 item(s), found 1");

    [Fact]
    public void Repeated_item_is_reported_where_it_repeats() =>
        Only(Validate("""{ "uniqueItems": true }""", """["planning", "housing", "planning"]"""),
            "$[2]", "\"planning\" repeats item [0]; items must be unique");

    [Fact]
    public void Numbers_outside_the_bounds_are_refused()
    {
        Only(Validate("""{ "minimum": 1, "maximum": 5 }""", "0"), "$", "0 is less than the minimum 1");
        Only(Validate("""{ "minimum": 1, "maximum": 5 }""", "6"), "$", "6 is more than the maximum 5");
    }

    [Fact]
    public void Length_counts_characters_not_utf16_units()
    {
        Assert.Empty(Validate("""{ "minLength": 4, "maxLength": 4 }""", "\"企业开办\""));
        Assert.Empty(Validate("""{ "maxLength": 1 }""", "\"𠀀\""));  // one code point, two UTF-16 units
    }

    [Fact]
    public void Pattern_mismatch_shows_value_and_pattern() =>
        Only(Validate("""{ "pattern": "^[A-Z]{2,5}-[0-9]{3}$" }""", "\"zj-3\""), "$", "\"zj-3\" does not match the pattern ^[A-Z]{2,5}-[0-9]{3}$");

    [Fact]
    public void Ref_to_defs_is_followed() =>
        Only(Validate("""{ "$defs": { "id": { "type": "string" } }, "items": { "$ref": "#/$defs/id" } }""", "[true]"),
            "$[0]", "expected string, found boolean true");

    [Fact]
    public void False_schema_refuses_any_value() =>
        Only(Validate("""{ "properties": { "x": false } }""", """{ "x": 1 }"""), "$.x", "no value is allowed here");
}
