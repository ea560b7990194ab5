using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Approval.Web.Tests.Infrastructure;

namespace Approval.Web.Tests.Security;

/// <summary>Cookie-signed-in changes need the antiforgery token and our own origin; bearer calls need neither.</summary>
public sealed class CrossSiteRequestTests(ApprovalWebFactory factory) : IClassFixture<ApprovalWebFactory>
{
    private const string Foreign = "https://evil.example";

    [Theory]
    [InlineData("admin", "/api/admin/calendar/reload")]
    [InlineData("window", "/api/auth/logout")]
    public async Task A_body_less_post_with_only_the_cookie_is_refused(string userName, string url)
    {
        await factory.SeedAccountsAsync();
        var client = await CookieClients.SignedInAsync(factory, userName);

        var response = await client.SendAsync(CookieClients.Post(url), TestContext.Current.CancellationToken);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("antiforgery", problem.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/me", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task A_cookie_client_with_the_antiforgery_token_changes_things()
    {
        await factory.SeedAccountsAsync();
        var client = await CookieClients.SignedInAsync(factory, "admin");
        var token = await client.AntiforgeryTokenAsync();

        var reload = await client.SendAsync(CookieClients.Post("/api/admin/calendar/reload", token: token, origin: CookieClients.Origin.GetLeftPart(UriPartial.Authority)),
            TestContext.Current.CancellationToken);
        var logout = await client.SendAsync(CookieClients.Post("/api/auth/logout", token: token), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, reload.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task A_token_from_before_signing_in_or_of_another_user_is_refused()
    {
        await factory.SeedAccountsAsync();
        var client = CookieClients.Anonymous(factory);
        var anonymousToken = await client.AntiforgeryTokenAsync();
        await client.PostAsJsonAsync("/api/auth/login?useCookies=true", new { userName = "admin", password = Hosting.DemoData.Password },
            TestContext.Current.CancellationToken);
        var otherToken = await (await CookieClients.SignedInAsync(factory, "window")).AntiforgeryTokenAsync();

        foreach (var token in new[] { anonymousToken, otherToken, "not-a-token" })
        {
            var response = await client.SendAsync(CookieClients.Post("/api/admin/calendar/reload", token: token), TestContext.Current.CancellationToken);
            await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        }
    }

    [Fact]
    public async Task A_cookie_request_from_a_foreign_origin_is_refused_even_with_the_token()
    {
        var id = await TestProjects.FileAsync(factory, "enterprise-establishment");
        var window = await CookieClients.SignedInAsync(factory, "window");
        var token = await window.AntiforgeryTokenAsync();

        var foreign = await window.SendAsync(CookieClients.Post($"/api/intake/{id}/acceptance", new { }, token, Foreign), TestContext.Current.CancellationToken);
        var own = await window.SendAsync(CookieClients.Post($"/api/intake/{id}/acceptance", new { }, token, "https://localhost"), TestContext.Current.CancellationToken);

        var problem = await foreign.ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("crossOrigin", problem.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task A_bearer_client_needs_no_token_and_no_origin_check()
    {
        var admin = await factory.ClientForAsync("admin");

        var response = await admin.SendAsync(CookieClients.Post("/api/admin/calendar/reload", origin: Foreign), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_auth_cookie_is_lax_http_only_and_secure_outside_development()
    {
        await factory.SeedAccountsAsync();
        // Even when the request itself came over plain HTTP (e.g. a proxy not forwarding the scheme).
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost") });

        var login = await client.PostAsJsonAsync("/api/auth/login?useCookies=true", new { userName = "agent", password = Hosting.DemoData.Password },
            TestContext.Current.CancellationToken);

        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("approval.auth=", StringComparison.Ordinal));
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_openapi_document_says_how_a_cookie_client_gets_the_token()
    {
        var json = await factory.CreateClient().GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);

        Assert.Contains("/api/auth/antiforgery", json);
        Assert.Contains("X-CSRF-TOKEN", json);
    }
}
