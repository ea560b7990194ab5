using Approval.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Approval.Browser.Tests.My.ApplicantPages;

namespace Approval.Browser.Tests.My;

/// <summary>委托代办: an investor authorises an agent for a period and revokes it; other roles get the 403 page.</summary>
public sealed class AuthorisationPageTests(ProductServer product) : BrowserTest(product)
{
    [Fact]
    public async Task An_investor_authorises_an_agent_for_a_period_and_revokes_it()
    {
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "investor");
        await GotoAsync(page, "/my/authorisations");
        var rows = page.Locator("tbody tr");
        var before = await rows.CountAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("代办员用户名").FillAsync("agent");
        await page.GetByLabel("起始日期").FillAsync("2026-01-01");
        await page.GetByLabel("截止日期").FillAsync("2030-12-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "委托", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("委托已生效");
        await Assertions.Expect(rows).ToHaveCountAsync(before + 1);
        var added = rows.Filter(new() { HasText = "2030年12月31日" });
        await Assertions.Expect(added).ToContainTextAsync("有效");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "my-authorisations");

        await added.GetByRole(AriaRole.Button, new() { Name = "撤销委托" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("委托已撤销");
        await Assertions.Expect(rows.Filter(new() { HasText = "2030年12月31日" })).ToContainTextAsync("已撤销");

        var phone = await page.Context.NewPageAsync();
        await phone.SetViewportSizeAsync(Phone.Width, Phone.Height);
        await GotoAsync(phone, "/my/authorisations");
        await Screenshots.SaveAsync(phone, "my-authorisations");
    }

    [Fact]
    public async Task A_wrong_agent_name_and_reversed_dates_are_listed_in_the_summary_and_nothing_is_granted()
    {
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "investor");
        await GotoAsync(page, "/my/authorisations");
        var before = await page.Locator("tbody tr").CountAsync();
        await page.GetByLabel("代办员用户名").FillAsync("window");
        await page.GetByLabel("起始日期").FillAsync("2026-06-01");
        await page.GetByLabel("截止日期").FillAsync("2026-05-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "委托", Exact = true }).ClickAsync();

        var summary = page.Locator(".error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("没有这个用户名的代办员");
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(before);
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task An_agent_gets_the_forbidden_page_and_another_investors_project_is_not_found()
    {
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "agent");
        await GotoAsync(page, "/my/authorisations", 403);
        await GotoAsync(page, $"/my/projects/{Guid.NewGuid()}", 404);
    }

    [Fact]
    public async Task The_project_list_filters_by_light_and_stage_and_shows_on_a_phone()
    {
        var page = await (await NewContextAsync(Phone)).NewPageAsync();
        await SignInAsync(page, "investor");
        await GotoAsync(page, "/my/projects?stage=" + Uri.EscapeDataString("一窗受理"));
        await Assertions.Expect(page.GetByLabel("当前环节")).ToHaveValueAsync("一窗受理");
        foreach (var row in await page.Locator("tbody tr").AllAsync())
            await Assertions.Expect(row).ToContainTextAsync("一窗受理");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "my-projects");
        await GotoAsync(page, "/my/projects?light=red");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("没有符合条件的项目");
        _ = UniqueName("");
    }
}
