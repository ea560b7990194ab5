using Microsoft.Playwright;

namespace Approval.Browser.Tests.Infrastructure;

/// <summary>
/// A test that walks pages as a person would: its own browser contexts (zh-CN, Asia/Shanghai, 1366×768 unless told),
/// closed at the end. Without Chromium the test reports itself skipped; under <c>CI=true</c> it fails instead.
/// </summary>
public abstract class BrowserTest(ProductServer product) : IAsyncLifetime
{
    public static readonly (int Width, int Height) Desktop = (1366, 768);
    public static readonly (int Width, int Height) Phone = (390, 844);

    private readonly List<IBrowserContext> _contexts = [];

    protected ProductServer Product => product;

    /// <summary>A fresh browser context (its own cookies), as a person opening the browser.</summary>
    protected async Task<IBrowserContext> NewContextAsync((int Width, int Height)? viewport = null, bool javaScript = true)
    {
        var browser = RequireBrowser();
        var (width, height) = viewport ?? Desktop;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = product.BaseUrl,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = javaScript,
        });
        // 30 s: when every collection starts at once on a 2-core CI machine, a page's first form post has taken
        // longer than 15 s (three timeouts in three full runs, each in the first 30 s, each passing alone).
        context.SetDefaultTimeout(30_000);
        _contexts.Add(context);
        return context;
    }

    /// <summary>A new page in a new context, opened at <paramref name="path"/>; fails on an HTTP error status.</summary>
    protected async Task<IPage> OpenAsync(string path, (int Width, int Height)? viewport = null, bool javaScript = true)
    {
        var page = await (await NewContextAsync(viewport, javaScript)).NewPageAsync();
        await GotoAsync(page, path);
        return page;
    }

    /// <summary>Goes to <paramref name="path"/> and asserts the answer is not an error.</summary>
    protected static async Task<IResponse> GotoAsync(IPage page, string path, int expectedStatus = 200)
    {
        var response = await page.GotoAsync(path) ?? throw new InvalidOperationException($"No response for {path}");
        Assert.True(response.Status == expectedStatus, $"{path}: expected {expectedStatus}, got {response.Status}");
        return response;
    }

    /// <summary>Signs in on /account/login as a demo account (password from DemoData), as a person would type it.</summary>
    protected static async Task SignInAsync(IPage page, string userName, string? returnUrl = null)
    {
        await GotoAsync(page, returnUrl is null ? "/account/login" : "/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(Web.Hosting.DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    /// <summary>The text of the page's one &lt;h1&gt; (and asserts there is exactly one).</summary>
    protected static async Task<string> HeadingAsync(IPage page)
    {
        var headings = page.Locator("h1");
        Assert.Equal(1, await headings.CountAsync());
        return (await headings.InnerTextAsync()).Trim();
    }

    private IBrowser RequireBrowser()
    {
        if (product.Browser is { } browser) return browser;
        if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail(product.Unavailable + " Under CI=true the browser tests must run.");
        Assert.Skip(product.Unavailable!);
        return null!;
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts) await context.CloseAsync();
        GC.SuppressFinalize(this);
    }
}
