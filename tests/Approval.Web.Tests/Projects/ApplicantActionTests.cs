using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Supervision;
using Approval.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using TaskStatus = Approval.Engine.Runtime.TaskStatus;

namespace Approval.Web.Tests.Projects;

/// <summary>The applicant's answers: correction (补正), resubmission after a one-time notice, 容缺 materials.</summary>
public sealed class ApplicantActionTests(ApprovalWebFactory factory) : IClassFixture<ApprovalWebFactory>
{
    private WorkflowEngine Engine => factory.Services.GetRequiredService<WorkflowEngine>();

    [Fact]
    public async Task A_correction_request_is_seen_answered_and_then_closed()
    {
        var (id, items) = await CorrectionRequestedAsync();
        var agent = await factory.ClientForAsync("agent");

        var open = await agent.GetFromJsonAsync<List<JsonElement>>($"/api/projects/{id}/corrections");
        var task = Assert.Single(open!);
        Assert.Equal(items.Select(i => "市市场监督管理局：" + i), task.GetProperty("items").EnumerateArray().Select(i => i.GetString() ?? "").ToList());

        var response = await agent.PostDecisionAsync($"/api/corrections/{task.GetProperty("id").GetGuid()}",
            new { materials = new[] { "premises-proof" }, note = "已补充租赁合同备案证明" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty((await agent.GetFromJsonAsync<List<JsonElement>>($"/api/projects/{id}/corrections"))!);
    }

    [Fact]
    public async Task Answering_a_correction_that_is_no_longer_open_is_a_conflict()
    {
        var (id, _) = await CorrectionRequestedAsync();
        var agent = await factory.ClientForAsync("agent");
        var taskId = (await agent.GetFromJsonAsync<List<JsonElement>>($"/api/projects/{id}/corrections"))![0].GetProperty("id").GetGuid();
        await agent.PostDecisionAsync($"/api/corrections/{taskId}", new { materials = new[] { "premises-proof" } });

        var again = await agent.PostDecisionAsync($"/api/corrections/{taskId}", new { materials = new[] { "premises-proof" } });

        await again.ReadProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_correction_with_an_unknown_material_is_refused_and_the_request_stays_open()
    {
        var (id, _) = await CorrectionRequestedAsync();
        var agent = await factory.ClientForAsync("agent");
        var taskId = (await agent.GetFromJsonAsync<List<JsonElement>>($"/api/projects/{id}/corrections"))![0].GetProperty("id").GetGuid();

        var response = await agent.PostDecisionAsync($"/api/corrections/{taskId}", new { materials = new[] { "premises-proof", "photo-of-cat" } });

        await response.AssertInvalidAsync("materials[1]");
        Assert.Single((await agent.GetFromJsonAsync<List<JsonElement>>($"/api/projects/{id}/corrections"))!);
    }

    [Fact]
    public async Task An_agent_who_may_not_see_the_project_cannot_answer_its_correction()
    {
        var (id, _) = await CorrectionRequestedAsync();
        var taskId = (await factory.Services.GetRequiredService<ProjectReader>().GetAsync(Actor.System, id)).Tasks
            .Single(t => t.Kind == TaskKind.ApplicantCorrection && t.IsOpen).Id;
        var (stranger, _) = await Filings.NewAgentAsync(factory, "agent-stranger");

        var response = await stranger.PostDecisionAsync($"/api/corrections/{taskId}", new { materials = new[] { "premises-proof" } });

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PostDecisionAsync($"/api/corrections/{Guid.NewGuid()}", new { materials = Array.Empty<string>() }))
            .ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_returned_filing_is_resubmitted_and_the_missing_material_counts_once_handed_in()
    {
        var all = Filings.Checklist(Filings.Definition);
        var id = await TestProjects.FileAsync(factory, Filings.Definition, all.Where(c => c != "articles-of-association"));
        await Engine.ExecuteAsync(new ReturnApplication(Guid.NewGuid().ToString(), await WindowAsync(), id, null));
        var agent = await factory.ClientForAsync("agent");

        var response = await agent.PostDecisionAsync($"/api/projects/{id}/resubmission", new { materials = new[] { "articles-of-association" } });
        var resubmitted = await agent.GetFromJsonAsync<JsonElement>($"/api/projects/{id}");
        await TestProjects.HandInAsync(factory, id, ["articles-of-association"]);
        var handedIn = await agent.GetFromJsonAsync<JsonElement>($"/api/projects/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("filed", resubmitted.GetProperty("project").GetProperty("status").GetString(), ignoreCase: true);
        Assert.Equal(["articles-of-association"], resubmitted.GetProperty("missingMaterials").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(0, handedIn.GetProperty("missingMaterials").GetArrayLength());
    }

    [Fact]
    public async Task Resubmitting_a_filing_that_was_not_returned_is_a_conflict()
    {
        var id = await TestProjects.FileAsync(factory, Filings.Definition);
        var agent = await factory.ClientForAsync("agent");

        var response = await agent.PostDecisionAsync($"/api/projects/{id}/resubmission", new { materials = Array.Empty<string>() });

        await response.ReadProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_promised_material_named_but_not_handed_in_stays_outstanding_until_it_is()
    {
        var all = Filings.Checklist(Filings.Definition);
        var id = await TestProjects.FileAsync(factory, Filings.Definition, all.Where(c => c != "bank-account"));
        await Engine.ExecuteAsync(new AcceptWithDeficiencies(Guid.NewGuid().ToString(), await WindowAsync(), id, new LocalDate(2024, 9, 29)));
        var agent = await factory.ClientForAsync("agent");

        var response = await agent.PostDecisionAsync($"/api/projects/{id}/deficiencies", new { materials = new[] { "bank-account" } });
        var outstanding = await agent.GetFromJsonAsync<JsonElement>($"/api/projects/{id}");
        await TestProjects.HandInAsync(factory, id, ["bank-account"]);
        var fulfilled = await agent.GetFromJsonAsync<JsonElement>($"/api/projects/{id}");

        Assert.Contains("单位银行结算账户信息", (await response.ReadProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        Assert.Equal(["bank-account"], outstanding.GetProperty("deficiencies").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(0, fulfilled.GetProperty("deficiencies").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, fulfilled.GetProperty("deficienciesDueOn").ValueKind);
    }

    [Fact]
    public async Task Supplying_without_the_materials_field_is_refused_naming_it()
    {
        var id = await TestProjects.FileAsync(factory, Filings.Definition);
        var agent = await factory.ClientForAsync("agent");

        var response = await agent.PostDecisionAsync($"/api/projects/{id}/deficiencies", new { note = "?" });

        await response.AssertInvalidAsync("materials");
    }

    /// <summary>Files and accepts a project, then one department asks for a correction of its matter.</summary>
    private async Task<(Guid Id, List<string> Items)> CorrectionRequestedAsync()
    {
        var id = await TestProjects.FileAndAcceptAsync(factory, Filings.Definition);
        var project = await factory.Services.GetRequiredService<ProjectReader>().GetAsync(Actor.System, id);
        var matter = project.Tasks.First(t => t.Kind == TaskKind.MatterDecision && t.Status == TaskStatus.Open);
        var approver = await TestProjects.ActorAsync(factory, $"approver-{matter.DepartmentId}", ActorRole.Approver);
        List<string> items = ["住所使用证明需提供租赁合同备案证明"];
        await Engine.ExecuteAsync(new DecideMatter(Guid.NewGuid().ToString(), approver, matter.Id, MatterDecision.RequestCorrection,
            "住所材料不完整", items));
        return (id, items);
    }

    private Task<Actor> WindowAsync() => TestProjects.ActorAsync(factory, "window", ActorRole.WindowClerk);
}
