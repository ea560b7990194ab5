using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approval.Testing.Identity;
using Approval.Web.Hosting;
using Approval.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace Approval.Web.Tests.Identity;

/// <summary>
/// Staff sign-in on the pages through the external provider (Microsoft.Identity.Web's web app: authorization code +
/// PKCE), followed redirect by redirect between the web host and the in-process provider.
/// </summary>
public sealed class ExternalPageSignInTests(ExternalProvider external) : IClassFixture<ExternalProvider>
{
    private static TestIdentityUser User(string sub, string? role, string? dept = null, string name = "统一身份 李四")
    {
        var claims = new Dictionary<string, string> { ["name"] = name };
        if (role is not null) claims["role"] = role;
        if (dept is not null) claims["dept"] = dept;
        return new TestIdentityUser(sub, claims);
    }

    private static async Task<JsonElement?> MeAsync(Browser browser)
    {
        var me = await browser.App.GetAsync("/api/auth/me");
        return me.StatusCode == HttpStatusCode.OK ? await me.Content.ReadFromJsonAsync<JsonElement>() : null;
    }

    private static bool HasAuthCookie(Browser browser) =>
        browser.Cookies.GetCookies(CookieClients.Origin).Any(c => c.Name.StartsWith("approval.auth", StringComparison.Ordinal));

    [Fact]
    public async Task The_sign_in_page_offers_the_provider_beside_the_local_form()
    {
        var page = await (await external.NewBrowser().GetAsync("/account/login?returnUrl=%2Fwindow")).Content.ReadAsStringAsync();

        Assert.Contains("通过统一身份认证登录", page);
        Assert.Contains("href=\"/account/external/login?returnUrl=%2Fwindow\"", page);
        Assert.Contains("name=\"Input.Password\"", page);   // local accounts stay
    }

    [Fact]
    public async Task A_window_clerk_signs_in_through_the_provider_with_code_and_pkce_and_lands_on_the_page_asked_for()
    {
        external.Provider.User = User("ext-window-1", "window");
        var browser = external.NewBrowser();
        var redeemed = external.Provider.CodesRedeemed;

        var response = await browser.GetAsync("/account/external/login?returnUrl=%2Fwindow");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/window", browser.Visited[^1].AbsolutePath);
        var authorize = browser.Visited.Single(u => u.AbsolutePath.EndsWith("/authorize", StringComparison.Ordinal));
        var query = QueryHelpers.ParseQuery(authorize.Query);
        Assert.Equal("S256", query["code_challenge_method"].ToString());
        Assert.False(string.IsNullOrEmpty(query["state"]));
        Assert.False(string.IsNullOrEmpty(query["nonce"]));
        Assert.Equal("code", query["response_type"].ToString());
        Assert.Equal(redeemed + 1, external.Provider.CodesRedeemed);
        var me = await MeAsync(browser);
        Assert.NotNull(me);
        Assert.Equal("ext-window-1", me.Value.GetProperty("userId").GetString());
        Assert.Equal("window", me.Value.GetProperty("role").GetString());
        Assert.Equal("统一身份 李四", me.Value.GetProperty("displayName").GetString());
        Assert.Contains("统一身份 李四", await response.Content.ReadAsStringAsync());   // the header names the user
    }

    [Fact]
    public async Task An_approver_from_the_provider_acts_for_the_department_in_its_claim()
    {
        external.Provider.User = User("ext-approver-1", "approver", dept: "taxation", name: "税务局 王五");
        var browser = external.NewBrowser();

        await browser.GetAsync("/account/external/login");

        Assert.Equal("/tasks", browser.Visited[^1].AbsolutePath);   // the approver's home
        var me = await MeAsync(browser);
        Assert.Equal("approver", me!.Value.GetProperty("role").GetString());
        Assert.Equal("taxation", me.Value.GetProperty("departmentId").GetString());
    }

