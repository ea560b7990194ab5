using Approval.Engine.ProjectCodes;

namespace Approval.Engine.Tests.ProjectCodes;

public class ProjectCodeNormalisationTests
{
    private static readonly ProjectCode Expected = ProjectCode.Parse("2509-320193-89-01-544060");

    [Fact]
    public void Full_width_digits_and_hyphens_give_the_same_code()
    {
        var code = ProjectCode.Parse("２５０９－３２０１９３－８９－０１－５４４０６０");

        Assert.Equal(Expected, code);
        Assert.Equal("2509-320193-89-01-544060", code.Value);
    }

    [Theory]
    [InlineData('\u2010')]
    [InlineData('\u2011')]
    [InlineData('\u2012')]
    [InlineData('\u2013')]
    [InlineData('\u2014')]
    [InlineData('\u2212')]
    [InlineData('\uFF0D')]
    public void Typographic_hyphens_become_hyphen_minus(char dash)
    {
        var code = ProjectCode.Parse($"2509{dash}320193{dash}89{dash}01{dash}544060");

        Assert.Equal(Expected, code);
    }

    [Theory]
    [InlineData("  2509-320193-89-01-544060  ")]
    [InlineData("\u30002509-320193-89-01-544060\u3000")]
    [InlineData("\u00A02509-320193-89-01-544060\t\r\n")]
    [InlineData("\uFEFF2509-320193-89-01-544060\u200B")]
    public void Surrounding_white_space_is_trimmed(string text)
    {
        var code = ProjectCode.Parse(text);

        Assert.Equal(Expected, code);
    }

    [Fact]
    public void Lower_case_is_not_folded()
    {
        var parsed = ProjectCode.TryParse("2509-320193-89-01-5440a0", out _, out var error);

        Assert.False(parsed);
        Assert.Equal("random", error!.Segment);
    }
}
