using Approval.Browser.Tests.Infrastructure;
using Approval.Engine.Activities;
using Approval.Engine.Calendar;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Supervision;
using Approval.Web.Hosting;
using Approval.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Approval.Browser.Tests.Window.WindowPages;

namespace Approval.Browser.Tests.Window;

/// <summary>
/// 模拟审批转为正式审批 (/window/conversion/{id}): a simulated industrial permit whose departments have all recorded their
/// simulated approvals is listed on the window's queue with its label; the conversion is refused while the land contract
/// is missing (the message next to its field), and done with its paper original and one matter reopened. The department
/// sees the label on its to-do list and confirms on the task page.
/// </summary>
public sealed class WindowConversionTests(ProductServer product) : BrowserTest(product)
{
    private const string LandContract = "land-transfer-contract";

    /// <summary>Filed in simulation without the land contract, accepted, reviewed: every department's simulated approval recorded today.</summary>
    private async Task<Guid> SimulatedAsync(string name)
    {
        var services = Product.Services;
        var calendar = services.GetRequiredService<IWorkingDayCalendars>().National;
        var today = services.GetRequiredService<ProjectReader>().Today;
        Assert.SkipUnless(calendar.IsWorkingDay(today), "The survey is held today, which must be a working day: today is not.");
        var engine = services.GetRequiredService<WorkflowEngine>();
        await using var scope = services.CreateAsyncScope();
        var agentUser = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync("agent");
        var materials = engine.Catalog.Latest(Industrial).Intake.Materials.Select(m => m.Code).Where(c => c != LandContract).ToList();
        var project = new ProjectDetails(name, DemoData.InvestorId, DemoData.InvestorName, "320193", "C2651", 52000m, null, "张伟", "13812345678");
        var id = (await engine.ExecuteAsync(new FileApplication(Guid.NewGuid().ToString(), new Actor(agentUser!.Id, ActorRole.Agent),
            Industrial, project, materials, Simulation: true))).InstanceId;
        await engine.ExecuteAsync(new RecordPaperOriginals(Guid.NewGuid().ToString(), WindowPages.Window, id, materials));
        await engine.ExecuteAsync(new AcceptApplication(Guid.NewGuid().ToString(), WindowPages.Window, id));
        for (var guard = 0; guard < 60; guard++)
        {
            var current = await ProjectAsync(services, id);
            var open = current.Tasks.Where(t => t.ActivityId == current.CurrentActivityId && t.Status == Engine.Runtime.TaskStatus.Open).ToList();
            if (open.Count == 0) break;
            if (open[0].Kind == TaskKind.SurveyFinding && current.SurveyOn is null)
            {
                await engine.ExecuteAsync(new ScheduleSurvey(Guid.NewGuid().ToString(), WindowPages.Window, id, today));
                continue;
            }
            var task = open[0];
            var approver = new Actor($"approver-{task.DepartmentId}", ActorRole.Approver, task.DepartmentId);
            await engine.ExecuteAsync(task.Kind switch
            {
                TaskKind.PreReviewOpinion => new GiveOpinion(Guid.NewGuid().ToString(), approver, task.Id, true, [], null),
                TaskKind.SurveyFinding => new RecordFindings(Guid.NewGuid().ToString(), approver, task.Id, true, "现场与申报一致"),
                _ => new DecideMatter(Guid.NewGuid().ToString(), approver, task.Id, MatterDecision.Approve, "模拟审批意见：符合条件", []),
            });
        }
        Assert.Equal("parallel-approvals", (await ProjectAsync(services, id)).CurrentActivityId);
        return id;
    }

    [Fact]
    public async Task The_queue_shows_the_simulation_and_the_window_converts_it_on_the_land_contract_reopening_one_matter()
    {
        var name = UniqueName("模拟审批项目");
        var id = await SimulatedAsync(name);
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "window");

        await GotoAsync(page, "/window");
        var row = page.GetByRole(AriaRole.Table, new() { Name = "模拟审批" }).GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        await Assertions.Expect(row).ToContainTextAsync("模拟审批");
        await row.GetByRole(AriaRole.Link, new() { Name = "转为正式审批" }).ClickAsync();
        await page.WaitForURLAsync($"**/window/conversion/{id}");

