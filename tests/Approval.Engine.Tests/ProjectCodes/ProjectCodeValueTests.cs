using Approval.Engine.ProjectCodes;

namespace Approval.Engine.Tests.ProjectCodes;

public class ProjectCodeValueTests
{
    [Fact]
    public void Default_code_is_empty_and_has_no_format()
    {
        var code = default(ProjectCode);

        Assert.True(code.IsEmpty);
        Assert.Equal("", code.Value);
        Assert.Empty(code.Segments);
        Assert.False(Enum.IsDefined(code.Format));
    }

    [Fact]
    public void Parsed_code_is_not_empty()
    {
        var code = ProjectCode.Parse("2509-320193-89-01-544060");

        Assert.False(code.IsEmpty);
    }

    [Fact]
    public void Codes_are_equal_by_normalised_value()
    {
        var typed = ProjectCode.Parse(" ２５０９－320193-89-01-544060 ");
        var plain = ProjectCode.Parse("2509-320193-89-01-544060");

        Assert.Equal(plain, typed);
        Assert.True(plain == typed);
        Assert.Equal(plain.GetHashCode(), typed.GetHashCode());
    }

    [Fact]
    public void Different_codes_are_not_equal()
    {
        var a = ProjectCode.Parse("2509-320193-89-01-544060");
        var b = ProjectCode.Parse("2411-130202-89-01-637015");

        Assert.NotEqual(a, b);
        Assert.NotEqual(default, a);
    }

    [Fact]
    public void Codes_order_by_value_with_empty_first()
    {
        var a = ProjectCode.Parse("2020-451421-88-03-016343");
        var b = ProjectCode.Parse("2509-320193-89-01-544060");

        var sorted = new[] { b, default, a }.Order().ToArray();

        Assert.Equal([default, a, b], sorted);
    }

    [Fact]
    public void ToString_is_the_value()
    {
        var code = ProjectCode.Parse("２０２０－451421-88-03-016343");

        Assert.Equal("2020-451421-88-03-016343", code.ToString());
    }

    [Fact]
    public void Parse_throws_an_invalid_input_for_field_code()
    {
        var ex = Assert.Throws<InvalidProjectCodeException>(() => ProjectCode.Parse("2013-320193-89-01-544060"));

        Assert.IsAssignableFrom<InvalidInputException>(ex);
        Assert.Equal("code", ex.Field);
        Assert.Equal("year", ex.Error.Segment);
    }

    [Fact]
    public void Exception_message_names_segment_term_reason_and_given()
    {
        var ex = Assert.Throws<InvalidProjectCodeException>(() => ProjectCode.Parse("2513-320193-89-01-544060"));

        Assert.Equal("segment 'yearMonth' (时间代码): month 13 does not exist (expected 01–12), given '2513'", ex.Message);
    }

    [Fact]
    public void Whole_code_message_quotes_the_text()
    {
        var ex = Assert.Throws<InvalidProjectCodeException>(() => ProjectCode.Parse("2020-451421-8803-016343"));

        Assert.StartsWith("project code (项目代码) '2020-451421-8803-016343': missing hyphen at position 15", ex.Message);
    }

    [Fact]
    public void Two_argument_TryParse_serves_route_binding()
    {
        var parsed = ProjectCode.TryParse("2509-320193-89-01-544060", out var code);

        Assert.True(parsed);
        Assert.Equal(ProjectCodeFormat.Current, code.Format);
    }

    [Fact]
    public void Failed_TryParse_leaves_an_empty_code()
    {
        var parsed = ProjectCode.TryParse("nonsense", out var code);

        Assert.False(parsed);
        Assert.True(code.IsEmpty);
    }

    [Fact]
    public void Parsable_interface_parses()
    {
        var code = ParseVia<ProjectCode>("2020-330327-48-01-167360");

        Assert.Equal(ProjectCodeFormat.Legacy, code.Format);
    }

    private static T ParseVia<T>(string text) where T : IParsable<T> => T.Parse(text, null);
}
