using Approval.Browser.Tests.Infrastructure;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Approval.Browser.Tests.Tasks.TaskData;

namespace Approval.Browser.Tests.Tasks;

public sealed partial class TaskDetailTests
{
    [Fact]
    public async Task The_clock_stops_with_its_reason_and_notice_and_resumes()
    {
        var id = await AcceptedAsync(Product.Services, Enterprise, UniqueName("中止计时项目"));
        var task = await TaskOfAsync(Product.Services, id, MarketRegulation, TaskKind.MatterDecision);
        var page = await OpenTaskAsync(MarketRegulation, task.Id);

        await page.GetByLabel("中止计时的事由").SelectOptionAsync("ExpertReview");
        await page.GetByLabel("预计需要的工作日数").FillAsync("0");
        await SubmitAsync(page, "中止计时");
        await ExpectFieldMessageAsync(page, "stop-notice", "请填写书面告知。");
        Assert.Empty((await ProjectAsync(Product.Services, id)).ClockStops);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("书面告知（告知申请人的内容）").FillAsync("贵单位申请事项需组织专家评审，评审时间不计入办理时限。");
        await SubmitAsync(page, "中止计时");
        await ExpectFieldMessageAsync(page, "stop-days", "预计需要的工作日数须为 1 至 250 之间的整数。");
        Assert.Empty((await ProjectAsync(Product.Services, id)).ClockStops);

        await page.GetByLabel("预计需要的工作日数").FillAsync("3");
        await SubmitAsync(page, "中止计时");

        await page.WaitForURLAsync($"**/tasks/{task.Id}?done=stopped");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("计时已中止：专家评审");
        var stops = page.GetByRole(AriaRole.Table, new() { Name = "中止计时记录" });
        await Assertions.Expect(stops).ToContainTextAsync("中止中（预计 3 个工作日）");
        await Assertions.Expect(stops).ToContainTextAsync("需组织专家评审");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "提交审批决定" })).ToHaveCountAsync(0);
        var stop = Assert.Single((await ProjectAsync(Product.Services, id)).ClockStops);
        Assert.Equal(ClockStopReason.ExpertReview, stop.Reason);
        Assert.True(stop.IsOpen);
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "task-clock-stopped");

        await SubmitAsync(page, "恢复计时");

        await page.WaitForURLAsync($"**/tasks/{task.Id}?done=resumed");
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("已恢复计时");
        await Assertions.Expect(stops).Not.ToContainTextAsync("中止中");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("正在计时");
        Assert.False(Assert.Single((await ProjectAsync(Product.Services, id)).ClockStops).IsOpen);
        await Screenshots.SaveAsync(page, "task-clock-resumed");
    }

    [Fact]
    public async Task An_extension_request_needs_days_in_range_and_then_waits_for_a_supervisor()
    {
        var id = await AcceptedAsync(Product.Services, Enterprise, UniqueName("延期项目"));
        var task = await TaskOfAsync(Product.Services, id, MarketRegulation, TaskKind.MatterDecision);
        var page = await OpenTaskAsync(MarketRegulation, task.Id);

        await page.GetByLabel("延长的工作日数").FillAsync("0");
        await page.GetByLabel("延期理由（申请人可见）").FillAsync("需核查股东身份信息");
        await SubmitAsync(page, "提交延期申请");
        await ExpectFieldMessageAsync(page, "extension-days", "延长的工作日数须为 1 至 60 之间的整数。");
        Assert.Empty((await ProjectAsync(Product.Services, id)).Extensions);
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "task-extension-error");

        await page.GetByLabel("延长的工作日数").FillAsync("2");
        await SubmitAsync(page, "提交延期申请");

        await page.WaitForURLAsync($"**/tasks/{task.Id}?done=extension");
        var extensions = page.GetByRole(AriaRole.Table, new() { Name = "延期申请" });
        await Assertions.Expect(extensions).ToContainTextAsync("2 个工作日");
        await Assertions.Expect(extensions).ToContainTextAsync("待批准");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "提交延期申请" })).ToHaveCountAsync(0);
        var extension = Assert.Single((await ProjectAsync(Product.Services, id)).Extensions);
        Assert.Equal((2, ExtensionStatus.Pending), (extension.WorkingDays, extension.Status));
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "task-extension");

        // A supervisor approves it (the supervision pages are another area): the task shows the longer limit.
        await Product.Services.GetRequiredService<WorkflowEngine>().ExecuteAsync(new DecideExtension(Guid.NewGuid().ToString(),
            new Actor("supervisor", ActorRole.Supervisor), extension.Id, true, "同意延期"));
        await GotoAsync(page, $"/tasks/{task.Id}");
        await Assertions.Expect(extensions).ToContainTextAsync("已批准：同意延期");
        await Assertions.Expect(page.Locator("dl.facts").First).ToContainTextAsync("延期 2 个工作日");
    }
}
