using System.Text.RegularExpressions;
using Approval.Browser.Tests.Admin;
using Approval.Browser.Tests.Infrastructure;
using Approval.Browser.Tests.Window;
using Approval.Engine.Notifications;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Supervision;
using Approval.Web.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Approval.Browser.Tests.Messages;

/// <summary>消息: the acceptance of the agent's project arrives as an in-app message, counted unread in the header, and is marked read.</summary>
[Collection(AccountsCollection.Name)]
public sealed class MessagesPageTests(ProductServer product) : BrowserTest(product)
{
    [Fact]
    public async Task The_agent_reads_the_acceptance_of_its_project_and_marks_it_read()
    {
        // An agent and investor of the test's own: the demo agent's messages grow while other tests file and accept in
        // parallel, and the demo investor's authorisations are counted by another test.
        var agentName = AdminPages.UniqueName("msg-agent");
        var agent = await AdminPages.CreateAsync(Product.Services, agentName, Roles.Agent);
        var investor = ("inv-" + Guid.NewGuid().ToString("N")[..10], "消息测试有限公司");
        var today = Product.Services.GetRequiredService<ProjectReader>().Today;
        await Product.Services.GetRequiredService<AgentAuthorizations>().GrantAsync(Actor.System, investor.Item1, investor.Item2,
            agent.Id, today.PlusDays(-1), today.PlusYears(1));
        var name = WindowPages.UniqueName("消息测试项目");
        var id = await WindowPages.FileAsAsync(Product.Services, agentName, investor, WindowPages.Enterprise, name);
        await Product.Services.GetRequiredService<Engine.Runtime.WorkflowEngine>()
            .ExecuteAsync(new AcceptApplication(Guid.NewGuid().ToString(), WindowPages.Window, id));
        await Product.Services.GetRequiredService<NotificationDispatcher>().RunOnceAsync();
        var project = await WindowPages.ProjectAsync(Product.Services, id);

        var page = await (await NewContextAsync()).NewPageAsync();
        await AdminPages.SignInAsync(page, agentName, AdminPages.Password);
        var headerLink = page.Locator(".messages-link").GetByRole(AriaRole.Link, new() { Name = "消息" });
        await Assertions.Expect(headerLink).ToContainTextAsync("条未读");
        await headerLink.ClickAsync();

        Assert.Equal("消息", await HeadingAsync(page));
        var row = page.Locator("tbody tr").Filter(new() { HasText = name });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("受理通知");
        await Assertions.Expect(row).ToContainTextAsync(project.QueryKey!);
        await Assertions.Expect(row).ToContainTextAsync("未读");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "messages");
        var unreadBefore = await UnreadAsync(page);
        Assert.True(unreadBefore >= 1, $"{unreadBefore} unread before marking");

        await row.GetByRole(AriaRole.Button, new() { Name = "标为已读" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已标为已读");
        await Assertions.Expect(page.Locator("tbody tr").Filter(new() { HasText = name })).ToContainTextAsync("已读");
        await Assertions.Expect(page.Locator("tbody tr").Filter(new() { HasText = name }).GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        Assert.Equal(unreadBefore - 1, await UnreadAsync(page));
        await Accessibility.AssertNoViolationsAsync(page);
    }

    /// <summary>The number in 「其中 N 条未读」.</summary>
    private static async Task<int> UnreadAsync(IPage page) =>
        int.Parse(Regex.Match(await page.Locator("#unread-summary strong").InnerTextAsync(), @"\d+").Value);

    [Fact]
    public async Task Another_account_does_not_see_the_message_and_an_anonymous_visitor_is_sent_to_sign_in()
    {
        var name = WindowPages.UniqueName("他人消息项目");
        var id = await WindowPages.FileAsync(Product.Services, WindowPages.Enterprise, name);
        await Product.Services.GetRequiredService<Engine.Runtime.WorkflowEngine>()
            .ExecuteAsync(new AcceptApplication(Guid.NewGuid().ToString(), WindowPages.Window, id));
        await Product.Services.GetRequiredService<NotificationDispatcher>().RunOnceAsync();

        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "window");
        await GotoAsync(page, "/messages");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(name);

        var anonymous = await OpenAsync("/messages");
        Assert.Contains("/account/login", anonymous.Url);
    }
}
