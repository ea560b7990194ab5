using Approval.Engine.ProjectCodes;

namespace Approval.Engine.Tests.ProjectCodes;

public class ProjectCodeStructureTests
{
    private static ProjectCodeError ErrorOf(string? text)
    {
        Assert.False(ProjectCode.TryParse(text, out _, out var error));
        return error;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u3000\u00A0")]
    public void Empty_or_blank_input_is_an_empty_code(string? text)
    {
        var error = ErrorOf(text);

        Assert.Equal("code", error.Segment);
        Assert.StartsWith("is empty", error.Message);
    }

    [Fact]
    public void Length_23_names_the_short_segment_and_the_length()
    {
        var error = ErrorOf("2020-451421-88-03-01634");

        Assert.Equal("serial", error.Segment);
        Assert.Contains("has 5 characters, expected 6", error.Message);
        Assert.Contains("the code has 23 characters, expected 24", error.Message);
    }

    [Fact]
    public void Length_25_names_the_long_segment_and_the_length()
    {
        var error = ErrorOf("2509-320193-89-01-5440601");

        Assert.Equal("random", error.Segment);
        Assert.Contains("has 7 characters, expected 6 (5 random characters and 1 check character)", error.Message);
        Assert.Contains("the code has 25 characters, expected 24", error.Message);
    }

    [Fact]
    public void Short_first_segment_is_a_whole_code_error()
    {
        var error = ErrorOf("202-451421-88-03-016343");

        Assert.Equal("code", error.Segment);
        Assert.Contains("first segment", error.Message);
        Assert.Contains("23 characters, expected 24", error.Message);
    }

    [Fact]
    public void Missing_hyphen_names_its_position()
    {
        var error = ErrorOf("2020-451421-8803-016343");

        Assert.Equal("code", error.Segment);
        Assert.Equal("missing hyphen at position 15 (between segments 'industry' and 'projectType')", error.Message);
    }

    [Fact]
    public void Misplaced_hyphen_says_where_it_should_be()
    {
        var error = ErrorOf("2509-32019-389-01-544060");

        Assert.Equal("code", error.Segment);
        Assert.Equal("the hyphen at position 11 should be at position 12 (between segments 'division' and 'guidingDepartment')", error.Message);
    }

    [Fact]
    public void Code_without_hyphens_says_where_they_go()
    {
        var error = ErrorOf("25093201938901544060");

        Assert.Equal("code", error.Segment);
        Assert.Equal("no hyphens: expected '-' at positions 5, 12, 15 and 18", error.Message);
    }

    [Fact]
    public void Extra_hyphen_names_its_position()
    {
        var error = ErrorOf("2020-451421-88-03-016-343");

        Assert.Equal("code", error.Segment);
        Assert.Equal("unexpected hyphen at position 22", error.Message);
    }

    [Fact]
    public void Wrong_number_of_segments_is_counted()
    {
        var error = ErrorOf("2020-451421-88-03");

        Assert.Equal("code", error.Segment);
        Assert.Contains("expected 24 characters, given 17", error.Message);
        Assert.Contains("found 4 segments", error.Message);
    }

    [Fact]
    public void Inner_space_is_rejected_with_its_position()
    {
        var error = ErrorOf("2020-451421 -88-03-016343");

        Assert.Equal("code", error.Segment);
        Assert.Contains("a space at position 12", error.Message);
    }

    [Fact]
    public void Inner_ideographic_space_is_rejected()
    {
        var error = ErrorOf("2020-451421\u300088-03-016343");

        Assert.Equal("code", error.Segment);
        Assert.Contains("U+3000", error.Message);
    }

    [Fact]
    public void Other_punctuation_is_rejected_with_its_position()
    {
        var error = ErrorOf("2020/451421/88/03/016343");

        Assert.Equal("code", error.Segment);
        Assert.Contains("character '/' at position 5 is not allowed", error.Message);
    }

    [Fact]
    public void Katakana_long_vowel_mark_is_not_taken_for_a_hyphen()
    {
        var error = ErrorOf("2020ー451421-88-03-016343");

        Assert.Equal("code", error.Segment);
        Assert.Contains("U+30FC", error.Message);
    }

    [Fact]
    public void Full_width_letter_is_rejected_with_a_hint()
    {
        var error = ErrorOf("2509-320193-89-01-54406Ａ");

        Assert.Equal("code", error.Segment);
        Assert.Contains("a full-width letter; type 'A'", error.Message);
    }
}
