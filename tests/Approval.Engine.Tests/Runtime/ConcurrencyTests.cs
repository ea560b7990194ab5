using Approval.Engine.Activities;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Testing;
using Approval.Testing.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Tests.Runtime;

/// <summary>Departments signing at the same instant from parallel threads: every sign-off counts, every join fires once.</summary>
public sealed class ConcurrencyTests
{
    private const int Projects = 12;

    [Fact]
    public async Task Parallel_sign_offs_on_sqlite_all_count_and_each_stage_completes_once()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 11, 4, 9));
        await SignConcurrentlyAsync(h);
    }

    [Fact]
    public async Task Parallel_sign_offs_on_postgres_all_count_and_each_stage_completes_once()
    {
        await using var pg = await PostgresDatabase.CreateAsync(TestContext.Current.CancellationToken);
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 11, 4, 9), pg.ConnectionString);
        await SignConcurrentlyAsync(h);
    }

    private static async Task SignConcurrentlyAsync(EngineHarness h)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < Projects; i++)
        {
            var id = await h.FileAndAcceptAsync("enterprise-establishment");
            var licence = Assert.Single(await h.OpenTasksAsync(id));
            await h.RunAsync(op => new DecideMatter(op, EngineHarness.Approver("market-regulation"), licence.Id, MatterDecision.Approve, null, []));
            ids.Add(id);
        }
        var tasks = new List<WorkTask>();
        foreach (var id in ids) tasks.AddRange(await h.OpenTasksAsync(id));
        Assert.Equal(Projects * 3, tasks.Count);

        // Every decision is sent twice at once with the same operation id, as a client retrying on a timeout would.
        using var start = new ManualResetEventSlim();
        var sends = tasks.SelectMany(t => Enumerable.Repeat(t, 2)).Select(t => Task.Run(async () =>
        {
            start.Wait();
            return await h.Engine.ExecuteAsync(new DecideMatter($"sign-{t.Id}", EngineHarness.Approver(t.DepartmentId!), t.Id,
                MatterDecision.Approve, "同意", []));
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(sends);

        Assert.Equal(tasks.Count, results.Count(r => !r.Replayed));
        await using var db = h.Database.CreateContext();
        var journal = await db.Journal.AsNoTracking().Where(j => ids.Contains(j.InstanceId)).ToListAsync();
        foreach (var id in ids)
        {
            var instance = await h.LoadAsync(id);
            Assert.Equal("completion", instance.CurrentActivityId);
            Assert.All(instance.Tasks, t => Assert.Equal(Outcomes.Approved, t.Outcome));
            var own = journal.Where(j => j.InstanceId == id).OrderBy(j => j.Sequence).ToList();
            Assert.Equal(Enumerable.Range(1, own.Count), own.Select(j => j.Sequence));
            Assert.Single(own, j => j.Event == "StepCompleted" && j.ActivityId == "parallel-approvals");
            Assert.Single(own, j => j.Event == "StepStarted" && j.ActivityId == "completion");
        }
        Assert.All(tasks, t => Assert.Single(journal, j => j.Event == "TaskDecided" && j.TaskId == t.Id));
    }
}
