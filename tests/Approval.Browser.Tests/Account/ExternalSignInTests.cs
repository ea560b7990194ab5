using System.Net;
using Approval.Browser.Tests.Infrastructure;
using Approval.Testing.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Approval.Browser.Tests.Account;

/// <summary>
/// A product of its own that trusts the in-process OpenID Connect provider (the shared product has none), on Kestrel
/// at http://localhost:port so that the browser keeps the correlation cookies of the code flow.
/// </summary>
public sealed class ExternalSignInServer : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "approval-browser-oidc-" + Guid.NewGuid().ToString("N"));
    private Factory? _factory;

    public TestIdentityProvider Provider { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        Provider = await TestIdentityProvider.StartAsync();
        _factory = new Factory(Path.Combine(_directory, "approval.db"), Provider);
        _factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        var address = new Uri(_factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        BaseUrl = $"http://localhost:{address.Port}";
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        await Provider.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }

    private sealed class Factory(string databaseFile, TestIdentityProvider provider) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Approval:Database:Provider", "Sqlite");
            builder.UseSetting("Approval:Database:ConnectionString", $"Data Source={databaseFile}");
            builder.UseSetting("Approval:Materials:Directory", Path.Combine(Path.GetDirectoryName(databaseFile)!, "materials"));
            builder.UseSetting("Approval:Scheduler:Enabled", "false");
            builder.UseSetting("Approval:Telemetry:Exporter", "None");
            builder.UseSetting("Approval:ExternalAuth:Authority", provider.Issuer);
            builder.UseSetting("Approval:ExternalAuth:ClientId", provider.ClientId);
            builder.UseSetting("Approval:ExternalAuth:ClientSecret", provider.ClientSecret);
            builder.UseSetting("Approval:ExternalAuth:RoleClaim", "role");
            builder.UseSetting("Approval:ExternalAuth:DepartmentClaim", "dept");
            builder.UseSetting("Approval:ExternalAuth:RequireHttpsMetadata", "false");
            builder.UseSetting("Approval:ExternalAuth:PageSignIn", "true");
        }
    }
}

/// <summary>登录 through 统一身份认证 in the browser: the button, the code flow, the 403 page for an account without a role, sign-out at both ends.</summary>
public sealed class ExternalSignInTests(ProductServer product, ExternalSignInServer server) : BrowserTest(product), IClassFixture<ExternalSignInServer>
{
    private async Task<IPage> OpenAsync(string path)
    {
        if (Product.Browser is not { } browser)
        {
            if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail(Product.Unavailable);
            Assert.Skip(Product.Unavailable!);
            return null!;
        }
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseUrl, Locale = "zh-CN", TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = Desktop.Width, Height = Desktop.Height },
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await GotoAsync(page, path);
        return page;
    }

    private static TestIdentityUser User(string sub, string role, string name) =>
        new(sub, new Dictionary<string, string> { ["role"] = role, ["name"] = name });

    [Fact]
    public async Task A_window_clerk_signs_in_through_the_provider_and_signing_out_ends_both_sessions()
    {
        server.Provider.User = User("ext-browser-window", "window", "统一身份 孙七");
        var page = await OpenAsync("/account/login?returnUrl=%2Fwindow");
        Assert.Equal("登录", await HeadingAsync(page));
        var button = page.GetByRole(AriaRole.Link, new() { Name = "通过统一身份认证登录" });
        Assert.True(await button.IsVisibleAsync());
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "account-login-external");

        await button.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/window");

        Assert.Contains("统一身份 孙七", await page.Locator(".user-box").InnerTextAsync());
        Assert.Contains("综合窗口", await page.Locator(".user-box").InnerTextAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");

        Assert.Contains("ext-browser-window", server.Provider.EndedSessions);
        Assert.True(await page.Locator(".user-box").GetByRole(AriaRole.Link, new() { Name = "登录" }).IsVisibleAsync());
        await GotoAsync(page, "/window");
        Assert.Equal("/account/login", new Uri(page.Url).AbsolutePath);
    }

    [Fact]
    public async Task An_account_without_an_Approval_role_sees_the_403_page_and_is_not_signed_in()
    {
        server.Provider.User = User("ext-browser-nobody", "gardener", "统一身份 周八");
        var page = await OpenAsync("/account/login");

        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Link, new() { Name = "通过统一身份认证登录" }).ClickAsync(),
            r => new Uri(r.Url).AbsolutePath == "/account/external/denied");

        Assert.Equal(403, response.Status);
        Assert.Equal("无法通过统一身份认证登录", await HeadingAsync(page));
        Assert.Contains("没有可用的角色", await page.Locator("main").InnerTextAsync());
        Assert.True(await page.Locator(".user-box").GetByRole(AriaRole.Link, new() { Name = "登录" }).IsVisibleAsync());
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "account-external-denied");
        await GotoAsync(page, "/window");
        Assert.Equal("/account/login", new Uri(page.Url).AbsolutePath);
    }
}
