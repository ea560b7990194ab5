using Approval.Engine.Persistence;
using Approval.Engine.Runtime;
using Approval.Testing.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

namespace Approval.Engine.Tests.Persistence;

/// <summary>
/// What every provider's hand-written migrations must do: build exactly the model's schema, once.
/// Each provider's subclass supplies fresh empty databases and reads a schema back.
/// </summary>
public abstract class MigrationTests : IAsyncDisposable
{
    private const string Initial = "20261122000000_Initial";
    private const string OperationVersions = "20261129000000_OperationVersions";
    private const string HotPathIndexes = "20261129000100_HotPathIndexes";
    private const string JournalNaturalKey = "20261130000000_JournalNaturalKey";
    private const string HandedInMaterials = "20261202000000_HandedInMaterials";
    private const string OperationRequestFingerprints = "20261202100000_OperationRequestFingerprints";
    private const string DocumentNumbers = "20261203000000_DocumentNumbers";
    private const string ProjectContacts = "20261203000100_ProjectContacts";
    private const string ReadIndexes = "20261204000000_ReadIndexes";
    private readonly Stack<IAsyncDisposable> _owned = new();

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The migration classes this provider's context must find, in order, and no others.</summary>
    protected abstract IReadOnlyList<Type> MigrationTypes { get; }

    /// <summary>A new, empty database for this test only, dropped by <paramref name="own"/>'s registration.</summary>
    protected abstract Task<PersistenceOptions> CreateEmptyAsync(Action<IAsyncDisposable> own);

    protected abstract Task<IReadOnlyList<string>> DescribeAsync(System.Data.Common.DbConnection connection);

    [Fact]
    public async Task Migrations_build_the_schema_the_model_defines()
    {
        var migrated = await MigratedAsync();
        var created = await NewAsync();
        await using (var db = created.CreateContext()) await db.Database.EnsureCreatedAsync(Ct);

        SchemaAssert.Same(model: await DescribeAsync(created), migrated: await DescribeAsync(migrated));
    }

    [Fact]
    public async Task Migrating_twice_changes_nothing()
    {
        var database = await MigratedAsync();
        var before = await DescribeAsync(database);

        await database.MigrateAsync(Ct);

        SchemaAssert.Same(model: before, migrated: await DescribeAsync(database));
        await using var db = database.CreateContext();
        Assert.Equal([Initial, OperationVersions, HotPathIndexes, JournalNaturalKey, HandedInMaterials, OperationRequestFingerprints, DocumentNumbers, ProjectContacts, ReadIndexes], await db.Database.GetAppliedMigrationsAsync(Ct));
    }

    [Fact]
    public async Task No_migration_is_pending_after_migrating()
    {
        var database = await MigratedAsync();

        await using var db = database.CreateContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
    }

    [Fact]
    public async Task Context_finds_only_its_own_providers_migrations()
    {
        var database = await NewAsync();

        await using var db = database.CreateContext();
        var migrations = db.GetService<IMigrationsAssembly>().Migrations;
        Assert.Equal([Initial, OperationVersions, HotPathIndexes, JournalNaturalKey, HandedInMaterials, OperationRequestFingerprints, DocumentNumbers, ProjectContacts, ReadIndexes], migrations.Keys);
        Assert.Equal(MigrationTypes, migrations.Values.Select(t => t.AsType()));
    }

    [Fact]
    public async Task Migrated_schema_keeps_one_running_instance_per_code_and_definition()
    {
        var database = await MigratedAsync();
        var ended = Instant.FromUtc(2026, 1, 5, 8, 0);

        await AddAsync(database, Instance("91440300MA5XXXXX01", "demo", ended));
        await AddAsync(database, Instance("91440300MA5XXXXX01", "demo", null));
        await AddAsync(database, Instance("91440300MA5XXXXX01", "other", null));
        await AddAsync(database, Instance(null, "demo", null));
        await AddAsync(database, Instance(null, "demo", null));
        var duplicate = await Assert.ThrowsAsync<DbUpdateException>(() => AddAsync(database, Instance("91440300MA5XXXXX01", "demo", null)));

        Assert.True(ApprovalDatabase.IsUniqueViolation(duplicate), duplicate.InnerException?.Message);
    }

