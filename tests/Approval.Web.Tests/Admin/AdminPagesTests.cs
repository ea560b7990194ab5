using System.Net;
using Approval.Web.Tests.Infrastructure;

namespace Approval.Web.Tests.Admin;

/// <summary>The administrator's account page answers an unknown or malformed account with 404, never a server error.</summary>
public sealed class AdminPagesTests(ApprovalWebFactory factory) : IClassFixture<ApprovalWebFactory>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_unknown_account_is_not_found_for_browsers_and_tools(bool browser)
    {
        await factory.SeedAccountsAsync();
        var admin = await CookieClients.SignedInAsync(factory, "admin");

        foreach (var path in new[] { $"/admin/users/{Guid.NewGuid()}", "/admin/users/-1" })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (browser) request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
            var response = await admin.SendAsync(request, TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }
}
