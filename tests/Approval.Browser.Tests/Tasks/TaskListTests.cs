using Approval.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Approval.Browser.Tests.Tasks.TaskData;

namespace Approval.Browser.Tests.Tasks;

/// <summary>部门待办 (/tasks): the department's open tasks soonest due first, the tabs 全部 / 即将超时 / 已超时, opening one; other roles get the 403 page.</summary>
public sealed class TaskListTests(ProductServer product) : BrowserTest(product)
{
    private const string Department = "natural-resources";

    [Fact]
    public async Task A_task_near_its_deadline_and_an_overdue_one_appear_in_their_tabs_and_open()
    {
        var near = UniqueName("临期项目");
        var overdue = UniqueName("超期项目");
        await AcceptedOnAsync(Product.Services, DayForNearDeadline(Product.Services, 5, 1), Industrial, near);
        await AcceptedOnAsync(Product.Services, Today(Product.Services).PlusDays(-30), Industrial, overdue);
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, $"approver-{Department}");

        await GotoAsync(page, "/tasks");
        Assert.Equal("部门待办", await HeadingAsync(page));
        var table = page.GetByRole(AriaRole.Table, new() { Name = "全部待办" });
        var nearRow = table.GetByRole(AriaRole.Row).Filter(new() { HasText = near });
        var overdueRow = table.GetByRole(AriaRole.Row).Filter(new() { HasText = overdue });
        await Assertions.Expect(nearRow).ToContainTextAsync("黄灯");
        await Assertions.Expect(nearRow).ToContainTextAsync("预审意见");
        await Assertions.Expect(overdueRow).ToContainTextAsync("红灯·已超期");
        // Soonest due first: the overdue task comes before the one still running.
        var rows = await table.Locator("tbody tr").AllInnerTextsAsync();
        Assert.True(rows.ToList().FindIndex(r => r.Contains(overdue)) < rows.ToList().FindIndex(r => r.Contains(near)));
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "tasks-list");

        await page.GetByRole(AriaRole.Link, new() { Name = "即将超时" }).ClickAsync();
        await page.WaitForURLAsync("**/tasks?tab=near");
        var nearTable = page.GetByRole(AriaRole.Table, new() { Name = "即将超时待办" });
        await Assertions.Expect(nearTable.GetByRole(AriaRole.Row).Filter(new() { HasText = near })).ToHaveCountAsync(1);
        await Assertions.Expect(nearTable.GetByRole(AriaRole.Row).Filter(new() { HasText = overdue })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[aria-current=page]").Filter(new() { HasText = "即将超时" })).ToHaveCountAsync(1);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "已超时" }).ClickAsync();
        await page.WaitForURLAsync("**/tasks?tab=overdue");
        var overdueTable = page.GetByRole(AriaRole.Table, new() { Name = "已超时待办" });
        await Assertions.Expect(overdueTable.GetByRole(AriaRole.Row).Filter(new() { HasText = overdue })).ToHaveCountAsync(1);
        await Assertions.Expect(overdueTable.GetByRole(AriaRole.Row).Filter(new() { HasText = near })).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "tasks-list-overdue");

        await overdueTable.GetByRole(AriaRole.Row).Filter(new() { HasText = overdue }).GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync("**/tasks/*");
        Assert.Equal("审批办理：预审意见", await HeadingAsync(page));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(overdue);
    }

    [Fact]
    public async Task Another_departments_open_task_is_not_listed()
    {
        var name = UniqueName("他部门项目");
        await AcceptedAsync(Product.Services, Enterprise, name);   // market regulation's business licence, nobody else's yet
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, $"approver-{Department}");

        await GotoAsync(page, "/tasks");

        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(name);
    }

    [Fact]
    public async Task A_window_clerk_gets_the_403_page_and_an_anonymous_visitor_the_login()
    {
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "window");

        await GotoAsync(page, "/tasks", 403);
        Assert.Equal("无权访问此页面", await HeadingAsync(page));

        var anonymous = await OpenAsync("/tasks");
        Assert.Contains("/account/login", anonymous.Url);
    }
}
