using System.Net;
using Approval.Engine.Activities;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using TaskStatus = Approval.Engine.Runtime.TaskStatus;

namespace Approval.Web.Tests.Tasks;

/// <summary>An approver's work over HTTP: the department's list, opinions, findings, decisions, clock stops, extensions.</summary>
public sealed partial class TasksApiTests(ApprovalWebFactory factory) : IClassFixture<ApprovalWebFactory>
{
    private readonly Clients _clients = new(factory);

    /// <summary>An accepted enterprise establishment and its first open matter: the business licence (SCJG-001).</summary>
    private async Task<(Guid Project, WorkTask Task)> BusinessLicenceAsync()
    {
        var id = await TestProjects.FileAndAcceptAsync(factory, "enterprise-establishment");
        return (id, await Steps.OpenTaskAsync(factory, id, "market-regulation"));
    }

    [Fact]
    public async Task List_shows_my_departments_open_tasks_soonest_due_first_with_lights()
    {
        var industrial = await TestProjects.FileAndAcceptAsync(factory, "industrial-construction-permit");
        var estate = await TestProjects.FileAndAcceptAsync(factory, "real-estate-registration");
        var approver = await _clients.ApproverAsync("housing-construction");

        var tasks = (await (await approver.GetAsync("/api/tasks?size=200")).ReadOkAsync()).GetProperty("items").EnumerateArray().ToList();

        var dueDates = tasks.Select(t => t.GetProperty("dueOn").GetString()).ToList();
        Assert.Equal(dueDates.Order(StringComparer.Ordinal), dueDates);
        var preReview = tasks.FindIndex(t => t.GetProperty("instanceId").GetGuid() == industrial);
        var transaction = tasks.FindIndex(t => t.GetProperty("instanceId").GetGuid() == estate);
        Assert.True(transaction >= 0 && transaction < preReview, "the 1-day matter is due before the 5-day pre-review");
        Assert.All(tasks, t => Assert.Equal("housing-construction", t.GetProperty("departmentId").GetString()));
        Assert.Equal("green", tasks[preReview].GetProperty("light").GetString());
        Assert.Equal("2024-10-10", tasks[preReview].GetProperty("dueOn").GetString());
        Assert.Equal("测试项目", tasks[preReview].GetProperty("projectName").GetString());
    }

    [Fact]
    public async Task List_can_be_narrowed_to_one_kind_of_task()
    {
        var industrial = await TestProjects.FileAndAcceptAsync(factory, "industrial-construction-permit");
        var estate = await TestProjects.FileAndAcceptAsync(factory, "real-estate-registration");
        var approver = await _clients.ApproverAsync("housing-construction");

        var matters = (await (await approver.GetAsync("/api/tasks?kind=matterDecision&size=200")).ReadOkAsync()).GetProperty("items");

        Assert.All(matters.EnumerateArray(), t => Assert.Equal("matterDecision", t.GetProperty("kind").GetString()));
        Assert.Contains(matters.EnumerateArray(), t => t.GetProperty("instanceId").GetGuid() == estate);
        Assert.DoesNotContain(matters.EnumerateArray(), t => t.GetProperty("instanceId").GetGuid() == industrial);
    }

    [Fact]
    public async Task One_task_is_shown_with_its_project()
    {
        var (project, task) = await BusinessLicenceAsync();
        var approver = await _clients.ApproverAsync("market-regulation");

        var detail = await (await approver.GetAsync($"/api/tasks/{task.Id}")).ReadOkAsync();

        Assert.Equal("SCJG-001", detail.GetProperty("task").GetProperty("matterCode").GetString());
        Assert.Equal(project, detail.GetProperty("project").GetProperty("id").GetGuid());
        Assert.Equal("parallel-approvals", detail.GetProperty("project").GetProperty("currentActivityId").GetString());
    }

    [Fact]
    public async Task A_passing_pre_review_opinion_closes_the_task()
    {
        var id = await TestProjects.FileAndAcceptAsync(factory, "industrial-construction-permit");
        var task = await Steps.OpenTaskAsync(factory, id, "development-reform");
        var approver = await _clients.ApproverAsync("development-reform");

        var result = await (await approver.PostDecisionAsync($"/api/tasks/{task.Id}/opinion",
            new { passed = true, comment = "符合产业政策" })).ReadOkAsync();

        Assert.Equal("joint-pre-review", result.GetProperty("currentActivityId").GetString());
        var closed = (await Steps.ProjectAsync(factory, id)).Tasks.Single(t => t.Id == task.Id);
        Assert.Equal(Outcomes.Passed, closed.Outcome);
        Assert.Equal("符合产业政策", closed.Comment);
    }

    [Fact]
    public async Task A_pre_review_opinion_can_ask_for_correction_items()
    {
        var id = await TestProjects.FileAndAcceptAsync(factory, "industrial-construction-permit");
        var task = await Steps.OpenTaskAsync(factory, id, "fire-rescue");
        var approver = await _clients.ApproverAsync("fire-rescue");

        await (await approver.PostDecisionAsync($"/api/tasks/{task.Id}/opinion",
            new { passed = false, correctionItems = new[] { "补充消防车道设计说明", " " } })).ReadOkAsync();

        var closed = (await Steps.ProjectAsync(factory, id)).Tasks.Single(t => t.Id == task.Id);
        Assert.Equal(Outcomes.CorrectionRequired, closed.Outcome);
        Assert.Equal(["补充消防车道设计说明"], closed.Items);
    }

