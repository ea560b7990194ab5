using Approval.Engine;

namespace Approval.Web.Tests;

public class SmokeTests
{
    [Fact]
    public void Invalid_input_names_its_field() =>
        Assert.Equal("x", new InvalidInputException("x", "bad").Field);
}
