using Approval.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Approval.Browser.Tests.Public;

/// <summary>长辈版: large type and high contrast, switched by a form post and kept in a cookie, with JavaScript off.</summary>
public sealed class ElderModeTests(ProductServer product) : BrowserTest(product)
{
    [Fact]
    public async Task Elder_mode_switches_on_and_off_without_JavaScript_and_stays_across_pages()
    {
        var page = await OpenAsync("/guide", javaScript: false);
        var standardSize = await FontSizeAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "长辈版（大字）" }).ClickAsync();
        Assert.EndsWith("/guide", page.Url); // back where the switch was pressed
        Assert.Equal("elder", await page.Locator("html").GetAttributeAsync("class"));
        Assert.True(await FontSizeAsync(page) > standardSize);
        Assert.Equal("true", await page.GetByRole(AriaRole.Button, new() { Name = "切换为标准版" }).GetAttributeAsync("aria-pressed"));
        await Screenshots.SaveAsync(page, "guide-elder");

        await GotoAsync(page, "/calendar");
        Assert.Equal("elder", await page.Locator("html").GetAttributeAsync("class"));

        await page.GetByRole(AriaRole.Button, new() { Name = "切换为标准版" }).ClickAsync();
        Assert.Null(await page.Locator("html").GetAttributeAsync("class"));
    }

    [Fact]
    public async Task Elder_mode_pages_have_no_axe_violations()
    {
        var page = await OpenAsync("/track");
        await page.GetByRole(AriaRole.Button, new() { Name = "长辈版（大字）" }).ClickAsync();
        Assert.Equal("elder", await page.Locator("html").GetAttributeAsync("class"));
        await Accessibility.AssertNoViolationsAsync(page);
        await page.SetViewportSizeAsync(Phone.Width, Phone.Height);
        await Screenshots.SaveAsync(page, "track-elder");
    }

    /// <summary>The computed font size of the main text in px (read by the test runner; works with page scripts off).</summary>
    private static async Task<double> FontSizeAsync(IPage page)
    {
        var size = await page.Locator("main h1").EvaluateAsync<string>("e => getComputedStyle(e).fontSize");
        return double.Parse(size.Replace("px", ""), System.Globalization.CultureInfo.InvariantCulture);
    }
}
