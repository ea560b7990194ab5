using Approval.Browser.Tests.Infrastructure;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Supervision;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Approval.Browser.Tests.Supervision.SupervisedProjects;

namespace Approval.Browser.Tests.Supervision;

/// <summary>办件全程 (/supervision/projects/{id}): the whole journal, clock events marked, who acted and when.</summary>
public sealed class ProjectTimelineTests(ProductServer product) : BrowserTest(product)
{
    [Fact]
    public async Task The_timeline_marks_the_clock_stop_and_its_resumption_with_who_acted()
    {
        var name = UniqueName("监察轨迹测试有限公司设立");
        var id = await RunningEnterpriseAsync(Product.Services, name);
        var task = (await OpenMattersAsync(Product.Services, id)).First();
        var approver = ApproverOf(task);
        var engine = Product.Services.GetRequiredService<WorkflowEngine>();
        await engine.ExecuteAsync(new StopClock(Op(), approver, task.Id, ClockStopReason.ExpertReview, "需组织专家评审经营范围", 3));
        var stop = (await Product.Services.GetRequiredService<ProjectReader>().GetAsync(Actor.System, id)).ClockStops.Single();
        await engine.ExecuteAsync(new ResumeClock(Op(), approver, task.Id, stop.StartsOn));
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "supervisor");

        await GotoAsync(page, $"/supervision/projects/{id}");

        Assert.Equal($"办件全程：{name}", await HeadingAsync(page));
        var stopped = page.Locator("li[data-event=clockStopped]");
        await Assertions.Expect(stopped).ToHaveCountAsync(1);
        await Assertions.Expect(stopped).ToHaveClassAsync("clock-event");
        await Assertions.Expect(stopped).ToContainTextAsync("计时·暂停");
        await Assertions.Expect(stopped).ToContainTextAsync("暂停计时");
        await Assertions.Expect(stopped).ToContainTextAsync("专家评审");
        await Assertions.Expect(stopped).ToContainTextAsync($"办理人：{approver.UserId}（审批部门）");
        await Assertions.Expect(stopped.Locator("time")).ToContainTextAsync("年");
        var resumed = page.Locator("li[data-event=clockResumed]");
        await Assertions.Expect(resumed).ToContainTextAsync("计时·恢复");
        await Assertions.Expect(resumed).ToContainTextAsync("恢复计时");
        // Acceptance starts the clock; filing does not.
        await Assertions.Expect(page.Locator("li[data-event=accepted]")).ToContainTextAsync("计时·开始");
        await Assertions.Expect(page.Locator("li[data-event=filed]")).Not.ToHaveClassAsync("clock-event");
        await Assertions.Expect(page.Locator("li[data-event=filed]")).ToContainTextAsync($"办理人：{Web.Hosting.DemoData.InvestorName}（项目单位）");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "暂停计时（不计入办理时限）" })).ToContainTextAsync("需组织专家评审经营范围");
        var journal = await Product.Services.GetRequiredService<ProjectReader>().JournalAsync(id);
        await Assertions.Expect(page.Locator("ol.supervision-timeline > li")).ToHaveCountAsync(journal.Count);
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "supervision-project");
    }

    [Fact]
    public async Task An_unknown_project_is_the_404_page()
    {
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "supervisor");

        await GotoAsync(page, $"/supervision/projects/{Guid.NewGuid()}", 404);

        Assert.NotEqual("", await HeadingAsync(page));
    }
}
