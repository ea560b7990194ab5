using System.Text.Json.Nodes;
using Approval.Engine.Calendar;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Approval.Engine.Tests.Runtime;

/// <summary>When next year's holiday arrangement is added, running projects' deadlines are recomputed from it.</summary>
public sealed class CalendarUpdateTests : IDisposable
{
    private readonly string _workflows = Path.Combine(Path.GetTempPath(), "approval-calendar-update-" + Guid.NewGuid().ToString("N"));

    public CalendarUpdateTests() => RepositoryPaths.CopyTree(RepositoryPaths.Workflows, _workflows);

    [Fact]
    public async Task Adding_the_2027_arrangement_moves_a_provisional_deadline_and_its_timer()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2026, 12, 29, 10), configure: s =>
        {
            s.Engine.WorkflowsDirectory = _workflows;
            s.Calendar.DataDirectory = Path.Combine(_workflows, "calendars");
        });
        var id = await h.FileAndAcceptAsync("enterprise-establishment");
        // 12-30, 12-31, then 2027-01-04: 2027 is not published, so only the statutory 元旦 is known.
        Assert.Equal(new LocalDate(2027, 1, 4), (await h.LoadAsync(id)).DueOn);

        PublishTest2027Arrangement();
        h.Services.GetRequiredService<IWorkingDayCalendars>().Reload();
        await h.Engine.RecomputeRunningAsync();

        var instance = await h.LoadAsync(id);
        Assert.Equal(new LocalDate(2027, 1, 5), instance.DueOn);
        var timer = Assert.Single(instance.Timers, t => t.Kind == Timers.TimerKind.ProjectDeadline && t.Status == Timers.TimerStatus.Pending);
        Assert.Equal(h.Engine.Deadlines.EndOf(new LocalDate(2027, 1, 5)), timer.DueAt);
        Assert.Contains(await h.JournalAsync(id), j => j.Event == "DeadlinesRecomputed" && j.Reasons!.Contains("2027-01-05"));
    }

    [Fact]
    public async Task A_deadline_resting_on_the_unpublished_year_is_provisional_until_the_arrangement_is_added()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2026, 12, 29, 10), configure: s =>
        {
            s.Engine.WorkflowsDirectory = _workflows;
            s.Calendar.DataDirectory = Path.Combine(_workflows, "calendars");
        });
        var id = await h.FileAndAcceptAsync("enterprise-establishment");
        var before = await h.LoadAsync(id);
        var deadlines = h.Engine.Deadlines;

        Assert.Equal(ProvisionalNote.NextYearNoticeNotPublished, deadlines.ProjectDueProvisional(before)?.Code);
        Assert.All(before.Tasks.Where(t => t.IsOpen), t => Assert.NotNull(deadlines.TaskDueProvisional(t)));

        PublishTest2027Arrangement();
        h.Services.GetRequiredService<IWorkingDayCalendars>().Reload();
        await h.Engine.RecomputeRunningAsync();

        var after = await h.LoadAsync(id);
        Assert.Null(deadlines.ProjectDueProvisional(after));
        Assert.All(after.Tasks.Where(t => t.IsOpen), t => Assert.Null(deadlines.TaskDueProvisional(t)));
    }

    [Fact]
    public async Task An_ended_projects_dates_are_final_and_not_flagged()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2026, 12, 29, 10));
        var id = await h.FileAndAcceptAsync("enterprise-establishment");
        var licence = Assert.Single(await h.OpenTasksAsync(id));
        await h.RunAsync(op => new DecideMatter(op, EngineHarness.Approver(licence.DepartmentId!), licence.Id,
            MatterDecision.Reject, "名称不合规", []));

        var ended = await h.LoadAsync(id);

        Assert.Equal(InstanceStatus.Rejected, ended.Status);
        Assert.NotNull(ended.DueOn);
        Assert.Null(h.Engine.Deadlines.ProjectDueProvisional(ended));
    }

    [Fact]
    public async Task Recomputing_without_a_calendar_change_moves_nothing_and_journals_nothing()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 9, 27, 10));
        var id = await h.FileAndAcceptAsync("enterprise-establishment");
        var before = await h.LoadAsync(id);

        await h.Engine.RecomputeRunningAsync();

        Assert.Equal(before.DueOn, (await h.LoadAsync(id)).DueOn);
        Assert.DoesNotContain(await h.JournalAsync(id), j => j.Event == "DeadlinesRecomputed");
    }

    /// <summary>A made-up 2027 notice for this test only: 元旦 from 1 to 4 January.</summary>
    private void PublishTest2027Arrangement()
    {
        var path = Path.Combine(_workflows, "calendars", "national.json");
        var root = JsonNode.Parse(File.ReadAllText(path))!;
        root["years"]!["2027"] = JsonNode.Parse("""
            { "status": "verified",
              "notices": [ { "title": "测试用 2027 年节假日安排", "number": null, "issued": "2026-11-01", "sources": ["test"] } ],
              "arrangements": [ { "name": "元旦", "holidays": ["2027-01-01..2027-01-04"] } ] }
            """);
        File.WriteAllText(path, root.ToJsonString());
    }

    public void Dispose()
    {
        try { Directory.Delete(_workflows, recursive: true); } catch (IOException) { }
    }
}
