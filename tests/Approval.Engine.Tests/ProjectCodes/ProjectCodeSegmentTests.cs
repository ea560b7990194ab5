using Approval.Engine.ProjectCodes;

namespace Approval.Engine.Tests.ProjectCodes;

public class ProjectCodeSegmentTests
{
    private static ProjectCodeError ErrorOf(string text)
    {
        Assert.False(ProjectCode.TryParse(text, out _, out var error));
        return error;
    }

    [Fact]
    public void Unknown_province_is_named()
    {
        var error = ErrorOf("2509-990000-89-01-544060");

        Assert.Equal("division", error.Segment);
        Assert.StartsWith("division '990000': no province-level division 99", error.Message);
    }

    [Fact]
    public void Central_department_division_is_accepted_in_legacy_codes()
    {
        var code = ProjectCode.Parse("2018-000052-44-02-000123");

        Assert.Contains("central", code.Segment("division")!.Meaning);
    }

    [Fact]
    public void Central_department_division_is_refused_in_current_codes()
    {
        var error = ErrorOf("2509-000000-89-01-544060");

        Assert.Equal("division", error.Segment);
        Assert.Contains("only in legacy codes", error.Message);
    }

    [Fact]
    public void Letter_O_in_division_is_not_taken_for_zero()
    {
        var error = ErrorOf("2509-32O193-89-01-544060");

        Assert.Equal("division", error.Segment);
        Assert.Contains("'O' at position 3 of the segment is not a digit (the letter O; did you mean the digit 0?)", error.Message);
    }

    [Fact]
    public void Legacy_project_type_04_is_rejected()
    {
        var error = ErrorOf("2020-451421-88-04-016343");

        Assert.Equal("projectType", error.Segment);
        Assert.Contains("expected 01 审批, 02 核准 or 03 备案", error.Message);
        Assert.Equal("04", error.Given);
    }

    [Fact]
    public void Legacy_project_type_02_is_核准()
    {
        var code = ProjectCode.Parse("2019-110105-70-02-000001");

        Assert.StartsWith("核准", code.Segment("projectType")!.Meaning);
    }

    [Fact]
    public void Current_project_type_is_not_limited_to_the_legacy_three()
    {
        var code = ProjectCode.Parse("2603-141124-89-05-346948");

        Assert.Equal("05", code.Segment("projectType")!.Value);
    }

    [Fact]
    public void Letter_in_legacy_serial_is_rejected()
    {
        var error = ErrorOf("2020-451421-88-03-01634A");

        Assert.Equal("serial", error.Segment);
    }

    [Fact]
    public void Non_digit_industry_is_named()
    {
        var error = ErrorOf("2020-451421-8X-03-016343");

        Assert.Equal("industry", error.Segment);
    }

    [Fact]
    public void Non_digit_guiding_department_is_named()
    {
        var error = ErrorOf("2509-320193-8X-01-544060");

        Assert.Equal("guidingDepartment", error.Segment);
    }

    [Fact]
    public void Upper_case_letters_are_allowed_in_random_and_check()
    {
        var code = ProjectCode.Parse("2509-320193-89-01-A4B06Z");

        Assert.Equal("A4B06", code.Segment("random")!.Value);
        Assert.Equal("Z", code.Segment("check")!.Value);
    }

    [Fact]
    public void Lower_case_in_random_says_the_platform_issues_upper_case()
    {
        var error = ErrorOf("2509-320193-89-01-5a4060");

        Assert.Equal("random", error.Segment);
        Assert.Equal("lower-case 'a' in segment 'random'; the platform issues upper case", error.Message);
    }

    [Fact]
    public void Lower_case_check_character_is_named()
    {
        var error = ErrorOf("2509-320193-89-01-54406z");

        Assert.Equal("check", error.Segment);
        Assert.Contains("lower-case 'z'", error.Message);
    }
}
