using Approval.Engine.Persistence;
using Approval.Testing.Persistence;

namespace Approval.Engine.Tests.Persistence;

/// <summary>The database a test class of <see cref="MigratedStoreTests"/> runs on.</summary>
public enum TestStore { Sqlite, Postgres }

/// <summary>
/// Tests that each need a database of their own on one provider, migrated and dropped when the test ends; a subclass
/// per provider names the store.
/// </summary>
public abstract class MigratedStoreTests(TestStore store) : IAsyncDisposable
{
    private readonly Stack<IAsyncDisposable> _owned = new();

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A new database on the class's provider with the schema migrated, owned by the test.</summary>
    protected async Task<ApprovalDatabase> MigratedAsync()
    {
        var database = new ApprovalDatabase(await CreateEmptyAsync());
        _owned.Push(database);
        await database.MigrateAsync(Ct);
        return database;
    }

    private async Task<PersistenceOptions> CreateEmptyAsync()
    {
        if (store == TestStore.Sqlite)
        {
            var file = new SqliteDatabaseFile();
            _owned.Push(file);
            return file.Options;
        }
        var postgres = await PostgresDatabase.CreateAsync(Ct);
        _owned.Push(postgres);
        return postgres.Options;
    }

    public async ValueTask DisposeAsync()
    {
        while (_owned.TryPop(out var owned)) await owned.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
