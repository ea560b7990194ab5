using Approval.Engine.Journal;
using Approval.Engine.Persistence;
using Approval.Engine.Runtime;
using Approval.Engine.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Update;
using NodaTime;

namespace Approval.Engine.Tests.Persistence;

/// <summary>
/// A save's statements are ordered by <see cref="RankedCommandBatchPreparer"/> when only the foreign keys constrain
/// them, and by EF Core otherwise; either way the save must succeed with the constraints checked statement by statement.
/// </summary>
public abstract class SaveOrderTests(TestStore store) : MigratedStoreTests(store)
{
    private static readonly Instant At = SampleProject.At;

    [Fact]
    public async Task A_new_project_is_written_before_its_tasks_and_they_before_the_rows_that_refer_to_them()
    {
        var database = await MigratedAsync();
        await using var db = database.CreateContext();
        var instance = SampleProject.New();
        db.Instances.Add(instance);
        db.Journal.Add(new JournalEntry { InstanceId = instance.Id, Sequence = 1, Event = "Filed", UserId = "agent-li", ActorRole = "Agent", At = At, WorkingDay = new LocalDate(2024, 9, 27) });

        var (preparer, batches) = Prepare(db);

        Assert.IsType<RankedCommandBatchPreparer>(preparer);
        // PostgreSQL sends the save as one batch; SQLite runs statement by statement.
        if (database.Provider == DatabaseProvider.Postgres) Assert.Single(batches);
        var written = batches.SelectMany(tables => tables).ToList();
        Assert.Equal("instances", written[0]);
        Assert.Equal(["clock_stops", "extensions", "journal", "tasks", "tasks", "timers", "timers"], written[1..].Order(StringComparer.Ordinal));
        await ProjectStore.SaveAtomicallyAsync(db, Ct);
        await using var check = database.CreateContext();
        var saved = await check.Instances.AsNoTracking().Include(i => i.Tasks).Include(i => i.Timers).Include(i => i.ClockStops)
            .Include(i => i.Extensions).SingleAsync(i => i.Id == instance.Id, Ct);
        Assert.Equal((2, 2, 1, 1), (saved.Tasks.Count, saved.Timers.Count, saved.ClockStops.Count, saved.Extensions.Count));
        Assert.True(await check.Journal.AnyAsync(j => j.InstanceId == instance.Id && j.Sequence == 1, Ct));
    }

    [Fact]
    public async Task A_save_that_deletes_is_ordered_by_ef_core_dependents_first()
    {
        var database = await MigratedAsync();
        var instance = SampleProject.New();
        await using (var db = database.CreateContext())
        {
            db.Instances.Add(instance);
            await ProjectStore.SaveAtomicallyAsync(db, Ct);
        }

        await using (var db = database.CreateContext())
        {
            // The project is the principal of every other row: by rank it would go first, and the database's cascade
            // would then leave the other deletes nothing to delete.
            var stored = await db.Instances.Include(i => i.Tasks).Include(i => i.Timers).Include(i => i.ClockStops)
                .Include(i => i.Extensions).SingleAsync(i => i.Id == instance.Id, Ct);
            db.Remove(stored);

            var written = Prepare(db).Batches.SelectMany(tables => tables).ToList();
            Assert.Equal(7, written.Count);
            Assert.Equal("instances", written[^1]);
            await ProjectStore.SaveAtomicallyAsync(db, Ct);
        }

        await using var check = database.CreateContext();
        Assert.False(await check.Instances.AnyAsync(i => i.Id == instance.Id, Ct));
        Assert.False(await check.Set<WorkTask>().AnyAsync(t => t.InstanceId == instance.Id, Ct));
    }

    /// <summary>The batches the context's preparer makes of its pending changes, as the tables of their statements in order.</summary>
    private static (ICommandBatchPreparer Preparer, List<List<string>> Batches) Prepare(DbContext db)
    {
#pragma warning disable EF1001 // The state manager's entries are what SaveChanges hands the preparer.
        db.ChangeTracker.DetectChanges();
        var entries = db.GetService<IStateManager>().GetEntriesToSave(cascadeChanges: true);
#pragma warning restore EF1001
        var preparer = db.GetService<ICommandBatchPreparer>();
        var batches = preparer.BatchCommands(entries, db.GetService<IUpdateAdapterFactory>().Create())
            .Select(batch => batch.ModificationCommands.Select(c => c.TableName).ToList()).ToList();
        return (preparer, batches);
    }
}

/// <summary><see cref="SaveOrderTests"/> on a SQLite file.</summary>
public sealed class SqliteSaveOrderTests() : SaveOrderTests(TestStore.Sqlite);

/// <summary><see cref="SaveOrderTests"/> on a PostgreSQL database of each test's own.</summary>
public sealed class PostgresSaveOrderTests() : SaveOrderTests(TestStore.Postgres);
