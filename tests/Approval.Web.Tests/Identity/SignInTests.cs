using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approval.Web.Hosting;
using Approval.Web.Tests.Infrastructure;

namespace Approval.Web.Tests.Identity;

public sealed class SignInTests(ApprovalWebFactory factory) : IClassFixture<ApprovalWebFactory>
{
    [Theory]
    [InlineData("agent", "agent", null)]
    [InlineData("window", "window", null)]
    [InlineData("supervisor", "supervisor", null)]
    [InlineData("admin", "admin", null)]
    [InlineData("investor", "investor", null)]
    [InlineData("approver-natural-resources", "approver", "natural-resources")]
    public async Task Each_demo_account_signs_in_with_its_role(string userName, string role, string? department)
    {
        var client = await factory.ClientForAsync(userName);

        var me = await client.GetFromJsonAsync<JsonElement>("/api/auth/me");

        Assert.Equal(role, me.GetProperty("role").GetString());
        if (department is not null) Assert.Equal(department, me.GetProperty("departmentId").GetString());
    }

    [Fact]
    public async Task A_wrong_password_is_a_401_problem_and_anonymous_callers_get_401()
    {
        await factory.SeedAccountsAsync();
        var client = factory.CreateClient();

        var login = await client.PostAsJsonAsync("/api/auth/login", new { userName = "window", password = "wrong-" + DemoData.Password });
        var me = await client.GetAsync("/api/auth/me");

        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Equal("application/problem+json", login.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task A_cookie_sign_in_works_for_pages()
    {
        await factory.SeedAccountsAsync();
        var client = CookieClients.Anonymous(factory);

        var login = await client.PostAsJsonAsync("/api/auth/login?useCookies=true", new { userName = "supervisor", password = DemoData.Password });
        var me = await client.GetFromJsonAsync<JsonElement>("/api/auth/me");

        Assert.True(login.IsSuccessStatusCode);
        Assert.Equal("supervisor", me.GetProperty("role").GetString());
    }

    [Fact]
    public async Task Outside_development_no_demo_account_exists()
    {
        await using var fresh = new ApprovalWebFactory();   // environment "Testing": nothing is seeded at start
        var client = fresh.CreateClient();

        var login = await client.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = DemoData.Password });

        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }
}
