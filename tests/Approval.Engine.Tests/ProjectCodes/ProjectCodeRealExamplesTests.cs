using Approval.Engine.ProjectCodes;

namespace Approval.Engine.Tests.ProjectCodes;

public class ProjectCodeRealExamplesTests
{
    [Theory]
    [InlineData("2020-451421-88-03-016343")]
    [InlineData("2020-330327-48-01-167360")]
    public void Legacy_examples_parse_as_legacy(string text)
    {
        var code = ProjectCode.Parse(text);

        Assert.Equal(ProjectCodeFormat.Legacy, code.Format);
        Assert.Equal(text, code.Value);
    }

    [Theory]
    [InlineData("2509-320193-89-01-544060")]
    [InlineData("2411-130202-89-01-637015")]
    [InlineData("2603-141124-89-05-346948")]
    public void Current_examples_parse_as_current(string text)
    {
        var code = ProjectCode.Parse(text);

        Assert.Equal(ProjectCodeFormat.Current, code.Format);
        Assert.Equal(text, code.Value);
    }

    [Fact]
    public void Legacy_filing_code_has_five_named_segments()
    {
        var code = ProjectCode.Parse("2020-451421-88-03-016343");

        Assert.Equal(
            [("year", "2020"), ("division", "451421"), ("industry", "88"), ("projectType", "03"), ("serial", "016343")],
            code.Segments.Select(s => (s.Name, s.Value)));
        Assert.Equal("备案 (filing)", code.Segment("projectType")!.Meaning);
        Assert.Contains("广西", code.Segment("division")!.Meaning);
    }

    [Fact]
    public void Legacy_type_01_means_审批()
    {
        var code = ProjectCode.Parse("2020-330327-48-01-167360");

        Assert.StartsWith("审批", code.Segment("projectType")!.Meaning);
    }

    [Fact]
    public void Current_code_has_six_named_segments_with_random_and_check_apart()
    {
        var code = ProjectCode.Parse("2509-320193-89-01-544060");

        Assert.Equal(
            [("yearMonth", "2509"), ("division", "320193"), ("guidingDepartment", "89"), ("projectType", "01"), ("random", "54406"), ("check", "0")],
            code.Segments.Select(s => (s.Name, s.Value)));
        Assert.Contains("2025年9月", code.Segment("yearMonth")!.Meaning);
        Assert.Contains("September 2025", code.Segment("yearMonth")!.Meaning);
        Assert.Contains("江苏", code.Segment("division")!.Meaning);
    }

    [Fact]
    public void Every_segment_has_a_meaning()
    {
        var code = ProjectCode.Parse("2603-141124-89-05-346948");

        Assert.All(code.Segments, s => Assert.False(string.IsNullOrWhiteSpace(s.Meaning)));
    }
}
