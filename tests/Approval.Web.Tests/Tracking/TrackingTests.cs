using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Approval.Web.Tests.Infrastructure;
using Approval.Web.Tests.Supervision;

namespace Approval.Web.Tests.Tracking;

public sealed class TrackingTests(ApprovalWebFactory factory) : IClassFixture<ApprovalWebFactory>
{
    private readonly HttpClient _http = factory.CreateClient();

    private static string Url(string code, string key) => $"/api/tracking?code={Uri.EscapeDataString(code)}&key={Uri.EscapeDataString(key)}";

    [Fact]
    public async Task Tracking_shows_stage_departments_days_and_expected_completion_without_sign_in()
    {
        var id = await Scenario.RunningAsync(factory);
        await Scenario.DecideAsync(factory, id, "market-regulation");
        var project = await Scenario.ProjectAsync(factory, id);

        var answer = JsonDocument.Parse(await _http.GetStringAsync(Url(project.ProjectCode!, project.QueryKey!), TestContext.Current.CancellationToken)).RootElement;

        Assert.Equal(project.ProjectCode, answer.GetProperty("projectCode").GetString());
        Assert.Equal("running", answer.GetProperty("status").GetString());
        Assert.Equal("并联办理", answer.GetProperty("currentStepName").GetString());
        Assert.Equal("2024-09-27", answer.GetProperty("acceptedOn").GetString());
        // 3 working days after Friday 09-27: the adjusted Sunday 09-29, 09-30, then 10-08 after National Day.
        Assert.Equal("2024-10-08", answer.GetProperty("expectedCompletionOn").GetString());
        Assert.Equal(0, answer.GetProperty("workingDaysUsed").GetInt32());
        Assert.Equal(3, answer.GetProperty("workingDaysLeft").GetInt32());
        var departments = answer.GetProperty("departments").EnumerateArray().ToDictionary(d => d.GetProperty("departmentId").GetString()!);
        var licence = departments["market-regulation"].GetProperty("tasks")[0];
        Assert.Equal(("SCJG-001", "done", "approved", "2024-09-27"), (licence.GetProperty("matterCode").GetString(),
            licence.GetProperty("status").GetString(), licence.GetProperty("outcome").GetString(), licence.GetProperty("decidedOn").GetString()));
        Assert.Equal("open", departments["taxation"].GetProperty("tasks")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task History_tells_what_happened_and_never_who()
    {
        var id = await Scenario.RunningAsync(factory);
        await Scenario.DecideAsync(factory, id, "market-regulation");
        var project = await Scenario.ProjectAsync(factory, id);

        var body = await _http.GetStringAsync(Url(project.ProjectCode!, project.QueryKey!), TestContext.Current.CancellationToken);

        var events = JsonDocument.Parse(body).RootElement.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("event").GetString()).ToList();
        Assert.Contains("accepted", events);
        Assert.Contains("taskDecided", events);
        Assert.DoesNotContain(project.AgentId!, body);
        Assert.DoesNotContain(project.InvestorId, body);
        Assert.DoesNotContain(Scenario.Approver("market-regulation").UserId, body);
        Assert.DoesNotContain(project.QueryKey!, body);
        Assert.DoesNotContain("userId", body, StringComparison.OrdinalIgnoreCase);
        // The contact person and telephone are personal data: the applicant's and staff's, not the public's.
        Assert.NotNull(project.ContactPhone);
        Assert.DoesNotContain(project.ContactPhone!, body);
        Assert.DoesNotContain(project.ContactName!, body);
    }

    [Fact]
    public async Task A_wrong_key_an_unknown_code_and_a_malformed_code_get_the_same_answer()
    {
        var id = await Scenario.RunningAsync(factory);
        var project = await Scenario.ProjectAsync(factory, id);
        var misses = new[]
        {
            Url(project.ProjectCode!, "WRONGKEY0000"),
            Url("2509-320193-89-01-544060", project.QueryKey!),
            Url("not-a-code", project.QueryKey!),
            Url(new string('9', 200), project.QueryKey!),
        };

        var bodies = new List<string>();
        foreach (var url in misses)
        {
            var problem = await (await _http.GetAsync(url, TestContext.Current.CancellationToken)).ReadProblemAsync(HttpStatusCode.NotFound);
            var node = JsonNode.Parse(problem.GetRawText())!.AsObject();
            node.Remove("traceId");
            bodies.Add(node.ToJsonString());
        }

        Assert.Single(bodies.Distinct());
    }

    [Theory]
    [InlineData("?key=ABC", "code")]
    [InlineData("?code=%20&key=ABC", "code")]
    [InlineData("?code=2509-320193-89-01-544060", "key")]
    public async Task A_missing_code_or_key_is_a_bad_request_naming_it(string query, string field)
    {
        var response = await _http.GetAsync("/api/tracking" + query, TestContext.Current.CancellationToken);

        await response.AssertInvalidAsync(field);
    }
}
