using System.Net.Http.Json;
using System.Text.Json;
using Approval.Web.Tests.Infrastructure;
using NodaTime;

namespace Approval.Web.Tests.EndToEnd;

/// <summary>
/// 告知承诺 through the API: 企业开办 filed with 营业执照 (SCJG-001) on commitment, approved on it on the day of acceptance,
/// the results issued, then the 事后核查 finds the commitment false: the approval is revoked, tracking and the project
/// show it, the statistics count it and the unit is marked for the credit record.
/// </summary>
public sealed class CommitmentApiTests
{
    private static Instant At(int month, int day) =>
        new LocalDateTime(2024, month, day, 10, 0).InZoneStrictly(DateTimeZoneProviders.Tzdb["Asia/Shanghai"]).ToInstant();

    private static string Id(JsonElement task) => task.GetProperty("id").GetString()!;

    [Fact]
    public async Task Choose_approve_on_commitment_issue_then_a_false_commitment_revokes_and_is_counted()
    {
        await using var factory = new ApprovalWebFactory();
        var walk = new ApiWalk(factory);
        await walk.FileAsync("enterprise-establishment", null, [], ["SCJG-001"]);
        await walk.AcceptAsync();
        var regulation = await walk.As("approver-market-regulation");
        var licence = Assert.Single(await walk.TasksOfAsync("market-regulation"));

        await ApiWalk.Ok(await regulation.PostDecisionAsync($"/api/tasks/{Id(licence)}/decision", new { decision = "approveOnCommitment" }));

        var verification = Assert.Single(await walk.TasksOfAsync("market-regulation"));
        Assert.Equal("commitmentVerification", verification.GetProperty("kind").GetString());
        // 2024-09-27 + 10 working days: 9-29 (调休), 9-30, 10-08, 09, 10, 11, 12 (调休), 14, 15, 16.
        Assert.Equal("2024-10-16", verification.GetProperty("dueOn").GetString());
        foreach (var department in new[] { "public-security", "taxation", "human-resources" })
            await walk.DecideAllAsync(department, "decision", new { decision = "approve" });
        await walk.IssueResultsAsync();
        Assert.Equal("completed", (await walk.TrackAsync()).GetProperty("status").GetString());

        factory.Clock.Reset(At(10, 15));
        var silent = await regulation.PostDecisionAsync($"/api/tasks/{Id(verification)}/verification", new { confirmed = false });
        await silent.AssertInvalidAsync("findings");
        await ApiWalk.Ok(await regulation.PostDecisionAsync($"/api/tasks/{Id(verification)}/verification",
            new { confirmed = false, findings = "住所为虚假地址" }));

        var tracked = await walk.TrackAsync();
        Assert.Equal("completed", tracked.GetProperty("status").GetString());
        var checks = tracked.GetProperty("departments").EnumerateArray().SelectMany(d => d.GetProperty("tasks").EnumerateArray())
            .Where(t => t.GetProperty("kind").GetString() == "commitmentVerification").ToList();
        Assert.Equal("承诺不实，撤销许可", Assert.Single(checks).GetProperty("outcomeLabel").GetString());
        Assert.Contains(tracked.GetProperty("history").EnumerateArray(), e => e.GetProperty("event").GetString() == "approvalRevoked");
        var detail = await walk.DetailAsync();
        Assert.True(detail.GetProperty("investorCreditMarked").GetBoolean());
        Assert.Equal(["SCJG-001"], detail.GetProperty("commitmentMatters").EnumerateArray().Select(c => c.GetString()));
        var statistics = await ApiWalk.Ok(await (await walk.As("supervisor")).GetAsync("/api/supervision/statistics"));
        var counts = statistics.GetProperty("departments").EnumerateArray()
            .Single(d => d.GetProperty("departmentId").GetString() == "market-regulation").GetProperty("decisions");
        Assert.Equal((1, 1), (counts.GetProperty("approvedOnCommitment").GetInt32(), counts.GetProperty("revoked").GetInt32()));
    }

    [Fact]
    public async Task A_matter_not_eligible_for_commitment_is_a_400_and_the_catalogue_shows_which_are()
    {
        await using var factory = new ApprovalWebFactory();
        var walk = new ApiWalk(factory);
        var agent = await walk.As("agent");
        var investorId = await walk.AuthoriseAgentAsync();

        var response = await agent.PostDecisionAsync("/api/projects", new
        {
            definitionId = "enterprise-establishment",
            project = new { projectName = "某贸易公司设立", investorId, division = "320193", industry = "F51",
                investmentAmount = 100, contactName = "张伟", contactPhone = "025-83123456" },
            materials = new[] { "registration-application" },
            commitmentMatters = new[] { "GA-001" },
        });

        Assert.Contains("eligible: SCJG-001", await response.AssertInvalidAsync("commitmentMatters"));
        var matter = await ApiWalk.Ok(await (await walk.As("anonymous")).GetAsync("/api/catalogue/matters/SCJG-001"));
        Assert.Equal(10, matter.GetProperty("commitment").GetProperty("verificationWorkingDays").GetInt32());
    }

    [Fact]
    public async Task A_second_finding_on_a_recorded_verification_is_a_409_saying_when_and_how_it_was_recorded()
    {
        await using var factory = new ApprovalWebFactory();
        var walk = new ApiWalk(factory);
        await walk.FileAsync("enterprise-establishment", null, [], ["SCJG-001"]);
        await walk.AcceptAsync();
        var regulation = await walk.As("approver-market-regulation");
        var licence = Assert.Single(await walk.TasksOfAsync("market-regulation"));
        await ApiWalk.Ok(await regulation.PostDecisionAsync($"/api/tasks/{Id(licence)}/decision", new { decision = "approveOnCommitment" }));
        var verification = Assert.Single(await walk.TasksOfAsync("market-regulation"));
        await ApiWalk.Ok(await regulation.PostDecisionAsync($"/api/tasks/{Id(verification)}/verification", new { confirmed = true }));

        // Another request (another Idempotency-Key), e.g. from a second browser tab.
        var again = await regulation.PostDecisionAsync($"/api/tasks/{Id(verification)}/verification",
            new { confirmed = false, findings = "住所为虚假地址" });

        var problem = await again.ReadProblemAsync(System.Net.HttpStatusCode.Conflict);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Equal("The verification (事后核查) of SCJG-001 was already recorded on 2024-09-27 (commitmentConfirmed); it cannot be recorded again.", detail);
        Assert.Equal("这项事后核查已于 2024年9月27日 办结（核查属实），不能再次核查。",
            Approval.Web.Components.Pages.Tasks.TaskMessages.OfRefusal(new Approval.Engine.Runtime.ConflictException(detail)));
    }
}
