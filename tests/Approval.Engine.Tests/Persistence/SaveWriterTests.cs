using System.Text.RegularExpressions;
using Approval.Engine.Journal;
using Approval.Engine.Persistence;
using Approval.Engine.Runtime;
using Approval.Testing.Persistence;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Approval.Engine.Tests.Persistence;

/// <summary>
/// <see cref="SaveWriter"/> writes what SaveChanges would write, row for row and column for column, checks versions
/// as SaveChanges does, writes nothing of a save that fails, and leaves to SaveChanges what it cannot write.
/// </summary>
/// <remarks>The writer is PostgreSQL's (an ADO.NET batch with positional parameters); on SQLite SaveChanges writes.</remarks>
public sealed partial class SaveWriterTests() : MigratedStoreTests(TestStore.Postgres)
{
    private static readonly string[] Tables = ["instances", "tasks", "timers", "clock_stops", "extensions", "journal", "operations"];

    [Fact]
    public async Task A_new_project_is_stored_exactly_as_SaveChanges_stores_it()
    {
        var written = await MigratedAsync();
        var saved = await MigratedAsync();
        var project = NewProject();

        await using (var db = written.CreateContext())
        {
            AddProject(db, project);
            Assert.True(await WriteAsync(db));
        }
        await using (var db = saved.CreateContext())
        {
            AddProject(db, project);
            await db.SaveSeedAsync(Ct);
        }

        foreach (var table in Tables)
        {
            var expected = await RowsAsync(saved, table);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, await RowsAsync(written, table));
        }
    }

    [Fact]
    public async Task Changed_columns_of_loaded_rows_are_stored_exactly_as_SaveChanges_stores_them()
    {
        var written = await MigratedAsync();
        var saved = await MigratedAsync();
        var project = NewProject();
        await StoreAsync(written, project);
        await StoreAsync(saved, project);

        await using (var db = written.CreateContext())
        {
            Change(await LoadAsync(db));
            Assert.True(await WriteAsync(db));
        }
        await using (var db = saved.CreateContext())
        {
            Change(await LoadAsync(db));
            await db.SaveSeedAsync(Ct);
        }

        foreach (var table in Tables) Assert.Equal(await RowsAsync(saved, table), await RowsAsync(written, table));
        await using var check = written.CreateContext();
        var instance = await check.Instances.AsNoTracking().SingleAsync(Ct);
        Assert.Equal((2, InstanceStatus.Completed), (instance.Version, instance.Status));
        Assert.Equal(["营业执照", "土地证"], instance.SubmittedMaterials);
    }

    [Fact]
    public async Task A_new_tables_rows_go_in_one_insert_after_the_rows_they_refer_to()
    {
        var database = await MigratedAsync();
        await using var db = database.CreateContext();
        AddProject(db, NewProject());
        db.ChangeTracker.DetectChanges();

        await using var batch = db.Database.GetDbConnection().CreateBatch();
        await using var maker = db.Database.GetDbConnection().CreateCommand();
        var plan = SaveWriter.Plan(db, batch, maker)!;

        var statements = batch.BatchCommands.Select(c => Statement().Match(c.CommandText).Groups["table"].Value).ToList();
        Assert.Equal(statements.Count, plan.Rows.Count);
        Assert.Equal("instances", statements[0]);
        Assert.Equal(["clock_stops", "extensions", "journal", "operations", "tasks", "timers"], statements[1..].Order(StringComparer.Ordinal));
        Assert.True(statements.IndexOf("tasks") < statements.IndexOf("timers"), "timers refer to tasks");
        Assert.Equal(3, plan.Rows[statements.IndexOf("journal")]);
        Assert.Equal(1 + 2 + 2 + 1 + 1 + 3 + 1, plan.Rows.Sum());
    }

    [Fact]
    public async Task A_save_from_a_stale_version_fails_as_a_whole_on_the_version_guard()
    {
        var database = await MigratedAsync();
        await StoreAsync(database, NewProject());
        await using var winner = database.CreateContext();
        await using var loser = database.CreateContext();
        var won = await LoadAsync(winner);
        var lost = await LoadAsync(loser);

        won.Version++;
        won.Status = InstanceStatus.Completed;
        winner.Operations.Add(Operation(won.Id, "op-winner", won.Version));
        Assert.True(await WriteAsync(winner));
        // As an engine command's save: other rows than the winner's, and the operation record of the version it made.
        lost.Version++;
        lost.Tasks[0].Status = Engine.Runtime.TaskStatus.Done;
        loser.Journal.Add(Entry(lost.Id, 4, "Stale"));
        loser.Operations.Add(Operation(lost.Id, "op-loser", lost.Version));

        var failed = await Assert.ThrowsAnyAsync<DbUpdateException>(() => WriteAsync(loser));

        // The instance's update comes first and finds the version moved; the operation's index would refuse it next.
        Assert.IsType<DbUpdateConcurrencyException>(failed);
        await using var check = database.CreateContext();
        Assert.Equal(InstanceStatus.Completed, (await check.Instances.AsNoTracking().SingleAsync(Ct)).Status);
        Assert.DoesNotContain(await check.Set<WorkTask>().AsNoTracking().ToListAsync(Ct), t => t.Status == Engine.Runtime.TaskStatus.Done);
        Assert.False(await check.Journal.AnyAsync(j => j.Event == "Stale", Ct));
        Assert.False(await check.Operations.AnyAsync(o => o.OperationId == "op-loser", Ct));
    }

    [Fact]
    public async Task An_update_from_a_stale_version_is_a_concurrency_conflict()
    {
        var database = await MigratedAsync();
        await StoreAsync(database, NewProject());
        await using var winner = database.CreateContext();
        await using var loser = database.CreateContext();
        var won = await LoadAsync(winner);
        var lost = await LoadAsync(loser);
        won.Version++;
        Assert.True(await WriteAsync(winner));
        lost.Version++;
        lost.Status = InstanceStatus.Rejected;

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => WriteAsync(loser));

        await using var check = database.CreateContext();
        var stored = await check.Instances.AsNoTracking().SingleAsync(Ct);
        Assert.Equal((2, InstanceStatus.Running), (stored.Version, stored.Status));
    }

    [Fact]
    public async Task A_save_whose_version_guard_matches_no_row_writes_none_of_its_rows()
    {
        var database = await MigratedAsync();
        await StoreAsync(database, NewProject());
        await using var winner = database.CreateContext();
        await using var loser = database.CreateContext();
        var won = await LoadAsync(winner);
        var lost = await LoadAsync(loser);
        // A version moved without an operation record (a write outside the engine): no key of the loser's collides.
        won.Version += 5;
        Assert.True(await WriteAsync(winner));
        lost.Version++;
        lost.JournalCount++;
        lost.Tasks[0].Status = Engine.Runtime.TaskStatus.Done;
        loser.Journal.Add(Entry(lost.Id, 4, "Stale"));
        loser.Operations.Add(Operation(lost.Id, "op-stale", lost.Version));

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => WriteAsync(loser));

        await using var check = database.CreateContext();
        var stored = await check.Instances.AsNoTracking().SingleAsync(Ct);
        Assert.Equal((6, 3), (stored.Version, stored.JournalCount));
        Assert.DoesNotContain(await check.Set<WorkTask>().AsNoTracking().ToListAsync(Ct), t => t.Status == Engine.Runtime.TaskStatus.Done);
        Assert.False(await check.Journal.AnyAsync(j => j.Event == "Stale", Ct));
        Assert.False(await check.Operations.AnyAsync(o => o.OperationId == "op-stale", Ct));
    }

    [Fact]
    public async Task A_duplicate_key_fails_the_whole_save_as_a_unique_violation()
    {
        var database = await MigratedAsync();
        var id = (await StoreAsync(database, NewProject())).Id;
        await using var again = database.CreateContext();
        var instance = await LoadAsync(again);
        instance.Version++;
        again.Journal.Add(Entry(id, 4, "Again"));
        again.Operations.Add(Operation(id, "op-1", 2));

        var failed = await Assert.ThrowsAsync<DbUpdateException>(() => WriteAsync(again));

        Assert.True(ApprovalDatabase.IsUniqueViolation(failed), failed.InnerException?.Message);
        await using var check = database.CreateContext();
        Assert.Equal(1, (await check.Instances.AsNoTracking().SingleAsync(Ct)).Version);
        Assert.False(await check.Journal.AnyAsync(j => j.Event == "Again", Ct));
    }

    [Fact]
    public async Task A_delete_is_left_to_SaveChanges_and_nothing_is_written()
    {
        var database = await MigratedAsync();
        await StoreAsync(database, NewProject());
        await using var change = database.CreateContext();
        var instance = await LoadAsync(change);
        instance.Version++;
        change.Remove(instance.Extensions[0]);

        Assert.False(await WriteAsync(change));

        await using var check = database.CreateContext();
        Assert.Equal(1, (await check.Instances.AsNoTracking().SingleAsync(Ct)).Version);
        Assert.Equal(1, await check.Set<Extension>().CountAsync(Ct));
    }

    [Fact]
    public async Task An_engine_shaped_save_is_one_the_writer_takes()
    {
        var database = await MigratedAsync();
        await using var db = database.CreateContext();
        AddProject(db, NewProject());
        db.ChangeTracker.DetectChanges();

        await using var batch = db.Database.GetDbConnection().CreateBatch();
        await using var maker = db.Database.GetDbConnection().CreateCommand();
        // Inserts of every table and no deletes: SaveAtomicallyAsync takes the writer for it.
        Assert.NotNull(SaveWriter.Plan(db, batch, maker));
        await ProjectStore.SaveAtomicallyAsync(db, Ct);
        await using var check = database.CreateContext();
        Assert.Equal(3, await check.Journal.CountAsync(Ct));
    }

    [Fact]
    public async Task With_a_SaveChanges_interceptor_registered_the_save_is_left_to_SaveChanges_and_the_interceptor_sees_it()
    {
        var database = await MigratedAsync();
        var interceptor = new CountingSaveInterceptor();
        var options = new DbContextOptionsBuilder<PostgresApprovalDbContext>()
            .UseNpgsql(database.Options.ConnectionString).AddInterceptors(interceptor).Options;
        await using var db = new PostgresApprovalDbContext(options);
        AddProject(db, NewProject());

        Assert.False(await WriteAsync(db));
        await ProjectStore.SaveAtomicallyAsync(db, Ct);

        Assert.Equal(1, interceptor.Saves);
        await using var check = database.CreateContext();
        Assert.Equal(3, await check.Journal.CountAsync(Ct));
    }

    private sealed class CountingSaveInterceptor : Microsoft.EntityFrameworkCore.Diagnostics.SaveChangesInterceptor
    {
        public int Saves { get; private set; }

        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int>> SavingChangesAsync(
            Microsoft.EntityFrameworkCore.Diagnostics.DbContextEventData eventData,
            Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Saves++;
            return ValueTask.FromResult(result);
        }
    }

    private static async Task<bool> WriteAsync(ApprovalDbContext db)
    {
        db.ChangeTracker.DetectChanges();
        return await SaveWriter.TryWriteAsync(db, Ct);
    }

    private static ProjectInstance NewProject()
    {
        var instance = SampleProject.New();
        instance.Version = 1;
        instance.JournalCount = 3;
        instance.SubmittedMaterials = ["营业执照"];
        return instance;
    }

    /// <summary>Stores the project as <see cref="AddProject"/> adds it, through SaveChanges.</summary>
    private static async Task<ProjectInstance> StoreAsync(ApprovalDatabase database, ProjectInstance project)
    {
        await using var db = database.CreateContext();
        AddProject(db, project);
        await db.SaveSeedAsync(Ct);
        return project;
    }

    /// <summary>Adds the project with three journal entries and its operation record (new objects, the same values each time).</summary>
    private static ProjectInstance AddProject(ApprovalDbContext db, ProjectInstance instance)
    {
        db.Instances.Add(instance);
        db.Journal.AddRange(Entry(instance.Id, 1, "Filed"), Entry(instance.Id, 2, "Accepted"), Entry(instance.Id, 3, "TaskOpened"));
        db.Operations.Add(Operation(instance.Id, "op-1", 1));
        return instance;
    }

    /// <summary>What a sign-off changes: the instance's status, version, list column and counter; a task; a timer; new rows.</summary>
    private static void Change(ProjectInstance instance)
    {
        instance.Version++;
        instance.Status = InstanceStatus.Completed;
        instance.SubmittedMaterials.Add("土地证");
        instance.EndedAt = SampleProject.At + Duration.FromDays(3);
        var task = instance.Tasks.Single(t => t.ActivityId == "parallel-approvals");
        task.Status = Engine.Runtime.TaskStatus.Done;
        task.DecidedAt = SampleProject.At + Duration.FromDays(2);
        task.DecidedBy = "approver-natural-resources";
        instance.Timers.Single(t => t.TaskId == task.Id).Status = Engine.Timers.TimerStatus.Cancelled;
    }

    private static Task<ProjectInstance> LoadAsync(ApprovalDbContext db) =>
        db.Instances.Include(i => i.Tasks).Include(i => i.Timers).Include(i => i.ClockStops).Include(i => i.Extensions).SingleAsync(Ct);

    private static JournalEntry Entry(Guid instance, int sequence, string @event) => new()
    {
        InstanceId = instance, Sequence = sequence, Event = @event, UserId = "window-wang", ActorRole = "Window",
        At = SampleProject.At + Duration.FromMinutes(sequence), WorkingDay = new LocalDate(2024, 9, 27), Reasons = sequence == 2 ? null : "材料齐全",
    };

    private static ProcessedOperation Operation(Guid instance, string id, int version) => new()
    {
        OperationId = id, CommandType = "AcceptApplication:x", InstanceId = instance, UserId = "window-wang",
        Result = """{"status":"Running"}""", At = SampleProject.At, InstanceVersion = version,
    };

    /// <summary>Every row of a table as invariant text, sorted: the stored values themselves, whatever wrote them.</summary>
    private static async Task<List<string>> RowsAsync(ApprovalDatabase database, string table)
    {
        await using var db = database.CreateContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        var rows = await SchemaQuery.RowsAsync(connection, $"SELECT * FROM \"{table}\"", [], Ct);
        return [.. rows.Select(r => string.Join(" | ", r.Select(v => v ?? "NULL"))).Order(StringComparer.Ordinal)];
    }

    // PostgreSQL's provider quotes only names that need it.
    [GeneratedRegex("""(?:INSERT INTO|UPDATE) "?(?<table>[a-z_]+)"? """)]
    private static partial Regex Statement();
}

