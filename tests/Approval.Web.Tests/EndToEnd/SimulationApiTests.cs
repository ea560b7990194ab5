using System.Net;
using System.Text.Json;
using Approval.Web.Tests.Infrastructure;

namespace Approval.Web.Tests.EndToEnd;

/// <summary>
/// 模拟审批 through the API: the industrial permit filed in simulation without the land contract on Friday 2024-09-27,
/// reviewed with simulated decisions (nothing issued), shown as such to the investor, the window and the supervisor,
/// converted by the window once the land contract is handed in, confirmed by each department and issued.
/// </summary>
public sealed class SimulationApiTests
{
    private const string Permit = "industrial-construction-permit";

    private static string Id(JsonElement task) => task.GetProperty("id").GetString()!;

    /// <summary>Pre-review passes, the survey is today and agrees, every department records its simulated approval.</summary>
    private static async Task ReviewInSimulationAsync(ApiWalk walk)
    {
        foreach (var department in await walk.OpenDepartmentsAsync())
            await walk.DecideAllAsync(department, "opinion", new { passed = true });
        await ApiWalk.Ok(await (await walk.As("window")).PostDecisionAsync($"/api/intake/{walk.Id}/survey", new { date = "2024-09-27" }));
        foreach (var department in await walk.OpenDepartmentsAsync())
            await walk.DecideAllAsync(department, "findings", new { agrees = true, findings = "现场与申报一致" });
        for (var round = 0; round < 3; round++)
            foreach (var department in await walk.OpenDepartmentsAsync())
            {
                var tasks = await walk.TasksOfAsync(department);
                Assert.All(tasks, t => Assert.True(t.GetProperty("simulated").GetBoolean()));
                await walk.DecideAllAsync(department, "decision", new { decision = "approve", reasons = "模拟审批意见：符合条件" });
            }
        Assert.Empty(await walk.OpenDepartmentsAsync());
    }

    [Fact]
    public async Task Simulate_show_convert_on_the_land_contract_confirm_and_issue()
    {
        await using var factory = new ApprovalWebFactory();
        var walk = new ApiWalk(factory);
        await walk.FileAsync(Permit, null, ["land-transfer-contract"], simulation: true);
        await walk.AcceptAsync();

        var tracked = await walk.TrackAsync();
        Assert.Equal(("simulating", "模拟审批", "2025-03-27"), (tracked.GetProperty("simulation").GetString(),
            tracked.GetProperty("simulationLabel").GetString(), tracked.GetProperty("simulationExpiresOn").GetString()));
        Assert.Contains(tracked.GetProperty("history").EnumerateArray(), e => e.GetProperty("event").GetString() == "simulationChosen");

        await ReviewInSimulationAsync(walk);
        var detail = await walk.DetailAsync();
        Assert.Equal("simulating", detail.GetProperty("project").GetProperty("simulation").GetString());
        var decisions = detail.GetProperty("tasks").EnumerateArray().Where(t => t.GetProperty("kind").GetString() == "matterDecision").ToList();
        Assert.Equal(7, decisions.Count);
        Assert.All(decisions, t => Assert.Equal(("simulatedApproved", "模拟审批意见：同意", true),
            (t.GetProperty("outcome").GetString(), t.GetProperty("outcomeLabel").GetString(), t.GetProperty("simulated").GetBoolean())));
        var supervisor = await walk.As("supervisor");
        var simulating = await ApiWalk.Ok(await supervisor.GetAsync("/api/supervision/projects?simulation=simulating&size=200"));
        Assert.Contains(simulating.GetProperty("items").EnumerateArray(), p => p.GetProperty("project").GetProperty("id").GetString() == walk.Id.ToString());
        var formal = await ApiWalk.Ok(await supervisor.GetAsync("/api/supervision/projects?simulation=none&size=200"));
        Assert.DoesNotContain(formal.GetProperty("items").EnumerateArray(), p => p.GetProperty("project").GetProperty("id").GetString() == walk.Id.ToString());

        var window = await walk.As("window");
        var early = await window.PostDecisionAsync($"/api/intake/{walk.Id}/conversion", new { });
        var problem = await early.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("land contract", problem.GetProperty("detail").GetString());

        await walk.HandInAsync("land-transfer-contract");
        await ApiWalk.Ok(await window.PostDecisionAsync($"/api/intake/{walk.Id}/conversion", new { reopenMatters = Array.Empty<string>(), note = "土地已摘牌" }));

        var converted = await walk.DetailAsync();
        Assert.Equal(("converted", "2024-09-27"), (converted.GetProperty("project").GetProperty("simulation").GetString(),
            converted.GetProperty("project").GetProperty("convertedOn").GetString()));
        var confirmations = await walk.TasksOfAsync("natural-resources");
        Assert.Equal(2, confirmations.Count);
        // 3 working days from 9-27: 9-29 (a working Sunday), 9-30, then 10-08 after the National Day week.
        Assert.All(confirmations, t => Assert.Equal(("simulationConfirmation", "2024-10-08", false),
            (t.GetProperty("kind").GetString(), t.GetProperty("dueOn").GetString(), t.GetProperty("simulated").GetBoolean())));
        foreach (var department in await walk.OpenDepartmentsAsync())
            await walk.DecideAllAsync(department, "decision", new { decision = "approve" });
        await walk.IssueResultsAsync();

        var done = await walk.TrackAsync();
        Assert.Equal(("completed", "converted"), (done.GetProperty("status").GetString(), done.GetProperty("simulation").GetString()));
        Assert.Contains(done.GetProperty("history").EnumerateArray(), e => e.GetProperty("event").GetString() == "simulationConverted");
    }

