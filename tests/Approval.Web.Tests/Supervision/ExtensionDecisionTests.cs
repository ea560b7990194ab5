using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approval.Testing;
using Approval.Web.Tests.Infrastructure;

namespace Approval.Web.Tests.Supervision;

public sealed class ExtensionDecisionTests(ApprovalWebFactory factory) : IClassFixture<ApprovalWebFactory>
{
    private static string DecisionUrl(Guid extensionId) => $"/api/supervision/extensions/{extensionId}/decision";

    /// <summary>A running project at 2024-09-27 whose business licence (due 09-29) waits for a 2-day extension.</summary>
    private async Task<(Guid Project, Guid Extension)> RequestedAsync()
    {
        factory.Clock.Reset(FakeClock.AtShanghai(2024, 9, 27, 10).GetCurrentInstant());
        var id = await Scenario.RunningAsync(factory);
        return (id, await Scenario.RequestExtensionAsync(factory, id, "market-regulation", 2, "需现场核查经营场所"));
    }

    [Fact]
    public async Task A_pending_request_is_listed_with_its_project_and_matter()
    {
        var (id, extension) = await RequestedAsync();
        var http = await factory.ClientForAsync("supervisor");

        var pending = await AllPendingAsync(http);

        var mine = pending.EnumerateArray().Single(e => e.GetProperty("extension").GetProperty("id").GetGuid() == extension);
        Assert.Equal(id, mine.GetProperty("extension").GetProperty("instanceId").GetGuid());
        Assert.Equal(("SCJG-001", "market-regulation", "需现场核查经营场所", true), (mine.GetProperty("matterCode").GetString(),
            mine.GetProperty("departmentId").GetString(), mine.GetProperty("extension").GetProperty("reason").GetString(),
            mine.GetProperty("decidable").GetBoolean()));
        Assert.Equal(2, mine.GetProperty("extension").GetProperty("workingDays").GetInt32());
    }

    [Fact]
    public async Task Approving_moves_the_matter_and_the_project_deadline_and_clears_the_request()
    {
        var (_, extension) = await RequestedAsync();
        var http = await factory.ClientForAsync("supervisor");

        var response = await http.PostDecisionAsync(DecisionUrl(extension), new { approve = true, note = "同意延期" });

        var decision = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("approved", decision.GetProperty("status").GetString());
        // 09-29 + 2 working days: 09-30, then 10-08 after National Day; the project's 3 days become 5: 10-10.
        Assert.Equal("2024-10-08", decision.GetProperty("taskDueOn").GetString());
        Assert.Equal("2024-10-10", decision.GetProperty("projectDueOn").GetString());
        var pending = await AllPendingAsync(http);
        Assert.DoesNotContain(pending.EnumerateArray(), e => e.GetProperty("extension").GetProperty("id").GetGuid() == extension);
    }

    [Fact]
    public async Task A_refusal_is_shown_to_the_investor_with_its_note()
    {
        var (id, extension) = await RequestedAsync();
        var http = await factory.ClientForAsync("supervisor");
        var project = await Scenario.ProjectAsync(factory, id);

        var response = await http.PostDecisionAsync(DecisionUrl(extension), new { approve = false, note = "材料齐全，应按时办结" });
        var tracking = await factory.CreateClient().GetFromJsonAsync<JsonElement>(
            $"/api/tracking?code={project.ProjectCode}&key={project.QueryKey}", TestContext.Current.CancellationToken);

        var decision = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(("refused", "2024-09-29"), (decision.GetProperty("status").GetString(), decision.GetProperty("taskDueOn").GetString()));
        var shown = Assert.Single(tracking.GetProperty("extensions").EnumerateArray());
        Assert.Equal(("refused", "需现场核查经营场所", "材料齐全，应按时办结", 2), (shown.GetProperty("status").GetString(),
            shown.GetProperty("reason").GetString(), shown.GetProperty("decisionNote").GetString(), shown.GetProperty("workingDays").GetInt32()));
    }

    [Fact]
    public async Task A_retry_with_the_same_key_changes_nothing_and_says_so()
    {
        var (_, extension) = await RequestedAsync();
        var http = await factory.ClientForAsync("supervisor");
        var key = Guid.NewGuid().ToString();

        var first = await http.PostDecisionAsync(DecisionUrl(extension), new { approve = true }, key);
        var retry = await http.PostDecisionAsync(DecisionUrl(extension), new { approve = true }, key);

        var answer = await retry.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, retry.StatusCode));
        Assert.True(answer.GetProperty("replayed").GetBoolean());
        Assert.Equal("2024-10-08", answer.GetProperty("taskDueOn").GetString());
    }

    [Fact]
    public async Task Deciding_a_decided_request_again_is_a_conflict()
    {
        var (_, extension) = await RequestedAsync();
        var http = await factory.ClientForAsync("supervisor");
        await http.PostDecisionAsync(DecisionUrl(extension), new { approve = true });

        var again = await http.PostDecisionAsync(DecisionUrl(extension), new { approve = false });

        await again.ReadProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_key_used_for_one_request_cannot_decide_another()
    {
        var (_, first) = await RequestedAsync();
        var (_, second) = await RequestedAsync();
        var http = await factory.ClientForAsync("supervisor");
        var key = Guid.NewGuid().ToString();
        await http.PostDecisionAsync(DecisionUrl(first), new { approve = true }, key);

        var reused = await http.PostDecisionAsync(DecisionUrl(second), new { approve = true }, key);

        await reused.ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task An_unknown_request_is_not_found()
    {
        var http = await factory.ClientForAsync("supervisor");

        var response = await http.PostDecisionAsync(DecisionUrl(Guid.NewGuid()), new { approve = true });

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Bad_decisions_are_400s_naming_the_field()
    {
        var (_, extension) = await RequestedAsync();
        var http = await factory.ClientForAsync("supervisor");
        var noKey = new HttpRequestMessage(HttpMethod.Post, DecisionUrl(extension)) { Content = JsonContent.Create(new { approve = true }) };

        await (await http.PostDecisionAsync(DecisionUrl(extension), new { note = "无决定" })).AssertInvalidAsync("approve");
        await (await http.PostDecisionAsync("/api/supervision/extensions/not-a-uuid/decision", new { approve = true })).AssertInvalidAsync("id");
        await (await http.PostDecisionAsync(DecisionUrl(extension), new { approve = true, note = new string('长', 2001) })).AssertInvalidAsync("note");
        await (await http.PostDecisionAsync(DecisionUrl(extension), new { approve = "yes" })).AssertInvalidAsync("approve");
        await (await http.PostDecisionAsync(DecisionUrl(extension), new { approve = false, note = "  " })).AssertInvalidAsync("note");
        await (await http.SendAsync(noKey, TestContext.Current.CancellationToken)).AssertInvalidAsync("Idempotency-Key");
    }

    /// <summary>Every pending request, on one page (a page cut short would let "not among them" pass unseen).</summary>
    private static async Task<JsonElement> AllPendingAsync(HttpClient http)
    {
        var page = await http.GetFromJsonAsync<JsonElement>("/api/supervision/extensions?size=200", TestContext.Current.CancellationToken);
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextCursor").ValueKind);
        return page.GetProperty("items");
    }
}
