using Approval.Engine.Definitions;

namespace Approval.Engine.Tests.Definitions;

public sealed partial class WorkflowSchemaTests
{
    // The shape of workflow.schema.json's activity: its type chooses the rules through if/then, not a bare oneOf.
    private const string Activities = """
        {
          "items": {
            "type": "object", "required": ["type"],
            "properties": { "type": { "enum": ["JointPreReview", "CombinedSiteSurvey"] } },
            "allOf": [
              { "if": { "required": ["type"], "properties": { "type": { "const": "JointPreReview" } } }, "then": { "$ref": "#/$defs/review" } },
              { "if": { "required": ["type"], "properties": { "type": { "const": "CombinedSiteSurvey" } } }, "then": { "$ref": "#/$defs/survey" } }
            ]
          },
          "$defs": {
            "review": { "type": "object", "required": ["type", "departments"], "additionalProperties": false,
                        "properties": { "type": { "const": "JointPreReview" }, "departments": { "type": "array" } } },
            "survey": { "type": "object", "required": ["type", "absence"], "additionalProperties": false,
                        "properties": { "type": { "const": "CombinedSiteSurvey" }, "absence": { "enum": ["Blocks"] } } }
          }
        }
        """;

    [Fact]
    public void Type_chooses_the_rules_and_only_their_errors_are_reported() =>
        Only(Validate(Activities, """[ { "type": "CombinedSiteSurvey", "absence": "Maybe" } ]"""),
            "$[0].absence", "\"Maybe\" is not one of: \"Blocks\"");

    [Fact]
    public void Missing_property_is_reported_against_the_chosen_type_s_rules() =>
        Only(Validate(Activities, """[ { "type": "JointPreReview" } ]"""), "$[0]", "missing required property 'departments'");

    [Fact]
    public void Unknown_type_lists_the_known_ones_at_the_type() =>
        Only(Validate(Activities, """[ { "type": "SiteVisit" } ]"""),
            "$[0].type", "\"SiteVisit\" is not one of: \"JointPreReview\", \"CombinedSiteSurvey\"");

    [Fact]
    public void Missing_type_asks_for_it_with_the_known_ones() =>
        Only(Validate(Activities, """[ { "absence": "Blocks" } ]"""),
            "$[0]", "missing required property 'type' (one of: \"JointPreReview\", \"CombinedSiteSurvey\")");

    [Fact]
    public void Item_of_the_wrong_type_is_reported_once() =>
        Only(Validate(Activities, "[ 5 ]"), "$[0]", "expected object, found number 5");

    [Fact]
    public void OneOf_without_a_discriminator_reports_the_closest_alternative()
    {
        var errors = Validate("""{ "oneOf": [ { "type": "string" }, { "type": "integer", "minimum": 1 } ] }""", "0");

        Assert.Equal(
            [new SchemaError("$", "matches none of the 2 alternatives; the closest one says:"), new SchemaError("$", "0 is less than the minimum 1")],
            errors);
    }

    [Fact]
    public void OneOf_matched_by_two_alternatives_is_refused() =>
        Only(Validate("""{ "oneOf": [ { "type": "integer" }, { "minimum": 0 } ] }""", "3"),
            "$", "matches 2 of the alternatives, but exactly one must match");
}
