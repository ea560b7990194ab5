using Approval.Engine.ProjectCodes;
using NodaTime;

namespace Approval.Engine.Tests.ProjectCodes;

public partial class LocalProjectCodeIssuerTests
{
    [Fact]
    public void Default_options_are_valid()
    {
        var issuer = new LocalProjectCodeIssuer(new InMemoryIssuedProjectCodeStore(), new LocalProjectCodeOptions(), Clock);

        Assert.NotNull(issuer);
    }

    [Theory]
    [InlineData("990000", "DivisionCode", "no province-level division 99")]
    [InlineData("000000", "DivisionCode", "no province-level division 00")]
    [InlineData("3201", "DivisionCode", "expected 6 digits")]
    [InlineData("32O100", "DivisionCode", "not a digit")]
    public void Bad_division_option_is_refused(string division, string field, string reason)
    {
        var options = new LocalProjectCodeOptions { DivisionCode = division };

        var ex = Assert.Throws<InvalidInputException>(() => Issuer(new InMemoryIssuedProjectCodeStore(), options));

        Assert.Equal(field, ex.Field);
        Assert.Contains(reason, ex.Message);
    }

    [Theory]
    [InlineData("9", "01", "GuidingDepartment")]
    [InlineData("99", "A1", "ProjectType")]
    [InlineData("99", "", "ProjectType")]
    public void Bad_two_digit_option_is_refused(string department, string type, string field)
    {
        var options = new LocalProjectCodeOptions { GuidingDepartment = department, ProjectType = type };

        var ex = Assert.Throws<InvalidInputException>(() => Issuer(new InMemoryIssuedProjectCodeStore(), options));

        Assert.Equal(field, ex.Field);
    }

    [Fact]
    public void Zero_attempts_is_refused()
    {
        var options = new LocalProjectCodeOptions { MaxAttempts = 0 };

        var ex = Assert.Throws<InvalidInputException>(() => Issuer(new InMemoryIssuedProjectCodeStore(), options));

        Assert.Equal("MaxAttempts", ex.Field);
    }

    [Fact]
    public async Task Options_changed_after_construction_do_not_affect_the_issuer()
    {
        var options = new LocalProjectCodeOptions { DivisionCode = "320193" };
        var issuer = Issuer(new InMemoryIssuedProjectCodeStore(), options);
        options.DivisionCode = "990000";

        var code = await issuer.IssueAsync(new LocalDate(2025, 9, 1), Ct);

        Assert.Equal("320193", code.Segment("division")!.Value);
    }
}
