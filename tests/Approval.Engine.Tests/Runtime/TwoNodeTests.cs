using Approval.Engine.Journal;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Supervision;
using Approval.Engine.Tests.Supervision;
using Approval.Engine.Timers;
using Approval.Testing;
using Approval.Testing.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Approval.Engine.Tests.Runtime;

/// <summary>
/// Two application nodes on one PostgreSQL database, as behind a load balancer without project affinity: each keeps
/// the projects it last saved in memory, the same projects' commands arrive alternately at both, and both schedulers
/// fire timers at once. Every decision counts once, every timer fires once and every journal stays gap-free.
/// </summary>
public sealed class TwoNodeTests
{
    private const string Definition = "enterprise-establishment";
    private const int Projects = 10;

    [Fact]
    public async Task Commands_alternating_between_two_nodes_and_both_schedulers_count_everything_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var pg = await PostgresDatabase.CreateAsync(ct);
        var clock = FakeClock.AtShanghai(2024, 11, 4, 9);
        await using var a = await EngineHarness.StartAsync(clock, pg.ConnectionString, s => { s.Scheduler.NodeId = "node-a"; s.Scheduler.BatchSize = 3; });
        await using var b = await EngineHarness.StartAsync(clock, pg.ConnectionString, s => { s.Scheduler.NodeId = "node-b"; s.Scheduler.BatchSize = 3; });
        Assert.NotNull(a.Engine.Kept);
        Assert.NotNull(b.Engine.Kept);
        EngineHarness Node(int i) => i % 2 == 0 ? a : b;

        // Filed on one node, accepted on the other, the licence decided on the first again: each node's kept copy
        // is stale by the time its next command for the project arrives.
        var ids = new List<Guid>();
        for (var i = 0; i < Projects; i++)
        {
            var id = await Node(i).FileAsync(Definition);
            await Node(i + 1).RunAsync(op => new AcceptApplication(op, EngineHarness.Window, id));
            var licence = Assert.Single(await a.OpenTasksAsync(id));
            await Node(i).RunAsync(op => new DecideMatter(op, EngineHarness.Approver(licence.DepartmentId!), licence.Id, MatterDecision.Approve, "同意", []));
            ids.Add(id);
        }

        // The parallel matters, alternating nodes task by task; the second half of the projects leaves one open.
        var leftOpen = new List<WorkTask>();
        var n = 0;
        for (var i = 0; i < Projects; i++)
        {
            var open = await a.OpenTasksAsync(ids[i]);
            Assert.Equal(3, open.Count);
            if (i >= Projects / 2) leftOpen.Add(open[^1]);
            foreach (var task in i >= Projects / 2 ? open[..^1] : open)
                await Node(n++).RunAsync(op => new DecideMatter(op, EngineHarness.Approver(task.DepartmentId!), task.Id, MatterDecision.Approve, "同意", []));
        }

        // Weeks later the open matters and their projects are overdue; both schedulers claim and fire at once.
        clock.Advance(Duration.FromDays(21));
        var firstA = await a.Scheduler.ClaimAsync(ct);
        var firstB = await b.Scheduler.ClaimAsync(ct);
        Assert.NotEmpty(firstA);
        Assert.NotEmpty(firstB);
        Assert.Empty(firstA.Intersect(firstB));
        var fired = await Task.WhenAll(Task.Run(() => FireThenRunAsync(a, firstA), ct), Task.Run(() => FireThenRunAsync(b, firstB), ct));

        // The left-over matters are then decided on the node that did not fire their timers' last command.
        foreach (var (task, i) in leftOpen.Select((t, i) => (t, i)))
            await Node(i).RunAsync(op => new DecideMatter(op, EngineHarness.Approver(task.DepartmentId!), task.Id, MatterDecision.Approve, "逾期作出", []));

        await using var db = a.Database.CreateContext();
        var journal = await db.Journal.AsNoTracking().Where(j => ids.Contains(j.InstanceId)).ToListAsync(ct);
        var tasks = await db.Tasks.AsNoTracking().Where(t => ids.Contains(t.InstanceId)).ToListAsync(ct);
        Assert.Equal(Projects * 4, tasks.Count);
        Assert.All(tasks, t => Assert.Single(journal, j => j.Event == JournalEvents.TaskDecided && j.TaskId == t.Id));
        Assert.All(leftOpen, t => Assert.Single(journal, j => j.Event == JournalEvents.TaskOverdue && j.TaskId == t.Id));
        foreach (var id in ids)
        {
            var own = journal.Where(j => j.InstanceId == id).OrderBy(j => j.Sequence).ToList();
            Assert.Equal(Enumerable.Range(1, own.Count), own.Select(j => j.Sequence));
            Assert.Single(own, j => j.Event == JournalEvents.StepCompleted && j.ActivityId == "parallel-approvals");
            Assert.True(own.Count(j => j.Event == JournalEvents.ProjectOverdue) <= 1);
            var project = await a.LoadAsync(id);
            Assert.Equal("completion", project.CurrentActivityId);
            Assert.Equal(own.Count, project.JournalCount);
        }

        var timers = await db.Timers.AsNoTracking().Where(t => ids.Contains(t.InstanceId)).ToListAsync(ct);
        var firedRows = timers.Where(t => t.Status == TimerStatus.Fired).ToList();
        Assert.Equal(firedRows.Count, fired.Sum());
        Assert.All(firedRows, t => Assert.Equal(1, t.Attempts));
        Assert.Contains(firedRows, t => t.LeaseOwner == "node-a");
        Assert.Contains(firedRows, t => t.LeaseOwner == "node-b");
        Assert.Empty(await a.Scheduler.ClaimAsync(ct));

        // Both nodes appended to the tallies side by side and fold them at once: the sums are what the rows add up to.
        await Task.WhenAll(a.Services.GetRequiredService<TallyCompaction>().CompactAsync(ct), b.Services.GetRequiredService<TallyCompaction>().CompactAsync(ct));
        await a.Services.GetRequiredService<TallyCompaction>().CompactAsync(ct);
        var appended = await TallySnapshot.FoldedAsync(a.Database);
        await a.Services.GetRequiredService<TallyCompaction>().RebuildAsync(ct);
        Assert.Equal(await TallySnapshot.FoldedAsync(a.Database), appended);
        Assert.Contains(appended, row => row.StartsWith("DecisionTally", StringComparison.Ordinal));
    }

    /// <summary>Fires what a node has claimed, as its scheduler would, then lets the scheduler run until nothing is due.</summary>
    private static async Task<int> FireThenRunAsync(EngineHarness node, IReadOnlyList<ClaimedTimer> claimed)
    {
        foreach (var timer in claimed) await node.Engine.ExecuteAsync(timer.Fire());
        return claimed.Count + await node.Scheduler.RunDueAsync();
    }
}
