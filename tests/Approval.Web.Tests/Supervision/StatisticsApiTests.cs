using System.Net.Http.Json;
using System.Text.Json;
using Approval.Engine.Runtime.Commands;
using Approval.Testing;
using Approval.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Web.Tests.Supervision;

/// <summary>Counts cover the whole database, so this class has one test over one arranged history.</summary>
public sealed class StatisticsApiTests(ApprovalWebFactory factory) : IClassFixture<ApprovalWebFactory>
{
    [Fact]
    public async Task Statistics_count_decisions_and_working_days_per_department_matter_and_definition()
    {
        // Licence approved on Friday 09-27; the other three matters and the issue on the adjusted Sunday 09-29.
        factory.Clock.Reset(FakeClock.AtShanghai(2024, 9, 27, 10).GetCurrentInstant());
        var completed = await Scenario.RunningAsync(factory);
        await Scenario.DecideAsync(factory, completed, "market-regulation");
        factory.Clock.Reset(FakeClock.AtShanghai(2024, 9, 29, 10).GetCurrentInstant());
        foreach (var department in new[] { "public-security", "taxation", "human-resources" })
            await Scenario.DecideAsync(factory, completed, department);
        await factory.Services.GetRequiredService<Engine.Runtime.WorkflowEngine>()
            .ExecuteAsync(new IssueResults(Guid.NewGuid().ToString(), Scenario.WindowClerk, completed));
        await Scenario.RunningAsync(factory);
        var http = await factory.ClientForAsync("supervisor");

        var statistics = await http.GetFromJsonAsync<JsonElement>("/api/supervision/statistics", TestContext.Current.CancellationToken);

        Assert.Equal("2024-09-29", statistics.GetProperty("asOf").GetString());
        var departments = statistics.GetProperty("departments").EnumerateArray().ToDictionary(d => d.GetProperty("departmentId").GetString()!, d => d.GetProperty("decisions"));
        Assert.Equal((1, 1, 1, 0.0, 1.0), Counts(departments["market-regulation"]));
        Assert.Equal((0, 1, 1, 1.0, 1.0), Counts(departments["public-security"]));
        var tax = statistics.GetProperty("matters").EnumerateArray().Single(m => m.GetProperty("matterCode").GetString() == "SW-001");
        Assert.Equal(("taxation", "发票领用（新办纳税人首次申领）"), (tax.GetProperty("departmentId").GetString(), tax.GetProperty("matterName").GetString()));
        var enterprise = statistics.GetProperty("definitions").EnumerateArray().Single(d => d.GetProperty("definitionId").GetString() == "enterprise-establishment");
        Assert.Equal((1, 1, 1, 1.0, 1.0), (enterprise.GetProperty("running").GetInt32(), enterprise.GetProperty("completed").GetInt32(),
            enterprise.GetProperty("completedOnTime").GetInt32(), enterprise.GetProperty("averageWorkingDays").GetDouble(),
            enterprise.GetProperty("onTimeRate").GetDouble()));
        Assert.Equal("企业开办", enterprise.GetProperty("definitionName").GetString());
        Assert.Equal(JsonValueKind.Null, statistics.GetProperty("allProjects").GetProperty("definitionId").ValueKind);
    }

    private static (int Open, int Decided, int Approved, double Days, double OnTime) Counts(JsonElement c) =>
        (c.GetProperty("open").GetInt32(), c.GetProperty("decided").GetInt32(), c.GetProperty("approved").GetInt32(),
            c.GetProperty("averageWorkingDays").GetDouble(), c.GetProperty("onTimeRate").GetDouble());
}
