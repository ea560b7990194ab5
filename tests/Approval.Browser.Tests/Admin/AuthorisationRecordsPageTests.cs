using Approval.Browser.Tests.Infrastructure;
using Approval.Engine.Runtime;
using Approval.Web.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NodaTime;

namespace Approval.Browser.Tests.Admin;

/// <summary>委托记录: every authorisation with its validity in words; an administrator records one for an investor and revokes it.</summary>
[Collection(AccountsCollection.Name)]
public sealed class AuthorisationRecordsPageTests(ProductServer product) : BrowserTest(product)
{
    private async Task<IPage> AdminAsync()
    {
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "admin");
        await GotoAsync(page, "/admin/authorisations");
        return page;
    }

    /// <summary>
    /// An agent account of the test's own: while a grant to the demo agent stands, the demo agent's filing form offers a
    /// second investor, and another test that files with the keyboard would pick it.
    /// </summary>
    private async Task<StaffAccount> AgentAsync() =>
        await AdminPages.CreateAsync(Product.Services, AdminPages.UniqueName("rec-agent"), Roles.Agent);

    [Fact]
    public async Task An_administrator_records_an_authorisation_for_an_investor_and_revokes_it()
    {
        var investor = "inv-" + Guid.NewGuid().ToString("N")[..10];
        var agent = await AgentAsync();
        var page = await AdminAsync();

        Assert.Equal("委托记录", await HeadingAsync(page));
        await page.GetByLabel("项目单位标识").FillAsync(investor);
        await page.GetByLabel("项目单位名称").FillAsync("测试建材有限公司");
        await page.GetByLabel("代办员用户名").FillAsync(agent.UserName);
        await page.GetByLabel("起始日期").FillAsync("2026-01-01");
        await page.GetByLabel("截止日期").FillAsync("2030-12-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记委托" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("委托已登记");
        var row = page.Locator("table.authorisations tbody tr").Filter(new() { HasText = investor });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("测试建材有限公司");
        await Assertions.Expect(row).ToContainTextAsync("2026年1月1日 至 2030年12月31日");
        await Assertions.Expect(row.Locator("td[data-label='状态']")).ToHaveTextAsync("有效");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "admin-authorisations");

        await row.GetByRole(AriaRole.Button, new() { Name = "撤销" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("委托已撤销");
        await Assertions.Expect(row.Locator("td[data-label='状态']")).ToHaveTextAsync("已撤销");
        await Assertions.Expect(row.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        var stored = (await Product.Services.GetRequiredService<AgentAuthorizations>().ListAsync(new Actor("admin", ActorRole.Administrator)))
            .Single(a => a.InvestorId == investor);
        Assert.NotNull(stored.RevokedAt);
    }

    [Fact]
    public async Task Every_authorisation_is_listed_with_its_validity_in_words()
    {
        var investor = "inv-" + Guid.NewGuid().ToString("N")[..10];
        var registry = Product.Services.GetRequiredService<AgentAuthorizations>();
        var agent = (await AgentAsync()).Id;
        await registry.GrantAsync(Actor.System, investor + "-old", "过期测试有限公司", agent, new LocalDate(2020, 1, 1), new LocalDate(2020, 12, 31));
        await registry.GrantAsync(Actor.System, investor + "-new", "待生效测试有限公司", agent, new LocalDate(2098, 1, 1), new LocalDate(2099, 12, 31));

        var page = await AdminAsync();

        var all = await registry.ListAsync(new Actor("admin", ActorRole.Administrator));
        Assert.InRange(await page.Locator("table.authorisations tbody tr").CountAsync(), 1, all.Count);
        await Assertions.Expect(page.Locator("tr").Filter(new() { HasText = investor + "-old" }).Locator("td[data-label='状态']")).ToHaveTextAsync("已过期");
        await Assertions.Expect(page.Locator("tr").Filter(new() { HasText = investor + "-new" }).Locator("td[data-label='状态']")).ToHaveTextAsync("尚未生效");
    }

    [Fact]
    public async Task An_unknown_agent_and_reversed_dates_are_named_next_to_their_fields_and_nothing_is_recorded()
    {
        var investor = "inv-" + Guid.NewGuid().ToString("N")[..10];
        var page = await AdminAsync();

        await page.GetByLabel("项目单位标识").FillAsync(investor);
        await page.GetByLabel("代办员用户名").FillAsync("window");
        await page.GetByLabel("起始日期").FillAsync("2026-06-01");
        await page.GetByLabel("截止日期").FillAsync("2026-05-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记委托" }).ClickAsync();

        await Assertions.Expect(page.Locator("#agentUserName-error")).ToContainTextAsync("没有这个用户名的代办员");
        await Assertions.Expect(page.Locator("#investorName-error")).ToContainTextAsync("请填写项目单位名称");
        await Assertions.Expect(page.Locator("#validTo-error")).ToContainTextAsync("委托截止日期不能早于起始日期");
        await Assertions.Expect(page.Locator(".error-summary li")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("table.authorisations tbody tr").Filter(new() { HasText = investor })).ToHaveCountAsync(0);
        await Accessibility.AssertNoViolationsAsync(page);
    }
}