    [Fact]
    public async Task Upgrading_a_first_release_database_keeps_its_operations()
    {
        var database = await NewAsync();
        await using (var db = database.CreateContext())
        {
            await db.GetService<IMigrator>().MigrateAsync(Initial, Ct);
            var at = new DateTime(2026, 1, 5, 1, 0, 0, DateTimeKind.Utc);
            var instance = Guid.NewGuid();
            await db.Database.ExecuteSqlAsync($$"""
                INSERT INTO operations ("OperationId", "CommandType", "InstanceId", "UserId", "Result", "At")
                VALUES ('op-before', 'DecideMatter:x', {{instance}}, 'approver-taxation', '{"status":"Running"}', {{at}})
                """, Ct);
        }

        await database.MigrateAsync(Ct);

        await using var after = database.CreateContext();
        var kept = await after.Operations.AsNoTracking().SingleAsync(Ct);
        Assert.Equal(("op-before", "approver-taxation", """{"status":"Running"}""", (int?)null, (string?)null),
            (kept.OperationId, kept.UserId, kept.Result, kept.InstanceVersion, kept.RequestFingerprint));
    }

    [Fact]
    public async Task Keying_the_journal_by_project_and_sequence_keeps_every_entry()
    {
        var database = await NewAsync();
        var instance = Guid.NewGuid();
        await using (var db = database.CreateContext())
        {
            await db.GetService<IMigrator>().MigrateAsync(HotPathIndexes, Ct);
            await InsertInstanceRowAsync(db, instance);
            foreach (var (sequence, @event) in new[] { (1, "Filed"), (2, "Accepted") })
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO journal ("InstanceId", "Sequence", "Event", "UserId", "ActorRole", "At", "WorkingDay")
                    VALUES ({instance}, {sequence}, {@event}, 'window-wang', 'Window',
                        {new DateTime(2026, 1, 5, 1, sequence, 0, DateTimeKind.Utc)}, {new DateOnly(2026, 1, 5)})
                    """, Ct);
        }

        await database.MigrateAsync(Ct);

        await using (var after = database.CreateContext())
        {
            var kept = await after.Journal.AsNoTracking().Where(j => j.InstanceId == instance).OrderBy(j => j.Sequence).ToListAsync(Ct);
            Assert.Equal([(1, "Filed"), (2, "Accepted")], kept.Select(j => (j.Sequence, j.Event)));
            Assert.Equal(Instant.FromUtc(2026, 1, 5, 1, 2), kept[1].At);
        }
        var twice = await Assert.ThrowsAsync<DbUpdateException>(() => AddAsync(database, new Journal.JournalEntry
        {
            InstanceId = instance, Sequence = 2, Event = "Again", UserId = "u", ActorRole = "Window",
            At = Instant.FromUtc(2026, 1, 5, 2, 0), WorkingDay = new LocalDate(2026, 1, 5),
        }));
        Assert.True(ApprovalDatabase.IsUniqueViolation(twice), twice.InnerException?.Message);
    }

    [Fact]
    public async Task Reverting_the_journal_key_restores_the_previous_schema_and_entries()
    {
        var previous = await NewAsync();
        await using (var db = previous.CreateContext()) await db.GetService<IMigrator>().MigrateAsync(HotPathIndexes, Ct);
        var database = await MigratedAsync();
        var instance = Guid.NewGuid();
        await AddAsync(database, Instance("91440300MA5XXXXX01", "demo", null, instance));
        await AddAsync(database, new Journal.JournalEntry
        {
            InstanceId = instance, Sequence = 1, Event = "Filed", UserId = "agent-li", ActorRole = "Agent",
            At = Instant.FromUtc(2026, 1, 5, 1, 0), WorkingDay = new LocalDate(2026, 1, 5),
        });

        await using (var db = database.CreateContext()) await db.GetService<IMigrator>().MigrateAsync(HotPathIndexes, Ct);

        SchemaAssert.Same(model: await DescribeAsync(previous), migrated: await DescribeAsync(database));
        await using var check = database.CreateContext();
        Assert.Equal(1, await check.Database.SqlQuery<int>($"""SELECT COUNT(*) AS "Value" FROM journal WHERE "Sequence" = 1 AND "Event" = 'Filed'""").SingleAsync(Ct));
    }

    [Fact]
    public async Task Migrated_schema_lets_one_operation_produce_each_instance_version()
    {
        var database = await MigratedAsync();
        var instance = Guid.NewGuid();

        await AddAsync(database, Operation("a", instance, 2));
        await AddAsync(database, Operation("b", instance, 3));
        await AddAsync(database, Operation("c", Guid.NewGuid(), 2));
        await AddAsync(database, Operation("d", instance, null));
        await AddAsync(database, Operation("e", instance, null));
        var stale = await Assert.ThrowsAsync<DbUpdateException>(() => AddAsync(database, Operation("f", instance, 3)));

        Assert.True(ApprovalDatabase.IsUniqueViolation(stale), stale.InnerException?.Message);
    }

    public async ValueTask DisposeAsync()
    {
        while (_owned.TryPop(out var owned)) await owned.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private async Task<ApprovalDatabase> NewAsync()
    {
        var database = new ApprovalDatabase(await CreateEmptyAsync(_owned.Push));
        _owned.Push(database);
        return database;
    }

    private async Task<ApprovalDatabase> MigratedAsync()
    {
        var database = await NewAsync();
        await database.MigrateAsync(Ct);
        return database;
    }

    private async Task<IReadOnlyList<string>> DescribeAsync(ApprovalDatabase database)
    {
        await using var db = database.CreateContext();
        await db.Database.OpenConnectionAsync(Ct);
        return await DescribeAsync(db.Database.GetDbConnection());
    }

    private static async Task AddAsync<T>(ApprovalDatabase database, T entity) where T : class
    {
        await using var db = database.CreateContext();
        db.Add(entity);
        await db.SaveSeedAsync(Ct);
    }

    private static ProcessedOperation Operation(string id, Guid instance, int? version) => new()
    {
        OperationId = id, CommandType = "DecideMatter:x", InstanceId = instance, UserId = "u", Result = "{}",
        At = Instant.FromUtc(2026, 1, 5, 1, 0), InstanceVersion = version,
    };

    /// <summary>
    /// An instance row in a schema migrated only part of the way: through SQL and the columns every migration has, not
    /// through the model, which has the columns of later migrations.
    /// </summary>
    private static Task InsertInstanceRowAsync(ApprovalDbContext db, Guid id) => db.Database.ExecuteSqlAsync($"""
        INSERT INTO instances ("Id", "DefinitionId", "DefinitionVersion", "ProjectCodeLocallyIssued", "ProjectName", "InvestorId",
            "InvestorName", "Division", "Industry", "InvestmentAmount", "Status", "CurrentActivityId", "SubmittedMaterials",
            "Deficiencies", "FiledAt", "TargetWorkingDays", "ExtensionWorkingDays", "JournalCount", "Version")
        VALUES ({id}, 'demo', 1, {false}, '', '', '', '', '', {0m}, 'Running', '', '[]', '[]',
            {new DateTime(2026, 1, 5, 1, 0, 0, DateTimeKind.Utc)}, 0, 0, 0, 0)
        """, Ct);

    private static ProjectInstance Instance(string? code, string definition, Instant? endedAt, Guid? id = null) => new()
    {
        Id = id ?? Guid.NewGuid(),
        DefinitionId = definition,
        ProjectCode = code,
        Status = endedAt is null ? InstanceStatus.Running : InstanceStatus.Completed,
        FiledAt = Instant.FromUtc(2026, 1, 5, 1, 0),
        EndedAt = endedAt,
    };
}
