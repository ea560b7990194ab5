using Approval.Browser.Tests.Infrastructure;
using Approval.Engine.Service;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Approval.Browser.Tests.Supervision.SupervisedProjects;

namespace Approval.Browser.Tests.Service;

/// <summary>
/// 督办 end to end: issued from /supervision/escalations/new on a near-due matter, answered on the department's task
/// page, closed on /supervision/escalations.
/// </summary>
public sealed class EscalationPagesTests(ProductServer product) : BrowserTest(product)
{
    [Fact]
    public async Task The_supervisor_issues_a_escalation_the_department_replies_and_the_supervisor_closes_it()
    {
        // Accepted today, the licence has one working day: it is near its deadline (yellow) at once.
        var id = await RunningEnterpriseAsync(Product.Services, UniqueName("督办页面测试有限公司设立"));
        var licence = (await OpenMattersAsync(Product.Services, id)).Single(t => t.MatterCode == "SCJG-001");
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "supervisor", $"/supervision/escalations/new?project={id}&task={licence.Id}");

        Assert.Equal("发出督办", await HeadingAsync(page));
        await page.GetByLabel("回复期限（工作日）").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "发出督办" }).ClickAsync();
        await Assertions.Expect(page.Locator("#escalation-notice-error")).ToContainTextAsync("请填写督办意见");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "supervision-escalation-new-error");
        await page.GetByLabel("督办意见").FillAsync("营业执照临近办理期限，请抓紧办理并说明进度");
        await page.GetByRole(AriaRole.Button, new() { Name = "发出督办" }).ClickAsync();

        Assert.Equal("督办", await HeadingAsync(page));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("督办已发出");
        var escalation = Assert.Single(await Product.Services.GetRequiredService<ServiceReader>().EscalationsAsync(instanceId: id));
        await Assertions.Expect(page.Locator($"#escalation-{escalation.Id}")).ToContainTextAsync("待部门回复");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "supervision-escalations");

        var department = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(department, "approver-market-regulation", $"/tasks/{escalation.ReplyTaskId}");
        await Assertions.Expect(department.Locator("section[aria-labelledby=escalation-title]")).ToContainTextAsync("请抓紧办理并说明进度");
        await department.GetByRole(AriaRole.Button, new() { Name = "提交督办回复" }).ClickAsync();
        await Assertions.Expect(department.Locator("#escalation-reply-error")).ToContainTextAsync("请填写督办回复");
        await department.GetByLabel("书面回复（逾期原因和办理措施）").FillAsync("已安排专人办理，今日办结");
        await department.GetByRole(AriaRole.Button, new() { Name = "提交督办回复" }).ClickAsync();
        await Assertions.Expect(department.GetByRole(AriaRole.Status)).ToContainTextAsync("督办回复已提交");
        await Accessibility.AssertNoViolationsAsync(department);
        await Screenshots.SaveAsync(department, "task-escalation-reply");

        await GotoAsync(page, "/supervision/escalations");
        var row = page.Locator($"#escalation-{escalation.Id}");
        await Assertions.Expect(row).ToContainTextAsync("已安排专人办理，今日办结");
        await row.GetByLabel("办结意见").FillAsync("已核实");
        await row.GetByRole(AriaRole.Button, new() { Name = "办结督办" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("督办已办结");
        await Assertions.Expect(page.Locator($"#escalation-{escalation.Id}")).ToContainTextAsync("已办结");
        Assert.Equal(EscalationStatus.Closed, (await Product.Services.GetRequiredService<ServiceReader>().EscalationByIdAsync(escalation.Id))!.Status);
    }

    [Fact]
    public async Task Another_role_gets_the_403_page()
    {
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "window");

        await GotoAsync(page, "/supervision/escalations", 403);
    }
}
