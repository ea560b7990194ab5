using System.Data.Common;
using Approval.Engine.Persistence;
using Approval.Testing.Persistence;
using Approval.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Approval.Web.Tests.Identity;

/// <summary>
/// What every provider's hand-written Identity migrations must do: build exactly the Identity model's schema, once,
/// and live beside the engine's tables in the one database, each with its own history table.
/// Each provider's subclass supplies fresh empty databases and reads a schema back.
/// </summary>
public abstract class IdentityMigrationTests : IAsyncDisposable
{
    private const string IdentityId = "20261122000100_Identity";
    private const string Generator = "Tools/GenerateIdentityMigrations";
    private readonly Stack<IAsyncDisposable> _owned = new();

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The migration class this provider's Identity context must find, and no other.</summary>
    protected abstract Type IdentityMigration { get; }

    /// <summary>A new, empty database for this test only, dropped by <paramref name="own"/>'s registration.</summary>
    protected abstract Task<PersistenceOptions> CreateEmptyAsync(Action<IAsyncDisposable> own);

    /// <summary>The schema, leaving out both contexts' history tables (and EF Core's other bookkeeping).</summary>
    protected abstract Task<IReadOnlyList<string>> DescribeAsync(DbConnection connection);

    [Fact]
    public async Task Migrations_build_the_schema_the_model_defines()
    {
        var (_, migrated) = await MigratedAsync();
        var (_, created) = await NewAsync();
        await created.UseAsync(db => db.Database.EnsureCreatedAsync(Ct));

        SchemaAssert.Same(model: await DescribeAsync(created), migrated: await DescribeAsync(migrated), Generator);
    }

    [Fact]
    public async Task Migrating_twice_changes_nothing()
    {
        var (_, identity) = await MigratedAsync();
        var before = await DescribeAsync(identity);

        await identity.MigrateAsync(Ct);

        SchemaAssert.Same(model: before, migrated: await DescribeAsync(identity), Generator);
        Assert.Equal([IdentityId], await identity.UseAsync(db => db.Database.GetAppliedMigrationsAsync(Ct)));
    }

    [Fact]
    public async Task No_migration_is_pending_after_migrating()
    {
        var (_, identity) = await MigratedAsync();

        Assert.Empty(await identity.UseAsync(db => db.Database.GetPendingMigrationsAsync(Ct)));
    }

    [Fact]
    public async Task Context_finds_only_its_own_providers_migrations()
    {
        var (_, identity) = await NewAsync();

        var migrations = await identity.UseAsync(db => Task.FromResult(db.GetService<IMigrationsAssembly>().Migrations));
        Assert.Equal([(IdentityId, IdentityMigration)], migrations.Select(m => (m.Key, m.Value.AsType())));
    }

    /// <summary>
    /// Production's database: the engine's and Identity's migrations on one database, in either order (the host runs
    /// the engine's first). Each finds only its own history, and together they build both models' tables, no more.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Engine_and_identity_migrate_one_database_each_with_its_own_history(bool engineFirst)
    {
        var (options, identity) = await NewAsync();
        var engine = Own(new ApprovalDatabase(options));

        if (engineFirst) await engine.MigrateAsync(Ct);
        await identity.MigrateAsync(Ct);
        if (!engineFirst) await engine.MigrateAsync(Ct);

        // The engine's migration tests pin its list; here it matters that all of them, and only they, are applied.
        List<string> engineIds;
        await using (var db = engine.CreateContext())
        {
            engineIds = db.Database.GetMigrations().ToList();
            Assert.Contains("20261122000000_Initial", engineIds);
            Assert.Equal(engineIds, await db.Database.GetAppliedMigrationsAsync(Ct));
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
        }
        Assert.Equal([IdentityId], await identity.UseAsync(db => db.Database.GetAppliedMigrationsAsync(Ct)));
        Assert.Empty(await identity.UseAsync(db => db.Database.GetPendingMigrationsAsync(Ct)));
        // Read the history tables themselves: neither context may have written its row into the other's table.
        Assert.Equal(engineIds.Cast<string?>(), await HistoryAsync(identity, HistoryRepository.DefaultTableName));
        Assert.Equal([IdentityId], await HistoryAsync(identity, IdentityStoreDbContext.HistoryTable));

        var (engineOptions, _) = await NewAsync();
        var engineModel = Own(new ApprovalDatabase(engineOptions));
        await using (var db = engineModel.CreateContext()) await db.Database.EnsureCreatedAsync(Ct);
        var (_, identityModel) = await NewAsync();
        await identityModel.UseAsync(db => db.Database.EnsureCreatedAsync(Ct));
        var both = (await DescribeAsync(engineModel)).Concat(await DescribeAsync(identityModel)).Order(StringComparer.Ordinal).ToList();

        SchemaAssert.Same(model: both, migrated: await DescribeAsync(identity), "Tools/GenerateMigrations or " + Generator);
    }

    public async ValueTask DisposeAsync()
    {
        while (_owned.TryPop(out var owned)) await owned.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private T Own<T>(T owned) where T : IAsyncDisposable
    {
        _owned.Push(owned);
        return owned;
    }

    private async Task<(PersistenceOptions Options, IdentityMigrationServices Identity)> NewAsync()
    {
        var options = await CreateEmptyAsync(_owned.Push);
        return (options, Own(IdentityMigrationServices.On(options)));
    }

    private async Task<(PersistenceOptions Options, IdentityMigrationServices Identity)> MigratedAsync()
    {
        var database = await NewAsync();
        await database.Identity.MigrateAsync(Ct);
        return database;
    }

    private Task<IReadOnlyList<string>> DescribeAsync(IdentityMigrationServices identity) => identity.UseAsync(async db =>
    {
        await db.Database.OpenConnectionAsync(Ct);
        return await DescribeAsync(db.Database.GetDbConnection());
    });

    private async Task<IReadOnlyList<string>> DescribeAsync(ApprovalDatabase engine)
    {
        await using var db = engine.CreateContext();
        await db.Database.OpenConnectionAsync(Ct);
        return await DescribeAsync(db.Database.GetDbConnection());
    }

    private static Task<List<string?>> HistoryAsync(IdentityMigrationServices database, string table) => database.UseAsync(async db =>
    {
        await db.Database.OpenConnectionAsync(Ct);
        var rows = await SchemaQuery.RowsAsync(db.Database.GetDbConnection(),
            $"SELECT \"MigrationId\" FROM \"{table}\" ORDER BY \"MigrationId\"", [], Ct);
        return rows.Select(r => r[0]).ToList();
    });
}
