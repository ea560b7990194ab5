using Approval.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Approval.Browser.Tests.Public;

/// <summary>Signing in on /account/login with the Identity cookie and signing out with a form post.</summary>
public sealed class SignInTests(ProductServer product) : BrowserTest(product)
{
    [Fact]
    public async Task Sign_in_returns_to_the_page_asked_for_and_the_header_shows_name_and_role()
    {
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "agent", returnUrl: "/calendar?month=2024-10");

        Assert.EndsWith("/calendar?month=2024-10", page.Url);
        var header = await page.Locator(".user-box").InnerTextAsync();
        Assert.Contains("代办员 李明", header);
        Assert.Contains("（代办员）", header);
        Assert.Equal("/my/projects", await page.GetByRole(AriaRole.Link, new() { Name = "我的首页" }).GetAttributeAsync("href"));
        await Screenshots.SaveAsync(page, "signed-in-header");

        await page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
        Assert.Equal(1, await page.GetByRole(AriaRole.Link, new() { Name = "登录", Exact = true }).CountAsync());
    }

    [Fact]
    public async Task Wrong_password_shows_the_message_and_does_not_sign_in_or_echo_the_password()
    {
        var page = await OpenAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync("agent");
        await page.GetByLabel("密码").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();

        Assert.Contains("用户名或密码不正确。", await page.Locator(".error-summary").InnerTextAsync());
        Assert.Equal("", await page.GetByLabel("密码").InputValueAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).CountAsync());
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Return_address_on_another_origin_is_ignored()
    {
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "investor", returnUrl: "//evil.example/steal");
        Assert.Equal(Product.BaseUrl + "/my/projects", page.Url);
    }

    [Theory]
    [InlineData("agent", "/my/projects")]
    [InlineData("window", "/window")]
    [InlineData("supervisor", "/supervision")]
    public async Task Without_a_page_asked_for_sign_in_goes_to_the_home_of_the_role(string user, string home)
    {
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, user);
        Assert.Equal(Product.BaseUrl + home, page.Url.Split('?')[0]);
    }

    [Fact]
    public async Task The_form_shares_the_apis_throttle_and_says_when_to_try_again()
    {
        // An account name nobody has: the answer is the same as for a wrong password until the budget is spent.
        var name = "nobody-" + Guid.NewGuid().ToString("N")[..8];
        var page = await OpenAsync("/account/login");
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            await page.GetByLabel("用户名").FillAsync(name);
            await page.GetByLabel("密码").FillAsync("guess-" + attempt);
            await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
            var summary = await page.Locator(".error-summary").InnerTextAsync();
            if (attempt <= 5) Assert.Contains("用户名或密码不正确。", summary);
            else Assert.Matches(@"登录尝试过于频繁，请在约 \d+ 分钟后再试。", summary);
        }
    }
}
