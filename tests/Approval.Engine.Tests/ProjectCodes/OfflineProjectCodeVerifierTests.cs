using Approval.Engine.ProjectCodes;

namespace Approval.Engine.Tests.ProjectCodes;

public class OfflineProjectCodeVerifierTests
{
    [Theory]
    [InlineData("2020-451421-88-03-016343")]
    [InlineData("2509-320193-89-01-544060")]
    public async Task Offline_verifier_accepts_every_valid_code_and_says_it_did_not_ask_the_platform(string text)
    {
        var verifier = new OfflineProjectCodeVerifier();

        var result = await verifier.VerifyAsync(ProjectCode.Parse(text), TestContext.Current.CancellationToken);

        Assert.True(result.Confirmed);
        Assert.Equal("offline", result.Source);
        Assert.Contains("not verified with the national online platform", result.Reason);
    }

    [Fact]
    public async Task Offline_verifier_does_not_confirm_the_empty_code()
    {
        var verifier = new OfflineProjectCodeVerifier();

        var result = await verifier.VerifyAsync(default, TestContext.Current.CancellationToken);

        Assert.False(result.Confirmed);
    }
}
