using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Testing;
using Approval.Web.Tests.Infrastructure;
using Approval.Web.Tests.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Web.Tests.Calendar;

/// <summary>
/// A due date that runs into a year whose holiday notice is not published (2027 today) is a provisional promise: the
/// receipt, the project, the task lists, supervision and tracking say so with the calendar API's code and reason, and
/// reloading the calendar once the notice is in moves the date and settles it.
/// </summary>
public sealed class ProvisionalPromiseTests : IAsyncDisposable
{
    private const string NextYearNotPublished = "nextYearNoticeNotPublished";
    private readonly string _workflows = Path.Combine(Path.GetTempPath(), "approval-provisional-" + Guid.NewGuid().ToString("N"));
    private readonly ApprovalWebFactory _factory;

    public ProvisionalPromiseTests()
    {
        RepositoryPaths.CopyTree(RepositoryPaths.Workflows, _workflows);
        _factory = new ApprovalWebFactory { WorkflowsDirectory = _workflows };
        // Monday 2026-12-21: the 50-working-day permit ends in 2027, the 5-day pre-review on 12-28 (after 12-25, which
        // the 2027 元旦 arrangement can still change).
        _factory.Clock.Reset(FakeClock.AtShanghai(2026, 12, 21, 9).GetCurrentInstant());
    }