    [Fact]
    public async Task Bad_conversion_and_filing_input_is_a_400_naming_the_field()
    {
        await using var factory = new ApprovalWebFactory();
        var walk = new ApiWalk(factory);
        await walk.FileAsync(Permit, null, ["land-transfer-contract"], simulation: true);
        await walk.AcceptAsync();
        await ReviewInSimulationAsync(walk);
        await walk.HandInAsync("land-transfer-contract");
        var window = await walk.As("window");

        var unknown = await window.PostDecisionAsync($"/api/intake/{walk.Id}/conversion", new { reopenMatters = new[] { "SCJG-001" } });
        Assert.Contains("no simulated approval", await unknown.AssertInvalidAsync("reopenMatters"));
        var blank = await window.PostDecisionAsync($"/api/intake/{walk.Id}/conversion", new { reopenMatters = new[] { " " } });
        await blank.AssertInvalidAsync("reopenMatters[0]");
        var filter = await (await walk.As("supervisor")).GetAsync("/api/supervision/projects?simulation=maybe");
        await filter.AssertInvalidAsync("simulation");

        var other = new ApiWalk(factory);
        var agent = await other.As("agent");
        var investorId = await walk.AuthoriseAgentAsync();
        var refused = await agent.PostDecisionAsync("/api/projects", new
        {
            definitionId = "enterprise-establishment",
            project = new { projectName = "某贸易公司设立", investorId, division = "320193", industry = "F51",
                investmentAmount = 100, contactName = "张伟", contactPhone = "025-83123456" },
            materials = new[] { "registration-application" },
            simulation = true,
        });
        Assert.Contains("does not allow simulated approval", await refused.AssertInvalidAsync("simulation"));

        var reopened = await ApiWalk.Ok(await window.PostDecisionAsync($"/api/intake/{walk.Id}/conversion", new { reopenMatters = new[] { "HB-001" } }));
        var review = Assert.Single(await walk.TasksOfAsync("ecology-environment"));
        Assert.Equal("matterDecision", review.GetProperty("kind").GetString());
        Assert.Contains(reopened.GetProperty("openedTasks").EnumerateArray(), t => t.GetProperty("taskId").GetString() == Id(review));
    }
}
