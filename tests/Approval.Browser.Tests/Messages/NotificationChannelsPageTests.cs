using Approval.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Approval.Browser.Tests.Messages;

/// <summary>个人设置·通知: a user chooses SMS with a mobile number; a bad number and address are refused next to the fields.</summary>
public sealed class NotificationChannelsPageTests(ProductServer product) : BrowserTest(product)
{
    [Fact]
    public async Task The_supervisor_chooses_sms_and_email_and_finds_them_kept()
    {
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "supervisor");
        await page.Locator(".messages-link").GetByRole(AriaRole.Link, new() { Name = "通知设置" }).ClickAsync();
        Assert.Equal("个人设置·通知", await HeadingAsync(page));
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("短信通知").CheckAsync();
        await page.GetByLabel("电子邮件通知").CheckAsync();
        await page.GetByLabel("手机号码").FillAsync("139 0000 1111");
        await page.GetByLabel("电子邮箱").FillAsync("zhao.qiang@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("通知设置已保存");
        await GotoAsync(page, "/profile/notifications");
        await Assertions.Expect(page.GetByLabel("短信通知")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("手机号码")).ToHaveValueAsync("13900001111");
        await Assertions.Expect(page.GetByLabel("电子邮箱")).ToHaveValueAsync("zhao.qiang@example.com");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "profile-notifications");
    }

    [Fact]
    public async Task A_bad_number_and_address_are_named_next_to_their_fields_and_nothing_is_kept()
    {
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "window");
        await GotoAsync(page, "/profile/notifications");

        await page.GetByLabel("短信通知").CheckAsync();
        await page.GetByLabel("手机号码").FillAsync("12345");
        await page.GetByLabel("电子邮箱").FillAsync("wang@");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("手机号码格式不正确");
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("电子邮箱格式不正确");
        await Assertions.Expect(page.GetByLabel("手机号码")).ToHaveAttributeAsync("aria-invalid", "true");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "profile-notifications-errors");
        await GotoAsync(page, "/profile/notifications");
        await Assertions.Expect(page.GetByLabel("短信通知")).Not.ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("手机号码")).ToHaveValueAsync("");
    }
}