    [Fact]
    public async Task A_due_date_in_an_unpublished_year_is_flagged_with_the_calendars_reason_wherever_it_is_shown()
    {
        var id = await TestProjects.FileAndAcceptAsync(_factory, "industrial-construction-permit");
        var project = await Steps.ProjectAsync(_factory, id);
        var window = await _factory.ClientForAsync("window");
        var calendarProject = await GetAsync(window, "/api/calendar/deadline?from=2026-12-21&workingDays=50");
        var calendarStep = await GetAsync(window, "/api/calendar/deadline?from=2026-12-21&workingDays=5");
        // Both reach past 12-25, the first day the unpublished 2027 notice can still change: that is the reason given.
        Assert.StartsWith("2027 年节假日安排尚未发布", calendarProject.GetProperty("provisionalReason").GetString());
        Assert.Equal(NextYearNotPublished, calendarProject.GetProperty("provisionalCode").GetString());
        Assert.Equal(NextYearNotPublished, calendarStep.GetProperty("provisionalCode").GetString());

        var receipt = await GetAsync(window, $"/api/intake/{id}/receipt");
        var detail = await GetAsync(window, $"/api/projects/{id}");
        var tasks = await GetAsync(await _factory.ClientForAsync("approver-natural-resources"), "/api/tasks?size=200");
        var supervised = await GetAsync(await _factory.ClientForAsync("supervisor"), "/api/supervision/projects?size=200");
        var tracking = await GetAsync(_factory.CreateClient(), $"/api/tracking?code={project.ProjectCode}&key={project.QueryKey}");

        AssertFlagged(calendarProject, receipt);
        Assert.Contains("重新计算", receipt.GetProperty("dueOnNotice").GetString());
        AssertFlagged(calendarProject, detail.GetProperty("project"));
        AssertFlagged(calendarProject, tracking);
        var mine = supervised.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("project").GetProperty("id").GetGuid() == id);
        AssertFlagged(calendarProject, mine.GetProperty("project"));
        AssertFlagged(calendarStep, Assert.Single(tasks.GetProperty("items").EnumerateArray(), t => t.GetProperty("instanceId").GetGuid() == id));
        Assert.All(mine.GetProperty("openTasks").EnumerateArray(), t => AssertFlagged(calendarStep, t));
        Assert.All(detail.GetProperty("tasks").EnumerateArray(), t => AssertFlagged(calendarStep, t));
        Assert.All(tracking.GetProperty("departments").EnumerateArray().SelectMany(d => d.GetProperty("tasks").EnumerateArray()),
            t => AssertFlagged(calendarStep, t));
    }

    [Fact]
    public async Task A_pending_extension_says_whether_its_matters_due_date_is_provisional()
    {
        // Thursday 12-24: the business licence's one working day is Friday 12-25, which the 2027 notice can still move.
        _factory.Clock.Reset(FakeClock.AtShanghai(2026, 12, 24, 9).GetCurrentInstant());
        var id = await TestProjects.FileAndAcceptAsync(_factory, "enterprise-establishment");
        var licence = await Steps.OpenTaskAsync(_factory, id, "market-regulation");
        await _factory.Services.GetRequiredService<WorkflowEngine>().ExecuteAsync(new RequestExtension(Guid.NewGuid().ToString(),
            Steps.Approver("market-regulation"), licence.Id, 2, "需核查股东身份信息"));
        var http = await _factory.ClientForAsync("supervisor");

        var pending = (await GetAsync(http, "/api/supervision/extensions?size=200")).GetProperty("items");

        var calendar = await GetAsync(http, "/api/calendar/deadline?from=2026-12-24&workingDays=1");
        Assert.Equal("2026-12-25", calendar.GetProperty("deadline").GetString());
        AssertFlagged(calendar, pending.EnumerateArray().Single(e => e.GetProperty("extension").GetProperty("taskId").GetGuid() == licence.Id));
    }

    [Fact]
    public async Task A_due_date_the_published_calendar_settles_is_firm()
    {
        _factory.Clock.Reset(FakeClock.AtShanghai(2026, 9, 1, 9).GetCurrentInstant());
        var id = await TestProjects.FileAndAcceptAsync(_factory, "industrial-construction-permit");
        var window = await _factory.ClientForAsync("window");

        var receipt = await GetAsync(window, $"/api/intake/{id}/receipt");
        var detail = await GetAsync(window, $"/api/projects/{id}");

        foreach (var shown in detail.GetProperty("tasks").EnumerateArray().Append(detail.GetProperty("project")).Append(receipt))
        {
            Assert.False(shown.GetProperty("provisional").GetBoolean());
            Assert.Equal(JsonValueKind.Null, shown.GetProperty("provisionalCode").ValueKind);
        }
        Assert.Equal(JsonValueKind.Null, receipt.GetProperty("dueOnNotice").ValueKind);
    }

    [Fact]
    public async Task Reloading_the_calendar_with_the_published_notice_moves_the_provisional_date_and_settles_it()
    {
        var id = await TestProjects.FileAndAcceptAsync(_factory, "industrial-construction-permit");
        var window = await _factory.ClientForAsync("window");
        var before = await GetAsync(window, $"/api/intake/{id}/receipt");
        Publish2027WithLongSpringFestival();

        var reload = await (await _factory.ClientForAsync("admin")).PostAsync("/api/admin/calendar/reload", null, TestContext.Current.CancellationToken);

        reload.EnsureSuccessStatusCode();
        var after = await GetAsync(window, $"/api/intake/{id}/receipt");
        var calendar = await GetAsync(window, "/api/calendar/deadline?from=2026-12-21&workingDays=50");
        Assert.False(calendar.GetProperty("provisional").GetBoolean());
        Assert.NotEqual(before.GetProperty("dueOn").GetString(), after.GetProperty("dueOn").GetString());
        Assert.Equal(calendar.GetProperty("deadline").GetString(), after.GetProperty("dueOn").GetString());
        Assert.False(after.GetProperty("provisional").GetBoolean());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("dueOnNotice").ValueKind);
        Assert.False((await GetAsync(window, $"/api/projects/{id}")).GetProperty("project").GetProperty("provisional").GetBoolean());
    }

    private static void AssertFlagged(JsonElement calendar, JsonElement shown)
    {
        Assert.True(shown.GetProperty("provisional").GetBoolean(), shown.ToString());
        Assert.Equal(calendar.GetProperty("provisionalCode").GetString(), shown.GetProperty("provisionalCode").GetString());
        Assert.Equal(calendar.GetProperty("provisionalReason").GetString(), shown.GetProperty("provisionalReason").GetString());
    }

    /// <summary>A made-up 2027 notice for this test only: a nine-day 春节 (02-05 … 02-13), longer than the law alone gives.</summary>
    private void Publish2027WithLongSpringFestival()
    {
        var path = Path.Combine(_workflows, "calendars", "national.json");
        var root = JsonNode.Parse(File.ReadAllText(path))!;
        root["years"]!["2027"] = JsonNode.Parse("""
            { "status": "verified",
              "notices": [ { "title": "测试用 2027 年节假日安排", "number": null, "issued": "2026-11-01", "sources": ["test"] } ],
              "arrangements": [ { "name": "元旦", "holidays": ["2027-01-01..2027-01-03"] },
                                { "name": "春节", "holidays": ["2027-02-05..2027-02-13"] } ] }
            """);
        File.WriteAllText(path, root.ToJsonString());
    }

    private static Task<JsonElement> GetAsync(HttpClient http, string url) =>
        http.GetFromJsonAsync<JsonElement>(url, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        try { Directory.Delete(_workflows, recursive: true); } catch (IOException) { }
    }
}