    [Theory]
    [InlineData("gardener", null)]
    [InlineData(null, null)]
    [InlineData("approver", null)]   // an approver without a department
    public async Task A_provider_account_without_a_usable_role_gets_the_403_page_and_nobody_stays_signed_in(string? role, string? dept)
    {
        await external.Factory.SeedAccountsAsync();
        var browser = external.NewBrowser();
        // Someone was signed in on this browser with a local account before.
        var local = await browser.App.PostAsJsonAsync("/api/auth/login?useCookies=true", new { userName = "window", password = DemoData.Password });
        Assert.True(local.IsSuccessStatusCode);
        Assert.NotNull(await MeAsync(browser));
        external.Provider.User = User("ext-nobody", role, dept);

        var response = await browser.GetAsync("/account/external/login?returnUrl=%2Fwindow");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("/account/external/denied", browser.Visited[^1].AbsolutePath);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>无法通过统一身份认证登录</h1>", page);
        Assert.Contains("没有可用的角色", page);
        Assert.Null(await MeAsync(browser));
        Assert.False(HasAuthCookie(browser));
        Assert.DoesNotContain(browser.Cookies.GetCookies(CookieClients.Origin), c => c.Name.StartsWith("Identity.External", StringComparison.Ordinal));
        var window = await browser.GetAsync("/window");
        Assert.Equal("/account/login", browser.Visited[^1].AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, window.StatusCode);
    }

    [Fact]
    public async Task A_sign_in_the_provider_refuses_returns_to_the_sign_in_page_with_a_message()
    {
        external.Provider.User = null;   // the provider answers login_required
        var browser = external.NewBrowser();

        var response = await browser.GetAsync("/account/external/login");

        Assert.Equal("/account/login", browser.Visited[^1].AbsolutePath);
        Assert.Equal("?external=failed", browser.Visited[^1].Query);
        Assert.Contains("统一身份认证登录没有完成", await response.Content.ReadAsStringAsync());
        Assert.Null(await MeAsync(browser));
    }

    [Fact]
    public async Task Signing_out_ends_the_local_session_and_the_providers()
    {
        external.Provider.User = User("ext-supervisor-1", "supervisor", name: "监察室 赵六");
        var browser = external.NewBrowser();
        var home = await browser.GetAsync("/account/external/login");
        Assert.Equal("/supervision", browser.Visited[^1].AbsolutePath);
        var token = Browser.AntiforgeryToken(await home.Content.ReadAsStringAsync());

        var signedOut = await browser.PostFormAsync("/account/logout", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["returnUrl"] = "/guide",
        });
        // The form's redirects stay with us (form-action 'self'); the page then goes on to the provider by itself.
        Assert.All(browser.Visited, u => Assert.Equal(CookieClients.Origin.Host, u.Host));
        Assert.Equal("/account/external/signed-out", browser.Visited[^1].AbsolutePath);
        Assert.Null(await MeAsync(browser));
        var refresh = signedOut.Headers.GetValues("Refresh").Single();
        Assert.StartsWith("0;url=/account/external/logout?state=", refresh);
        Assert.Contains("您已退出本系统", await signedOut.Content.ReadAsStringAsync());

        var response = await browser.GetAsync(refresh["0;url=".Length..]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(browser.Visited, u => u.AbsolutePath == TestIdentityProvider.RealmPath + "/logout");
        Assert.Equal("/guide", browser.Visited[^1].AbsolutePath);
        Assert.Contains("ext-supervisor-1", external.Provider.EndedSessions);
        Assert.Null(await MeAsync(browser));
        Assert.False(HasAuthCookie(browser));
    }

    [Fact]
    public async Task A_local_account_signs_out_locally_without_visiting_the_provider()
    {
        await external.Factory.SeedAccountsAsync();
        var browser = external.NewBrowser();
        Assert.True((await browser.App.PostAsJsonAsync("/api/auth/login?useCookies=true", new { userName = "supervisor", password = DemoData.Password })).IsSuccessStatusCode);
        var token = Browser.AntiforgeryToken(await (await browser.GetAsync("/supervision")).Content.ReadAsStringAsync());

        await browser.PostFormAsync("/account/logout", new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["returnUrl"] = "/" });

        Assert.All(browser.Visited, u => Assert.Equal(CookieClients.Origin.Host, u.Host));
        Assert.Null(await MeAsync(browser));
    }
}

/// <summary>Without a provider configured (Development, a centre without one) only local accounts sign in.</summary>
public sealed class LocalOnlySignInTests(ApprovalWebFactory factory) : IClassFixture<ApprovalWebFactory>
{
    [Fact]
    public async Task Without_a_provider_the_sign_in_page_has_no_external_button_and_its_endpoint_does_not_exist()
    {
        var client = CookieClients.Anonymous(factory);
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        var page = await (await client.GetAsync("/account/login")).Content.ReadAsStringAsync();
        var challenge = await client.GetAsync("/account/external/login");

        Assert.Contains("name=\"Input.Password\"", page);
        Assert.DoesNotContain("统一身份认证登录", page);
        Assert.Equal(HttpStatusCode.NotFound, challenge.StatusCode);
    }
}
