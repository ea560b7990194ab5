using System.Net.Http.Json;
using System.Text.Json;
using Approval.Testing;
using Approval.Web.Tests.Infrastructure;

namespace Approval.Web.Tests.Supervision;

/// <summary>Lights move with the clock, so every test sets it first; projects of earlier tests stay and are filtered out by id.</summary>
public sealed class SupervisionListTests(ApprovalWebFactory factory) : IClassFixture<ApprovalWebFactory>
{
    private static NodaTime.Instant At(int month, int day) => FakeClock.AtShanghai(2024, month, day, 10).GetCurrentInstant();

    private async Task<JsonElement> GetAsync(string url)
    {
        var http = await factory.ClientForAsync("supervisor");
        return await http.GetFromJsonAsync<JsonElement>(url, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Running_projects_show_their_light_working_days_and_open_tasks()
    {
        factory.Clock.Reset(At(9, 27));
        var id = await Scenario.RunningAsync(factory);

        var projects = await GetAsync("/api/supervision/projects?definition=enterprise-establishment&size=200");

        var mine = projects.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("project").GetProperty("id").GetGuid() == id);
        Assert.Equal("green", mine.GetProperty("project").GetProperty("light").GetString());
        Assert.Equal(0, mine.GetProperty("project").GetProperty("workingDaysUsed").GetInt32());
        Assert.Equal(3, mine.GetProperty("project").GetProperty("workingDaysLeft").GetInt32());
        // Only the business licence is open; the seal, invoice and insurance matters wait for it.
        var task = Assert.Single(mine.GetProperty("openTasks").EnumerateArray());
        Assert.Equal("SCJG-001", task.GetProperty("matterCode").GetString());
        Assert.Equal("yellow", task.GetProperty("light").GetString());
    }

    [Fact]
    public async Task An_overdue_task_is_red_and_on_its_departments_overdue_list()
    {
        factory.Clock.Reset(At(9, 27));
        var id = await Scenario.RunningAsync(factory);
        // SCJG-001 has one working day: the adjusted Sunday 09-29. On Monday it is overdue.
        factory.Clock.Reset(At(9, 30));

        var red = await GetAsync("/api/supervision/tasks?light=red&department=market-regulation&size=200");
        var board = Assert.Single((await GetAsync("/api/supervision/departments?department=market-regulation")).EnumerateArray());

        Assert.Contains(red.GetProperty("items").EnumerateArray(), t => t.GetProperty("instanceId").GetGuid() == id);
        Assert.All(red.GetProperty("items").EnumerateArray(), t => Assert.Equal(("red", "market-regulation"),
            (t.GetProperty("light").GetString(), t.GetProperty("departmentId").GetString())));
        Assert.Contains(board.GetProperty("overdue").EnumerateArray(), t => t.GetProperty("instanceId").GetGuid() == id);
        Assert.DoesNotContain(board.GetProperty("nearDue").EnumerateArray(), t => t.GetProperty("instanceId").GetGuid() == id);
        Assert.True(board.GetProperty("red").GetInt32() >= 1);
    }

    [Fact]
    public async Task A_task_at_its_follow_up_date_is_yellow_and_on_the_near_due_list()
    {
        factory.Clock.Reset(At(9, 27));
        var id = await Scenario.RunningAsync(factory);

        var yellow = await GetAsync("/api/supervision/tasks?light=yellow&size=200");
        var board = Assert.Single((await GetAsync("/api/supervision/departments?department=market-regulation")).EnumerateArray());

        Assert.Contains(yellow.GetProperty("items").EnumerateArray(), t => t.GetProperty("instanceId").GetGuid() == id);
        Assert.Contains(board.GetProperty("nearDue").EnumerateArray(), t => t.GetProperty("instanceId").GetGuid() == id);
        Assert.Equal("市市场监督管理局", board.GetProperty("departmentName").GetString());
    }

    [Theory]
    [InlineData("/api/supervision/tasks?light=purple", "light")]
    [InlineData("/api/supervision/tasks?light=1", "light")]
    [InlineData("/api/supervision/tasks?department=nowhere", "department")]
    [InlineData("/api/supervision/departments?department=nowhere", "department")]
    [InlineData("/api/supervision/projects?definition=nothing-like-it", "definition")]
    public async Task Bad_filters_are_400s_naming_the_parameter(string url, string field)
    {
        var http = await factory.ClientForAsync("supervisor");

        await (await http.GetAsync(url, TestContext.Current.CancellationToken)).AssertInvalidAsync(field);
    }
}
