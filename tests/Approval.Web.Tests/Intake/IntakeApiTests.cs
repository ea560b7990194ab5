using System.Net;
using Approval.Engine.Definitions;
using Approval.Engine.Runtime;
using Approval.Web.Tests.Infrastructure;
using Approval.Web.Tests.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Web.Tests.Intake;

/// <summary>The window's work over HTTP: queue, checklist, accept, accept with deficiencies, return, refuse, receipt, survey, results.</summary>
public sealed partial class IntakeApiTests(ApprovalWebFactory factory) : IClassFixture<ApprovalWebFactory>
{
    private readonly Clients _clients = new(factory);

    private Task<HttpClient> WindowAsync() => _clients.AsAsync("window");

    private static List<string> AllMaterialsBut(ApprovalWebFactory factory, string definitionId, params string[] missing) =>
        factory.Services.GetRequiredService<WorkflowEngine>().Catalog.Latest(definitionId).Intake
        .Materials.Select(m => m.Code).Except(missing).ToList();

    [Fact]
    public async Task Queue_lists_filings_waiting_for_the_window_and_not_accepted_ones()
    {
        var waiting = await TestProjects.FileAsync(factory, "enterprise-establishment");
        var accepted = await TestProjects.FileAndAcceptAsync(factory, "enterprise-establishment");
        var window = await WindowAsync();

        var queue = (await (await window.GetAsync("/api/intake/queue?size=200")).ReadOkAsync()).GetProperty("items");

        var entry = queue.EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == waiting);
        Assert.Equal("filed", entry.GetProperty("status").GetString());
        Assert.Equal("测试项目", entry.GetProperty("projectName").GetString());
        Assert.DoesNotContain(queue.EnumerateArray(), p => p.GetProperty("id").GetGuid() == accepted);
    }

    [Fact]
    public async Task Checklist_shows_each_material_and_what_is_missing()
    {
        var id = await TestProjects.FileAsync(factory, "enterprise-establishment",
            AllMaterialsBut(factory, "enterprise-establishment", "bank-account"));
        var window = await WindowAsync();

        var checklist = await (await window.GetAsync($"/api/intake/{id}/checklist")).ReadOkAsync();

        var bank = checklist.GetProperty("materials").EnumerateArray().Single(m => m.GetProperty("code").GetString() == "bank-account");
        Assert.False(bank.GetProperty("submitted").GetBoolean());
        Assert.True(bank.GetProperty("deficiencyAllowed").GetBoolean());
        Assert.Equal("bank-account", Assert.Single(checklist.GetProperty("missing").EnumerateArray()).GetProperty("code").GetString());
        Assert.Equal(2, checklist.GetProperty("maxDeficiencyWorkingDays").GetInt32());
    }

    [Fact]
    public async Task Acceptance_issues_the_receipt_with_project_code_query_key_and_deadline()
    {
        var id = await TestProjects.FileAsync(factory, "enterprise-establishment");
        var window = await WindowAsync();

        var result = await (await window.PostDecisionAsync($"/api/intake/{id}/acceptance", new { })).ReadOkAsync();
        var receipt = await (await window.GetAsync($"/api/intake/{id}/receipt")).ReadOkAsync();

        Assert.Equal("running", result.GetProperty("status").GetString());
        Assert.False(result.GetProperty("replayed").GetBoolean());
        Assert.Equal(result.GetProperty("projectCode").GetString(), receipt.GetProperty("projectCode").GetString());
        Assert.Equal(result.GetProperty("queryKey").GetString(), receipt.GetProperty("queryKey").GetString());
        Assert.Equal(10, receipt.GetProperty("queryKey").GetString()!.Length);
        Assert.True(receipt.GetProperty("projectCodeLocallyIssued").GetBoolean());
        Assert.Equal("测试项目", receipt.GetProperty("projectName").GetString());
        Assert.Equal("企业开办", receipt.GetProperty("definitionName").GetString());
        Assert.Equal("2024-09-27", receipt.GetProperty("acceptedOn").GetString());
        // 3 working days from Friday 27 September: Sunday the 29th (调休上班), the 30th, then 8 October after National Day.
        Assert.Equal("2024-10-08", receipt.GetProperty("dueOn").GetString());
        Assert.Equal(3, receipt.GetProperty("targetWorkingDays").GetInt32());
        Assert.Empty(receipt.GetProperty("deficiencies").EnumerateArray());
        // The answer names the departments' tasks the acceptance opened, so the window can tell the applicant who has it now.
        var opened = result.GetProperty("openedTasks").EnumerateArray().ToList();
        Assert.NotEmpty(opened);
        Assert.All(opened, t =>
        {
            Assert.Equal("matterDecision", t.GetProperty("kind").GetString());
            Assert.False(string.IsNullOrEmpty(t.GetProperty("departmentId").GetString()));
            Assert.NotEqual(Guid.Empty, t.GetProperty("taskId").GetGuid());
        });
    }

    [Fact]
    public async Task Acceptance_with_a_promised_date_records_the_deficiencies_on_the_receipt()
    {
        var id = await TestProjects.FileAsync(factory, "enterprise-establishment",
            AllMaterialsBut(factory, "enterprise-establishment", "bank-account"));
        var window = await WindowAsync();

        var result = await (await window.PostDecisionAsync($"/api/intake/{id}/acceptance", new { promisedBy = "2024-09-30" })).ReadOkAsync();
        var receipt = await (await window.GetAsync($"/api/intake/{id}/receipt")).ReadOkAsync();

        Assert.Equal("running", result.GetProperty("status").GetString());
        var deficiency = Assert.Single(receipt.GetProperty("deficiencies").EnumerateArray());
        Assert.Equal("bank-account", deficiency.GetProperty("code").GetString());
        Assert.Equal("单位银行结算账户信息", deficiency.GetProperty("name").GetString());
        Assert.Equal("2024-09-30", receipt.GetProperty("deficienciesDueOn").GetString());
    }

    [Fact]
    public async Task Return_answers_with_the_one_time_notice_of_every_missing_item()
    {
        var id = await TestProjects.FileAsync(factory, "enterprise-establishment",
            AllMaterialsBut(factory, "enterprise-establishment", "articles-of-association", "premises-proof"));
        var window = await WindowAsync();

        var notice = await (await window.PostDecisionAsync($"/api/intake/{id}/return", new { note = "申请表须加盖公章" })).ReadOkAsync();

        Assert.Equal("returned", notice.GetProperty("result").GetProperty("status").GetString());
        Assert.Equal(["articles-of-association", "premises-proof"],
            notice.GetProperty("missing").EnumerateArray().Select(m => m.GetProperty("code").GetString()!).Order().ToArray());
        Assert.Equal("申请表须加盖公章", notice.GetProperty("note").GetString());
        Assert.Equal(InstanceStatus.Returned, (await Steps.ProjectAsync(factory, id)).Status);
    }

    [Fact]
    public async Task Refusal_ends_the_project_with_its_reason_and_leaves_no_receipt()
    {
        var id = await TestProjects.FileAsync(factory, "enterprise-establishment");
        var window = await WindowAsync();

        var result = await (await window.PostDecisionAsync($"/api/intake/{id}/refusal", new { reason = "不属于本中心受理范围" })).ReadOkAsync();
        var receipt = await window.GetAsync($"/api/intake/{id}/receipt");

        Assert.Equal("refused", result.GetProperty("status").GetString());
        Assert.Equal("不属于本中心受理范围", (await Steps.ProjectAsync(factory, id)).OutcomeReason);
        await receipt.ReadProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Survey_date_is_fixed_on_a_working_day()
    {
        var id = await Steps.AtSiteSurveyAsync(factory);
        var window = await WindowAsync();

        var result = await (await window.PostDecisionAsync($"/api/intake/{id}/survey", new { date = "2024-09-30" })).ReadOkAsync();

        Assert.Equal("site-survey", result.GetProperty("currentActivityId").GetString());
        Assert.Equal(new NodaTime.LocalDate(2024, 9, 30), (await Steps.ProjectAsync(factory, id)).SurveyOn);
    }

    [Fact]
    public async Task Issuing_the_results_completes_the_project()
    {
        var id = await Steps.AtCompletionAsync(factory);
        var window = await WindowAsync();

        var result = await (await window.PostDecisionAsync($"/api/intake/{id}/results", new { })).ReadOkAsync();

        Assert.Equal("completed", result.GetProperty("status").GetString());
        Assert.True((await Steps.ProjectAsync(factory, id)).OnTime);
    }
}
