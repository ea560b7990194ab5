using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approval.Engine.Runtime;
using Approval.Testing;
using Approval.Web.Tests.Infrastructure;
using Approval.Web.Tests.Supervision;

namespace Approval.Web.Tests.Service;

/// <summary>
/// 好差评 and 督办 over HTTP on 企业开办 accepted on Friday 2024-09-27 (营业执照 due on the working Sunday 09-29, then 国庆):
/// the agent rates in the investor's name, a 差评's rectification is closed by its department with the call-back, the
/// supervisor escalates a late matter, the department replies and the supervisor closes; roles and bad input.
/// </summary>
public sealed class AfterServiceApiTests(ApprovalWebFactory factory) : IClassFixture<ApprovalWebFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<Guid> LicenceApprovedAsync()
    {
        factory.Clock.Reset(FakeClock.AtShanghai(2024, 9, 27, 10).GetCurrentInstant());
        var id = await Scenario.RunningAsync(factory);
        await Scenario.DecideAsync(factory, id, "market-regulation");
        return id;
    }

    [Fact]
    public async Task The_agent_rates_a_decided_matter_and_reads_it_back_editable()
    {
        var id = await LicenceApprovedAsync();
        var agent = await factory.ClientForAsync("agent");

        var response = await agent.PostDecisionAsync($"/api/projects/{id}/ratings",
            new { matterCode = "SCJG-001", level = "verySatisfied", reason = "efficient" });
        var rateable = await agent.GetFromJsonAsync<JsonElement>($"/api/projects/{id}/ratings", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var licence = rateable.EnumerateArray().Single(r => r.GetProperty("matterCode").GetString() == "SCJG-001");
        var rating = licence.GetProperty("rating");
        Assert.Equal(("verySatisfied", "非常满意", true), (rating.GetProperty("level").GetString(), rating.GetProperty("levelLabel").GetString(),
            rating.GetProperty("editable").GetBoolean()));
        // Five working days after 09-27: 09-29 (a working Sunday), 09-30, then 国庆 to 10-07, 10-08, 10-09, 10-10.
        Assert.Equal("2024-10-10", rating.GetProperty("editableUntil").GetString());
    }

    [Fact]
    public async Task Bad_input_is_a_problem_naming_the_field_and_nothing_is_stored()
    {
        var id = await LicenceApprovedAsync();
        var agent = await factory.ClientForAsync("agent");

        await (await agent.PostDecisionAsync($"/api/projects/{id}/ratings", new { matterCode = "SCJG-001", reason = "efficient" })).AssertInvalidAsync("level");
        await (await agent.PostDecisionAsync($"/api/projects/{id}/ratings", new { matterCode = "SCJG-001", level = "dissatisfied", reason = "slow" }))
            .AssertInvalidAsync("comment");
        await (await agent.PostDecisionAsync($"/api/projects/{id}/ratings", new { matterCode = "SCJG-001", level = "satisfied", reason = "slow" }))
            .AssertInvalidAsync("reason");

        var rateable = await agent.GetFromJsonAsync<JsonElement>($"/api/projects/{id}/ratings", Ct);
        Assert.All(rateable.EnumerateArray(), r => Assert.Equal(JsonValueKind.Null, r.GetProperty("rating").ValueKind));
    }

    [Fact]
    public async Task Roles_are_enforced_and_the_scorecard_is_public()
    {
        var id = await LicenceApprovedAsync();

        var approver = await factory.ClientForAsync("approver-market-regulation");
        Assert.Equal(HttpStatusCode.Forbidden, (await approver.PostDecisionAsync($"/api/projects/{id}/ratings",
            new { matterCode = "SCJG-001", level = "satisfied", reason = "efficient" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await approver.GetAsync("/api/supervision/ratings", Ct)).StatusCode);
        var window = await factory.ClientForAsync("window");
        Assert.Equal(HttpStatusCode.Forbidden, (await window.GetAsync("/api/supervision/ranking", Ct)).StatusCode);
        var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/supervision/escalations", Ct)).StatusCode);

        var scorecard = await anonymous.GetFromJsonAsync<JsonElement>("/api/public/scorecard", Ct);
        var market = scorecard.GetProperty("departments").EnumerateArray().Single(d => d.GetProperty("departmentId").GetString() == "market-regulation");
        Assert.Equal("市市场监督管理局", market.GetProperty("departmentName").GetString());
        Assert.True(market.GetProperty("decided").GetInt32() >= 1);
    }

    [Fact]
    public async Task A_bad_rating_opens_a_rectification_the_department_closes_with_the_call_back_and_the_supervisor_sees_it_without_the_rater()
    {
        var id = await LicenceApprovedAsync();
        var agent = await factory.ClientForAsync("agent");
        var rated = await agent.PostDecisionAsync($"/api/projects/{id}/ratings",
            new { matterCode = "SCJG-001", level = "veryDissatisfied", reason = "poorAttitude", comment = "窗口人员态度生硬" });
        var result = await rated.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var rectification = result.GetProperty("openedTasks").EnumerateArray().Single(t => t.GetProperty("kind").GetString() == "rectification")
            .GetProperty("taskId").GetGuid();
        var approver = await factory.ClientForAsync("approver-market-regulation");

        await (await approver.PostDecisionAsync($"/api/tasks/{rectification}/rectification", new { measures = "开展服务规范培训" })).AssertInvalidAsync("callBack");
        var closed = await approver.PostDecisionAsync($"/api/tasks/{rectification}/rectification",
            new { measures = "开展服务规范培训", callBack = "10月8日电话回访，申请人表示满意" });
        var supervisor = await factory.ClientForAsync("supervisor");
        var list = await supervisor.GetFromJsonAsync<JsonElement>("/api/supervision/rectifications", Ct);

        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var row = list.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("taskId").GetGuid() == rectification);
        Assert.Equal(("done", "窗口人员态度生硬"), (row.GetProperty("status").GetString(), row.GetProperty("comment").GetString()));
        Assert.False(row.TryGetProperty("ratedBy", out _));
        Assert.DoesNotContain("agent", row.GetRawText(), StringComparison.OrdinalIgnoreCase);
        var counts = await supervisor.GetFromJsonAsync<JsonElement>("/api/supervision/ratings?by=department", Ct);
        Assert.Contains(counts.EnumerateArray(), c => c.GetProperty("key").GetString() == "market-regulation" && c.GetProperty("veryDissatisfied").GetInt32() >= 1);
        await (await supervisor.GetAsync("/api/supervision/ratings?by=window", Ct)).AssertInvalidAsync("by");
    }

    [Fact]
    public async Task The_supervisor_escalates_a_late_matter_the_department_replies_and_the_supervisor_closes_it()
    {
        var id = await LicenceApprovedAsync();
        var seal = (await Scenario.ProjectAsync(factory, id)).Tasks.Single(t => t.MatterCode == "GA-001" && t.IsOpen);
        factory.Clock.Reset(FakeClock.AtShanghai(2024, 10, 8, 10).GetCurrentInstant());
        var supervisor = await factory.ClientForAsync("supervisor");

        await (await supervisor.PostDecisionAsync("/api/supervision/escalations", new { projectId = id, taskId = seal.Id, replyWorkingDays = 2 }))
            .AssertInvalidAsync("notice");
        var issued = await supervisor.PostDecisionAsync("/api/supervision/escalations",
            new { projectId = id, taskId = seal.Id, notice = "印章刻制已超期，请说明原因", replyWorkingDays = 2 });
        var reply = (await issued.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("openedTasks").EnumerateArray()
            .Single(t => t.GetProperty("kind").GetString() == "escalationReply").GetProperty("taskId").GetGuid();
        var police = await factory.ClientForAsync("approver-public-security");
        var replied = await police.PostDecisionAsync($"/api/tasks/{reply}/escalation-reply", new { reply = "系统故障，已于当日补办" });
        var escalation = (await supervisor.GetFromJsonAsync<JsonElement>("/api/supervision/escalations", Ct)).EnumerateArray()
            .Single(e => e.GetProperty("replyTaskId").GetGuid() == reply);
        var closed = await supervisor.PostDecisionAsync($"/api/supervision/escalations/{escalation.GetProperty("id").GetGuid()}/close", new { note = "已核实" });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (issued.StatusCode, replied.StatusCode, closed.StatusCode));
        Assert.Equal(("replied", "2024-10-10"), (escalation.GetProperty("status").GetString(), escalation.GetProperty("replyDueOn").GetString()));
        var ranking = await supervisor.GetFromJsonAsync<JsonElement>("/api/supervision/ranking?month=2024-10", Ct);
        var security = ranking.GetProperty("departments").EnumerateArray().Single(d => d.GetProperty("departmentId").GetString() == "public-security");
        Assert.True(security.GetProperty("escalations").GetInt32() >= 1);
        await (await supervisor.GetAsync("/api/supervision/ranking?month=2024-13", Ct)).AssertInvalidAsync("month");
    }
}
