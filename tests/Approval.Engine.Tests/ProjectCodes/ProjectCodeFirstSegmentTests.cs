using Approval.Engine.ProjectCodes;

namespace Approval.Engine.Tests.ProjectCodes;

public class ProjectCodeFirstSegmentTests
{
    private static ProjectCodeError ErrorOf(string text)
    {
        Assert.False(ProjectCode.TryParse(text, out _, out var error));
        return error;
    }

    [Fact]
    public void Month_13_is_an_error_on_yearMonth()
    {
        var error = ErrorOf("2513-320193-89-01-544060");

        Assert.Equal("yearMonth", error.Segment);
        Assert.Contains("month 13 does not exist (expected 01–12)", error.Message);
        Assert.Equal("2513", error.Given);
    }

    [Fact]
    public void Month_00_is_an_error_on_yearMonth()
    {
        var error = ErrorOf("2500-320193-89-01-544060");

        Assert.Equal("yearMonth", error.Segment);
        Assert.Contains("month 00 does not exist", error.Message);
    }

    [Fact]
    public void Year_2014_is_too_early_for_a_legacy_code()
    {
        var error = ErrorOf("2014-451421-88-03-016343");

        Assert.Equal("year", error.Segment);
        Assert.Contains("year 2014 is before the first legacy codes", error.Message);
    }

    [Fact]
    public void Year_2013_is_reported_as_an_early_legacy_year_and_as_month_13()
    {
        var error = ErrorOf("2013-451421-88-03-016343");

        Assert.Equal("year", error.Segment);
        Assert.Contains("month 13 does not exist", error.Message);
    }

    [Fact]
    public void Legacy_looking_2021_is_month_21_on_yearMonth()
    {
        var error = ErrorOf("2021-451421-88-03-016343");

        Assert.Equal("yearMonth", error.Segment);
        Assert.Contains("month 21 does not exist", error.Message);
    }

    [Theory]
    [InlineData("2001")]
    [InlineData("2009")]
    public void Months_before_October_2020_are_before_the_current_format(string first)
    {
        var error = ErrorOf($"{first}-320193-89-01-544060");

        Assert.Equal("yearMonth", error.Segment);
        Assert.Contains("before the current format began", error.Message);
    }

    [Theory]
    [InlineData("2010")]
    [InlineData("2012")]
    public void October_to_December_2020_are_current(string first)
    {
        var code = ProjectCode.Parse($"{first}-320193-89-01-544060");

        Assert.Equal(ProjectCodeFormat.Current, code.Format);
    }

    [Fact]
    public void Legacy_year_2015_is_the_first_accepted()
    {
        var code = ProjectCode.Parse("2015-451421-88-03-016343");

        Assert.Equal(ProjectCodeFormat.Legacy, code.Format);
    }

    [Fact]
    public void Letter_in_first_segment_is_named()
    {
        var error = ErrorOf("2O20-451421-88-03-016343");

        Assert.Equal("yearMonth", error.Segment);
        Assert.Contains("did you mean the digit 0", error.Message);
    }
}
