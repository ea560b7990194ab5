using Approval.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Approval.Browser.Tests.Public;

/// <summary>办件进度查询 as an investor uses it: the code and query key from the receipt.</summary>
public sealed class TrackingPageTests(ProductServer product) : BrowserTest(product)
{
    [Fact]
    public async Task Receipt_code_and_key_show_the_stage_strip_and_working_days_left()
    {
        var (code, key) = await Product.DemoTrackingAsync();
        var page = await OpenAsync("/track");
        await page.GetByLabel("项目代码").FillAsync(code);
        await page.GetByLabel("查询码").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();

        var result = page.Locator(".track-result");
        Assert.Equal(ProductServer.DemoProjectName, (await result.Locator("h2").First.InnerTextAsync()).Trim());
        var current = page.Locator(".stages [aria-current=step]");
        Assert.Equal(1, await current.CountAsync());
        Assert.Contains("当前环节", await current.InnerTextAsync());
        var text = await result.InnerTextAsync();
        Assert.Matches(@"剩余 \d+ 个工作日", text);
        Assert.Matches(@"已用 \d+ 个工作日", text);
        Assert.Matches("(绿灯·正常|黄灯·剩余|红灯·已超期)", text);
        Assert.Contains("受理", text);
        Assert.DoesNotContain(key, await page.ContentAsync()); // the key is not echoed into the page
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "track-result");
        await page.SetViewportSizeAsync(Phone.Width, Phone.Height);
        await Screenshots.SaveAsync(page, "track-result");
    }

    [Theory]
    [InlineData(null, "WRONGKEY")]
    [InlineData("2509-320193-89-01-000000", null)]
    [InlineData("not-a-code", null)]
    public async Task Wrong_key_unknown_code_and_malformed_code_all_show_the_one_not_found(string? code, string? key)
    {
        var demo = await Product.DemoTrackingAsync();
        var page = await OpenAsync("/track");
        await page.GetByLabel("项目代码").FillAsync(code ?? demo.Code);
        await page.GetByLabel("查询码").FillAsync(key ?? demo.Key);
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();

        var alert = page.GetByRole(AriaRole.Alert);
        Assert.Equal("查无此件", (await alert.Locator("h2").InnerTextAsync()).Trim());
        Assert.Equal(0, await page.Locator(".track-result").CountAsync());
    }

    [Fact]
    public async Task Empty_fields_show_the_error_summary_linked_to_each_field()
    {
        var page = await OpenAsync("/track");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();

        var summary = page.Locator(".error-summary");
        Assert.Equal(["请输入项目代码。", "请输入查询码。"], (await summary.Locator("a").AllInnerTextsAsync()).Select(t => t.Trim()));
        Assert.Equal("#code", await summary.Locator("a").First.GetAttributeAsync("href"));
        Assert.Equal("true", await page.Locator("#code").GetAttributeAsync("aria-invalid"));
        Assert.Contains("code-error", await page.Locator("#code").GetAttributeAsync("aria-describedby"));
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "track-errors");
    }

    [Fact]
    public async Task Tracking_form_can_be_filled_and_sent_with_the_keyboard_alone()
    {
        var (code, key) = await Product.DemoTrackingAsync();
        var page = await OpenAsync("/track");

        // From the top of the page, Tab reaches the code field through the header in order (skip link first).
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("跳到主要内容", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        for (var i = 0; i < 20 && await page.EvaluateAsync<string>("() => document.activeElement.id") != "code"; i++)
            await page.Keyboard.PressAsync("Tab");
        Assert.Equal("code", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Keyboard.TypeAsync(code);
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("key", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Keyboard.TypeAsync(key);
        await page.Keyboard.PressAsync("Enter");

        await page.Locator(".track-result").WaitForAsync();
    }
}
