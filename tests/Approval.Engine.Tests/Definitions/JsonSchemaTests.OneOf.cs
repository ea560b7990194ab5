using Approval.Engine.Definitions;

namespace Approval.Engine.Tests.Definitions;

public sealed partial class JsonSchemaTests
{
    private const string Activities = """
        {
          "items": { "oneOf": [ { "$ref": "#/$defs/review" }, { "$ref": "#/$defs/survey" } ] },
          "$defs": {
            "review": { "type": "object", "required": ["type", "departments"], "additionalProperties": false,
                        "properties": { "type": { "const": "JointPreReview" }, "departments": { "type": "array" } } },
            "survey": { "type": "object", "required": ["type", "absence"], "additionalProperties": false,
                        "properties": { "type": { "const": "CombinedSiteSurvey" }, "absence": { "enum": ["Blocks"] } } }
          }
        }
        """;

    [Fact]
    public void OneOf_with_a_matching_type_reports_only_that_alternative_s_errors() =>
        Only(Validate(Activities, """[ { "type": "CombinedSiteSurvey", "absence": "Maybe" } ]"""),
            "$[0].absence", "\"Maybe\" is not one of: \"Blocks\"");

    [Fact]
    public void OneOf_with_an_unknown_type_lists_the_known_ones_at_the_type() =>
        Only(Validate(Activities, """[ { "type": "SiteVisit" } ]"""),
            "$[0].type", "\"SiteVisit\" is not one of: \"JointPreReview\", \"CombinedSiteSurvey\"");

    [Fact]
    public void OneOf_without_the_type_asks_for_it() =>
        Only(Validate(Activities, """[ { "absence": "Blocks" } ]"""),
            "$[0]", "missing required property 'type' (one of: \"JointPreReview\", \"CombinedSiteSurvey\")");

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
