using System.Net.Http.Json;
using System.Text.Json;
using Approval.Web.Tests.Infrastructure;
using Approval.Web.Tests.Supervision;

namespace Approval.Web.Tests.Catalogue;

public sealed class DisclosureTests(ApprovalWebFactory factory) : IClassFixture<ApprovalWebFactory>
{
    private readonly HttpClient _http = factory.CreateClient();

    [Fact]
    public async Task Disclosure_lists_each_decided_matter_of_completed_projects_only()
    {
        var completed = await Scenario.CompletedAsync(factory);
        var running = await Scenario.RunningAsync(factory);
        await Scenario.DecideAsync(factory, running, "market-regulation");
        var (done, open) = (await Scenario.ProjectAsync(factory, completed), await Scenario.ProjectAsync(factory, running));

        var rows = (await _http.GetFromJsonAsync<JsonElement>("/api/disclosure?size=200", TestContext.Current.CancellationToken)).GetProperty("items");

        var mine = rows.EnumerateArray().Where(r => r.GetProperty("projectCode").GetString() == done.ProjectCode).ToList();
        Assert.Equal(["GA-001", "RS-001", "SCJG-001", "SW-001"], mine.Select(r => r.GetProperty("matterCode").GetString()).Order());
        Assert.All(mine, r => Assert.Equal(("approved", "2024-09-27"), (r.GetProperty("decision").GetString(), r.GetProperty("decidedOn").GetString())));
        Assert.Contains(mine, r => r.GetProperty("departmentName").GetString() == "市公安局" && r.GetProperty("matterName").GetString() == "印章刻制备案");
        Assert.DoesNotContain(rows.EnumerateArray(), r => r.GetProperty("projectCode").GetString() == open.ProjectCode);
    }

    [Fact]
    public async Task Disclosure_carries_no_personal_data()
    {
        var project = await Scenario.ProjectAsync(factory, await Scenario.CompletedAsync(factory));

        var body = await _http.GetStringAsync("/api/disclosure", TestContext.Current.CancellationToken);

        Assert.Contains(project.ProjectCode!, body);
        foreach (var personal in new[] { project.InvestorId, project.InvestorName, project.AgentId!, project.QueryKey!, Scenario.Window,
                     Scenario.Approver("market-regulation").UserId, "userId", "investor", "agent", "decidedBy" })
            Assert.DoesNotContain(personal, body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Disclosure_filters_by_day_department_and_matter()
    {
        await Scenario.CompletedAsync(factory);

        var seals = (await _http.GetFromJsonAsync<JsonElement>("/api/disclosure?department=public-security&matter=GA-001&from=2024-09-27&to=2024-09-27",
            TestContext.Current.CancellationToken)).GetProperty("items");
        var later = (await _http.GetFromJsonAsync<JsonElement>("/api/disclosure?from=2024-09-28", TestContext.Current.CancellationToken)).GetProperty("items");
        var one = (await _http.GetFromJsonAsync<JsonElement>("/api/disclosure?limit=1", TestContext.Current.CancellationToken)).GetProperty("items");

        Assert.NotEqual(0, seals.GetArrayLength());
        Assert.All(seals.EnumerateArray(), r => Assert.Equal("GA-001", r.GetProperty("matterCode").GetString()));
        Assert.Equal(0, later.GetArrayLength());
        Assert.Equal(1, one.GetArrayLength());
    }

    [Theory]
    [InlineData("?from=2024-02-30", "from")]
    [InlineData("?to=yesterday", "to")]
    [InlineData("?from=2024-10-08&to=2024-10-01", "to")]
    [InlineData("?limit=0", "limit")]
    [InlineData("?size=201", "size")]
    [InlineData("?cursor=AAAA", "cursor")]
    [InlineData("?department=nowhere", "department")]
    public async Task Bad_filters_are_400s_naming_the_parameter(string query, string field)
    {
        var response = await _http.GetAsync("/api/disclosure" + query, TestContext.Current.CancellationToken);

        await response.AssertInvalidAsync(field);
    }
}
