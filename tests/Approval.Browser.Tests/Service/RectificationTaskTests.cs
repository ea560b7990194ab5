using Approval.Browser.Tests.Infrastructure;
using Approval.Engine.Supervision;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Approval.Browser.Tests.Supervision.SupervisedProjects;
using TaskStatus = Approval.Engine.Runtime.TaskStatus;

namespace Approval.Browser.Tests.Service;

/// <summary>A 差评's rectification (整改) on the department's task page (/tasks/{id}): the rating without its rater, 回访 required.</summary>
public sealed class RectificationTaskTests(ProductServer product) : BrowserTest(product)
{
    [Fact]
    public async Task The_department_reads_the_bad_rating_without_the_rater_and_closes_it_only_with_the_call_back()
    {
        var task = await AfterServiceData.BadRatingAsync(Product.Services, UniqueName("差评整改页面测试有限公司设立"));
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "approver-market-regulation", $"/tasks/{task}");

        Assert.StartsWith("审批办理：", await HeadingAsync(page));
        var rating = page.Locator("section[aria-labelledby=rating-title]");
        await Assertions.Expect(rating).ToContainTextAsync("不满意");
        await Assertions.Expect(rating).ToContainTextAsync("办理拖延，多次催办");
        await Assertions.Expect(rating).Not.ToContainTextAsync("investor");
        await Assertions.Expect(rating).ToContainTextAsync("不显示评价人信息");
        await page.GetByLabel("整改措施").FillAsync("建立限时办结提醒");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交整改和回访记录" }).ClickAsync();

        await Assertions.Expect(page.Locator("#rectification-callback-error")).ToContainTextAsync("请填写回访记录");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "task-rectification-error");
        await page.GetByLabel("回访记录（回访时间、方式和申请人意见）").FillAsync("电话回访申请人，表示认可");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交整改和回访记录" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("整改办结");
        var project = await Product.Services.GetRequiredService<ProjectReader>().GetByTaskAsync(Engine.Runtime.Actor.System, task);
        Assert.Equal(TaskStatus.Done, project.Tasks.Single(t => t.Id == task).Status);
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "task-rectification");
    }

    [Fact]
    public async Task Another_department_does_not_find_it()
    {
        var task = await AfterServiceData.BadRatingAsync(Product.Services, UniqueName("差评整改他部门测试有限公司设立"));
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "approver-taxation");

        await GotoAsync(page, $"/tasks/{task}", 404);
    }
}
