using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Timers;
using Approval.Testing;
using Approval.Testing.Persistence;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Approval.Engine.Tests.Runtime;

/// <summary>Durable timers: they survive a restart, fire once when fired twice, and are shared out between nodes.</summary>
public sealed class TimerTests
{
    private const string Enterprise = "enterprise-establishment";

    [Fact]
    public async Task A_timer_fires_after_a_restart_of_the_engine()
    {
        var directory = Path.Combine(Path.GetTempPath(), "approval-restart-" + Guid.NewGuid().ToString("N"));
        var clock = FakeClock.AtShanghai(2024, 5, 6, 9);
        Guid id;
        await using (var before = await EngineHarness.StartAsync(clock, sqliteDirectory: directory))
        {
            id = await FileWithDeficiencyAsync(before, new LocalDate(2024, 5, 7));
        }

        await using (var after = await EngineHarness.StartAsync(clock, sqliteDirectory: directory))
        {
            clock.Reset(after.Engine.Deadlines.EndOf(new LocalDate(2024, 5, 7)) + Duration.FromSeconds(1));
            var fired = await after.Scheduler.RunDueAsync();

            Assert.True(fired >= 1);
            Assert.Equal(InstanceStatus.Terminated, (await after.LoadAsync(id)).Status);
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task An_overdue_projects_deadline_fires_once_and_is_not_scheduled_again_at_the_same_moment()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 9, 27, 10));
        var id = await h.FileAndAcceptAsync("enterprise-establishment");

        // Past the project's due date (2024-10-08): its deadline timer is due. Before the fix, firing it scheduled a
        // new one at the same past moment, so the scheduler never ran out of due timers and journalled 已超期 forever.
        h.SetDate(new LocalDate(2024, 10, 9));
        var run = h.Scheduler.RunDueAsync(TestContext.Current.CancellationToken);
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken));

        Assert.Same(run, finished);
        Assert.Equal(0, await h.Scheduler.RunDueAsync(TestContext.Current.CancellationToken));
        var project = await h.LoadAsync(id);
        Assert.Single(await h.JournalAsync(id), e => e.Event == "ProjectOverdue");
        Assert.DoesNotContain(project.Timers, t => t.Kind == TimerKind.ProjectDeadline && t.Status == TimerStatus.Pending);
    }

    [Fact]
    public async Task A_timer_not_yet_due_is_not_claimed()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 5, 6, 9));
        var id = await FileWithDeficiencyAsync(h, new LocalDate(2024, 5, 7));

        Assert.Empty(await h.Scheduler.ClaimAsync());
        Assert.Equal(InstanceStatus.Running, (await h.LoadAsync(id)).Status);
    }

    [Fact]
    public async Task Two_schedulers_on_one_postgres_database_apply_each_timer_once()
    {
        await using var pg = await PostgresDatabase.CreateAsync(TestContext.Current.CancellationToken);
        var clock = FakeClock.AtShanghai(2024, 5, 6, 9);
        await using var nodeA = await EngineHarness.StartAsync(clock, pg.ConnectionString, s => { s.Scheduler.NodeId = "node-a"; s.Scheduler.BatchSize = 5; });
        await using var nodeB = await EngineHarness.StartAsync(clock, pg.ConnectionString, s => { s.Scheduler.NodeId = "node-b"; s.Scheduler.BatchSize = 5; });
        var ids = new List<Guid>();
        for (var i = 0; i < 20; i++) ids.Add(await FileWithDeficiencyAsync(i % 2 == 0 ? nodeA : nodeB, new LocalDate(2024, 5, 7)));

        clock.Reset(nodeA.Engine.Deadlines.EndOf(new LocalDate(2024, 5, 7)) + Duration.FromSeconds(1));
        // Each node first takes a batch, so that both certainly take part (left to race, one node sometimes took
        // everything before the other started); then both claim and fire concurrently until nothing is due.
        var firstA = await nodeA.Scheduler.ClaimAsync();
        var firstB = await nodeB.Scheduler.ClaimAsync();
        Assert.Equal(5, firstA.Count);
        Assert.Equal(5, firstB.Count);
        Assert.Empty(firstA.Intersect(firstB));
        var fired = await Task.WhenAll(Task.Run(() => FireThenRunAsync(nodeA, firstA)), Task.Run(() => FireThenRunAsync(nodeB, firstB)));

        await using var db = nodeA.Database.CreateContext();
        var claimed = await db.Timers.AsNoTracking().Where(t => t.LeaseOwner != null).ToListAsync();
        Assert.All(claimed, t => Assert.Equal(1, t.Attempts));   // no timer was claimed by both nodes
        Assert.Equal(claimed.Count, fired.Sum());
        Assert.Contains(claimed, t => t.LeaseOwner == "node-a");
        Assert.Contains(claimed, t => t.LeaseOwner == "node-b");
        var ended = await db.Journal.AsNoTracking().Where(j => j.Event == "ProjectEnded").Select(j => j.InstanceId).ToListAsync();
        Assert.Equal(ids.Order(), ended.Order());
        Assert.All(await db.Timers.AsNoTracking().Where(t => t.Kind == TimerKind.DeficienciesDue).ToListAsync(),
            t => Assert.Equal(TimerStatus.Fired, t.Status));
    }

    [Fact]
    public async Task A_crashed_nodes_claim_is_taken_over_when_its_lease_expires()
    {
        await using var pg = await PostgresDatabase.CreateAsync(TestContext.Current.CancellationToken);
        var clock = FakeClock.AtShanghai(2024, 5, 6, 9);
        await using var crashed = await EngineHarness.StartAsync(clock, pg.ConnectionString, s => s.Scheduler.NodeId = "crashed");
        await using var survivor = await EngineHarness.StartAsync(clock, pg.ConnectionString, s => s.Scheduler.NodeId = "survivor");
        var id = await FileWithDeficiencyAsync(crashed, new LocalDate(2024, 5, 7));
        clock.Reset(crashed.Engine.Deadlines.EndOf(new LocalDate(2024, 5, 7)) + Duration.FromSeconds(1));

        var claimed = await crashed.Scheduler.ClaimAsync();   // the 容缺 date and the licence's deadline; then the node dies
        Assert.NotEmpty(claimed);
        Assert.Equal(0, await survivor.Scheduler.RunDueAsync());
        clock.Advance(Duration.FromMinutes(3));
        Assert.Equal(claimed.Count, await survivor.Scheduler.RunDueAsync());

        Assert.Equal(InstanceStatus.Terminated, (await survivor.LoadAsync(id)).Status);
    }

    /// <summary>Fires what a node has claimed, as its scheduler would, then lets the scheduler run.</summary>
    private static async Task<int> FireThenRunAsync(EngineHarness node, IReadOnlyList<ClaimedTimer> claimed)
    {
        foreach (var timer in claimed) await node.Engine.ExecuteAsync(timer.Fire());
        return claimed.Count + await node.Scheduler.RunDueAsync();
    }

    private static async Task<Guid> FileWithDeficiencyAsync(EngineHarness h, LocalDate promisedBy)
    {
        var intake = h.Engine.Catalog.Latest(Enterprise).Intake;
        var id = await h.FileAsync(Enterprise, intake.Materials.Where(m => m.Code != "bank-account").Select(m => m.Code));
        await h.RunAsync(op => new AcceptWithDeficiencies(op, EngineHarness.Window, id, promisedBy));
        return id;
    }
}