    [Fact]
    public async Task Findings_are_recorded_on_the_survey_day()
    {
        var id = await Steps.AtSiteSurveyAsync(factory);
        var window = await TestProjects.ActorAsync(factory, "window", ActorRole.WindowClerk);
        await factory.Services.GetRequiredService<WorkflowEngine>().ExecuteAsync(
            new ScheduleSurvey(Guid.NewGuid().ToString(), window, id, new NodaTime.LocalDate(2024, 9, 27)));
        var task = await Steps.OpenTaskAsync(factory, id, "natural-resources");
        var approver = await _clients.ApproverAsync("natural-resources");

        await (await approver.PostDecisionAsync($"/api/tasks/{task.Id}/findings",
            new { agrees = true, findings = "现场与宗地图一致" })).ReadOkAsync();

        var closed = (await Steps.ProjectAsync(factory, id)).Tasks.Single(t => t.Id == task.Id);
        Assert.Equal(Outcomes.Agreed, closed.Outcome);
        Assert.Equal("现场与宗地图一致", closed.Comment);
    }

    [Fact]
    public async Task Approving_a_matter_signs_it_off_and_takes_it_off_the_list()
    {
        var (project, task) = await BusinessLicenceAsync();
        var approver = await _clients.ApproverAsync("market-regulation");

        await (await approver.PostDecisionAsync($"/api/tasks/{task.Id}/decision",
            new { decision = "approve", reasons = "准予设立登记" })).ReadOkAsync();
        var list = (await (await approver.GetAsync("/api/tasks?size=200")).ReadOkAsync()).GetProperty("items");

        Assert.Equal(1, await Steps.SignOffsAsync(factory, project, task.Id));
        Assert.DoesNotContain(list.EnumerateArray(), t => t.GetProperty("id").GetGuid() == task.Id);
        // The business licence was what the seal, invoice and social-insurance matters waited for.
        Assert.Equal(3, (await Steps.ProjectAsync(factory, project)).Tasks.Count(t => t.Status == TaskStatus.Open));
    }

    [Fact]
    public async Task Rejecting_a_matter_rejects_the_project_with_the_reasons()
    {
        var (project, task) = await BusinessLicenceAsync();
        var approver = await _clients.ApproverAsync("market-regulation");

        var result = await (await approver.PostDecisionAsync($"/api/tasks/{task.Id}/decision",
            new { decision = "reject", reasons = "企业名称与已登记名称相同" })).ReadOkAsync();

        Assert.Equal("rejected", result.GetProperty("status").GetString());
        Assert.Contains("企业名称与已登记名称相同", (await Steps.ProjectAsync(factory, project)).OutcomeReason);
    }

    [Fact]
    public async Task Requesting_correction_stops_the_matter_clock_and_asks_the_applicant()
    {
        var (project, task) = await BusinessLicenceAsync();
        var approver = await _clients.ApproverAsync("market-regulation");

        await (await approver.PostDecisionAsync($"/api/tasks/{task.Id}/decision",
            new { decision = "requestCorrection", items = new[] { "公司章程缺少股东签字" } })).ReadOkAsync();

        var instance = await Steps.ProjectAsync(factory, project);
        Assert.Equal(TaskStatus.Suspended, instance.Tasks.Single(t => t.Id == task.Id).Status);
        var correction = instance.Tasks.Single(t => t.Kind == TaskKind.ApplicantCorrection);
        Assert.Equal(["市市场监督管理局：公司章程缺少股东签字"], correction.Items);
    }

    [Fact]
    public async Task A_clock_stop_suspends_the_matter_until_it_is_resumed()
    {
        var (project, task) = await BusinessLicenceAsync();
        var approver = await _clients.ApproverAsync("market-regulation");

        await (await approver.PostDecisionAsync($"/api/tasks/{task.Id}/clock-stop",
            new { reason = "expertReview", notice = "经营范围涉及前置许可，组织专家评审", expectedWorkingDays = 3 })).ReadOkAsync();
        var suspended = await (await approver.GetAsync($"/api/tasks/{task.Id}")).ReadOkAsync();
        var decideWhileStopped = await approver.PostDecisionAsync($"/api/tasks/{task.Id}/decision", new { decision = "approve" });
        await (await approver.PostDecisionAsync($"/api/tasks/{task.Id}/clock-resume", new { })).ReadOkAsync();

        Assert.Equal("suspended", suspended.GetProperty("task").GetProperty("status").GetString());
        await decideWhileStopped.ReadProblemAsync(HttpStatusCode.Conflict);
        var instance = await Steps.ProjectAsync(factory, project);
        var stop = Assert.Single(instance.ClockStops);
        Assert.Equal(ClockStopReason.ExpertReview, stop.Reason);
        Assert.NotNull(stop.ResumesOn);
        Assert.Equal(TaskStatus.Open, instance.Tasks.Single(t => t.Id == task.Id).Status);
    }

    [Fact]
    public async Task An_extension_request_waits_for_a_supervisor()
    {
        var (project, task) = await BusinessLicenceAsync();
        var approver = await _clients.ApproverAsync("market-regulation");

        var result = await (await approver.PostDecisionAsync($"/api/tasks/{task.Id}/extension",
            new { workingDays = 2, reason = "需核查股东身份信息" })).ReadOkAsync();

        var extension = Assert.Single((await Steps.ProjectAsync(factory, project)).Extensions);
        Assert.Equal(extension.Id, result.GetProperty("extensionId").GetGuid());
        Assert.Equal(ExtensionStatus.Pending, extension.Status);
        Assert.Equal(2, extension.WorkingDays);
    }
}