        Assert.Equal($"模拟审批转为正式审批：{name}", await HeadingAsync(page));
        var opinions = page.GetByRole(AriaRole.Table, new() { Name = "各部门模拟审批意见" });
        await Assertions.Expect(opinions.Locator("tbody tr")).ToHaveCountAsync(7);
        await Assertions.Expect(opinions).ToContainTextAsync("模拟审批意见：同意");
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("尚未提交");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "window-conversion");

        // Without the land contract: refused, the message next to its field and in the summary; nothing changes.
        await page.GetByRole(AriaRole.Button, new() { Name = "转为正式审批" }).ClickAsync();
        await Assertions.Expect(page.Locator("#paper-received-error")).ToContainTextAsync("尚未提交《国有建设用地使用权出让合同》");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("不能转为正式审批");
        Assert.Equal(SimulationState.Simulating, (await ProjectAsync(Product.Services, id)).Simulation);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("已收取《国有建设用地使用权出让合同》纸质原件").CheckAsync();
        await page.GetByLabel("建设项目环境影响报告表审批", new() { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "转为正式审批" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已转为正式审批");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("重新审查");
        var converted = await ProjectAsync(Product.Services, id);
        Assert.Equal(SimulationState.Converted, converted.Simulation);
        Assert.Equal(6, converted.Tasks.Count(t => t.Kind == TaskKind.SimulationConfirmation && t.IsOpen));
        Assert.Equal("HB-001", Assert.Single(converted.Tasks, t => t.Kind == TaskKind.MatterDecision && t.IsOpen).MatterCode);
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("模拟审批已转为正式审批");
        await Screenshots.SaveAsync(page, "window-conversion-done");
    }

    [Fact]
    public async Task The_department_sees_the_label_and_confirms_its_simulated_approval()
    {
        var name = UniqueName("模拟转正项目");
        var id = await SimulatedAsync(name);
        await Product.Services.GetRequiredService<WorkflowEngine>().ExecuteAsync(
            new RecordPaperOriginals(Guid.NewGuid().ToString(), WindowPages.Window, id, [LandContract]));
        await Product.Services.GetRequiredService<WorkflowEngine>().ExecuteAsync(
            new ConvertSimulation(Guid.NewGuid().ToString(), WindowPages.Window, id, []));
        var confirmation = (await ProjectAsync(Product.Services, id)).Tasks
            .Single(t => t.Kind == TaskKind.SimulationConfirmation && t.DepartmentId == "civil-air-defence");
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "approver-civil-air-defence");

        await GotoAsync(page, "/tasks");
        var row = page.GetByRole(AriaRole.Table, new() { Name = "全部待办" }).GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        await Assertions.Expect(row).ToContainTextAsync("转正确认");
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync($"**/tasks/{confirmation.Id}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "模拟审批转正确认" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("dl.facts").First).ToContainTextAsync("模拟审批已转为正式审批");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "task-simulation-confirmation");

        await page.GetByLabel("审批结论").SelectOptionAsync("approve");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交审批决定" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        Assert.Equal(Outcomes.Approved, (await ProjectAsync(Product.Services, id)).Tasks.Single(t => t.Id == confirmation.Id).Outcome);
    }

    [Fact]
    public async Task A_simulated_task_carries_the_label_on_the_departments_list()
    {
        var name = UniqueName("模拟在办项目");
        var services = Product.Services;
        var engine = services.GetRequiredService<WorkflowEngine>();
        await using var scope = services.CreateAsyncScope();
        var agentUser = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync("agent");
        var materials = engine.Catalog.Latest(Industrial).Intake.Materials.Select(m => m.Code).Where(c => c != LandContract).ToList();
        var project = new ProjectDetails(name, DemoData.InvestorId, DemoData.InvestorName, "320193", "C2651", 52000m, null, "张伟", "13812345678");
        var id = (await engine.ExecuteAsync(new FileApplication(Guid.NewGuid().ToString(), new Actor(agentUser!.Id, ActorRole.Agent),
            Industrial, project, materials, Simulation: true))).InstanceId;
        await engine.ExecuteAsync(new RecordPaperOriginals(Guid.NewGuid().ToString(), WindowPages.Window, id, materials));
        await engine.ExecuteAsync(new AcceptApplication(Guid.NewGuid().ToString(), WindowPages.Window, id));
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "approver-natural-resources");

        await GotoAsync(page, "/tasks");

        var row = page.GetByRole(AriaRole.Table, new() { Name = "全部待办" }).GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        await Assertions.Expect(row.Locator(".tag")).ToHaveTextAsync("模拟审批");
    }

    [Fact]
    public async Task An_agent_gets_the_forbidden_page()
    {
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "agent");
        await GotoAsync(page, $"/window/conversion/{Guid.NewGuid()}", 403);
    }
}
