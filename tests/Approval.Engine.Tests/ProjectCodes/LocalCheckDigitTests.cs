using Approval.Engine.ProjectCodes;

namespace Approval.Engine.Tests.ProjectCodes;

public class LocalCheckDigitTests
{
    [Fact]
    public void Computes_the_Luhn_digit()
    {
        // 7992739871 is the textbook Luhn example; its check digit is 3.
        Assert.Equal('3', LocalCheckDigit.Compute("7992739871"));
    }

    [Fact]
    public void A_platform_code_is_not_claimed_to_carry_the_local_digit_by_accident_of_format()
    {
        var platform = ProjectCode.Parse("2509-320193-89-01-54406Z");

        Assert.False(LocalCheckDigit.Matches(platform));
    }

    [Fact]
    public void Legacy_codes_never_match()
    {
        Assert.False(LocalCheckDigit.Matches(ProjectCode.Parse("2020-451421-88-03-016343")));
    }
}
