using Approval.Engine.Persistence;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Testing;
using Approval.Testing.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Tests.Runtime;

/// <summary>
/// A save is all or nothing: when a project's version was moved outside this engine (another node, an operator's
/// SQL), a command begun from what the engine kept writes nothing, runs again from the database and applies once;
/// the journal and the project's counters agree and every later command works. On both providers, cache on and off.
/// </summary>
public sealed class SaveAllOrNothingTests
{
    private const string Definition = "enterprise-establishment";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task On_sqlite_a_version_moved_behind_the_engine_is_retried_from_the_database_and_applies_once(bool kept) =>
        await VersionMovedBehindTheEngineAsync(await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 3, 4, 10),
            configure: s => s.Engine.AggregateCacheSize = kept ? 100 : 0));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task On_postgres_a_version_moved_behind_the_engine_is_retried_from_the_database_and_applies_once(bool kept)
    {
        await using var pg = await PostgresDatabase.CreateAsync(Ct);
        await VersionMovedBehindTheEngineAsync(await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 3, 4, 10), pg.ConnectionString,
            configure: s => s.Engine.AggregateCacheSize = kept ? 100 : 0));
    }

    private static async Task VersionMovedBehindTheEngineAsync(EngineHarness h)
    {
        await using var _ = h;
        var id = await h.FileAndAcceptAsync(Definition);
        var licence = Assert.Single(await h.OpenTasksAsync(id));
        await h.RunAsync(op => new DecideMatter(op, EngineHarness.Approver(licence.DepartmentId!), licence.Id, MatterDecision.Approve, "同意", []));
        var matters = await h.OpenTasksAsync(id);
        var before = await h.LoadAsync(id);
        var outcomes = h.Engine.Kept?.Outcomes;

        // A write that is not the engine's: it moves the version (and nothing else) behind the kept copy's back.
        await using (var db = h.Database.CreateContext())
            Assert.Equal(1, await db.Database.ExecuteSqlAsync($"UPDATE instances SET \"Version\" = \"Version\" + 1 WHERE \"Id\" = {id}", Ct));
        var first = matters[0];
        var decided = await h.RunAsync(op => new DecideMatter(op, EngineHarness.Approver(first.DepartmentId!), first.Id, MatterDecision.Approve, "同意", []));

        Assert.False(decided.Replayed);
        if (outcomes is { } o) Assert.Equal((o.Saved, o.FellBack + 1), h.Engine.Kept!.Outcomes);
        var after = await h.LoadAsync(id);
        Assert.Equal(before.Version + 2, after.Version);
        Assert.Equal(Engine.Runtime.TaskStatus.Done, after.Tasks.Single(t => t.Id == first.Id).Status);
        await AssertJournalAgreesAsync(h, id, after);
        Assert.Single(await h.JournalAsync(id), j => j.TaskId == first.Id && j.Event == "TaskDecided");

        foreach (var matter in matters.Skip(1))
            await h.RunAsync(op => new DecideMatter(op, EngineHarness.Approver(matter.DepartmentId!), matter.Id, MatterDecision.Approve, "同意", []));
        var issued = await h.RunAsync(op => new IssueResults(op, EngineHarness.Window, id));

        Assert.Equal(InstanceStatus.Completed, issued.Status);
        await AssertJournalAgreesAsync(h, id, await h.LoadAsync(id));
    }

    /// <summary>The project's journal counter is its journal's length, and the journal is numbered without gaps.</summary>
    private static async Task AssertJournalAgreesAsync(EngineHarness h, Guid id, ProjectInstance project)
    {
        var journal = await h.JournalAsync(id);
        Assert.Equal(Enumerable.Range(1, journal.Count), journal.Select(j => j.Sequence));
        Assert.Equal(project.JournalCount, journal.Count);
        await using var db = h.Database.CreateContext();
        var operations = await db.Operations.AsNoTracking().Where(o => o.InstanceId == id).Select(o => o.InstanceVersion).ToListAsync(Ct);
        // Every save records the version it made; the version moved by hand is the one without an operation.
        Assert.Equal(project.Version - 1, operations.Count);
    }
}
