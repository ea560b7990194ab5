using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Update;
using Npgsql;

namespace Approval.Engine.Persistence;

/// <summary>
/// Creates <see cref="ApprovalDbContext"/>s for the configured provider (pooled), migrates the schema at start,
/// and serialises writers where the provider needs it.
/// </summary>
public sealed class ApprovalDatabase : IAsyncDisposable
{
    private readonly Func<ApprovalDbContext> _create;
    private readonly Func<ApprovalDbContext> _createForPages;
    // SQLite has one writer at a time; queueing writers in-process avoids busy/snapshot errors under load.
    private readonly SemaphoreSlim? _writeGate;

    public ApprovalDatabase(PersistenceOptions options)
    {
        Options = options;
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            var builder = new SqliteConnectionStringBuilder(options.ConnectionString) { Pooling = true };
            if (Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) is { } dir) Directory.CreateDirectory(dir);
            var pool = new PooledDbContextFactory<SqliteApprovalDbContext>(SqliteOptions(builder.ConnectionString).Options);
            _create = pool.CreateDbContext;
            _createForPages = _create;
            _writeGate = new SemaphoreSlim(1, 1);
        }
        else
        {
            var pool = new PooledDbContextFactory<PostgresApprovalDbContext>(PostgresOptions(Tuned(options.ConnectionString)).Options);
            _create = pool.CreateDbContext;
            var pages = new PooledDbContextFactory<PostgresApprovalDbContext>(PostgresOptions(ForPages(Tuned(options.ConnectionString))).Options);
            _createForPages = pages.CreateDbContext;
        }
    }

    /// <summary>
    /// What a connection of <see cref="CreatePageContext"/> sets on PostgreSQL: plan each prepared statement once,
    /// generically, never as a parallel plan, and without caching joined rows per key.
    /// </summary>
    /// <remarks>
    /// A department's to-do page is one statement with the department, the cursor and the page size as parameters.
    /// PostgreSQL's default keeps planning it afresh for each call's values (a custom plan costs a little less than the
    /// generic one on paper), and at a million projects the planning took 0.33 ms of the statement's 0.78 ms (issue 16).
    /// The generic plan reads the same index in the same order. Without the second setting, the generic plan assumes a
    /// LIMIT parameter keeps a tenth of the rows and goes parallel: 41 ms instead of 0.2 ms. The third: a page joins each
    /// of its few dozen tasks to a different project, so a Memoize cache of the projects never hits and only costs
    /// (0.18 → 0.12 ms for a page of 51 at a million projects).
    /// </remarks>
    public const string PagePlanSettings =
        "-c plan_cache_mode=force_generic_plan -c max_parallel_workers_per_gather=0 -c enable_memoize=off";

    /// <summary>A PostgreSQL connection string with <see cref="PagePlanSettings"/> added to its own options.</summary>
    public static string ForPages(string connectionString)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        connection.Options = string.IsNullOrWhiteSpace(connection.Options) ? PagePlanSettings : connection.Options + " " + PagePlanSettings;
        return connection.ConnectionString;
    }

    /// <summary>
    /// A PostgreSQL connection string with the statement preparation and pool settings the product's readers and
    /// writers want (the identity store's too); an explicit setting in <paramref name="connectionString"/> wins.
    /// </summary>
    public static string Tuned(string connectionString)
    {
        // Every command runs the same few statements: let Npgsql prepare them instead of the server planning each
        // one afresh (measured: server CPU per command 3.1 → 1.7 ms).
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            connection.MaxAutoPrepare = 64;
            connection.AutoPrepareMinUsages = 2;
        }
        // Npgsql resets session state (three statements) whenever a connection goes back to the pool; nothing
        // here changes session state, so the reset is pure server work on every command.
        if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase))
            connection.NoResetOnClose = true;
        return connection.ConnectionString;
    }

    // EF Core's statements per batch on PostgreSQL.
    private const int PostgresMaxBatchSize = 1000;

    /// <summary>The SQLite context's options, at run time and for <c>dotnet ef</c> (<see cref="SqliteApprovalDesignTimeFactory"/>).</summary>
    internal static DbContextOptionsBuilder<SqliteApprovalDbContext> SqliteOptions(string connectionString) =>
        new DbContextOptionsBuilder<SqliteApprovalDbContext>()
            .UseSqlite(connectionString, s => s.CommandTimeout(60))
            .ReplaceService<ICommandBatchPreparer, RankedCommandBatchPreparer>();

    /// <summary>The PostgreSQL context's options, at run time and for <c>dotnet ef</c> (<see cref="PostgresApprovalDesignTimeFactory"/>).</summary>
    internal static DbContextOptionsBuilder<PostgresApprovalDbContext> PostgresOptions(string connectionString) =>
        new DbContextOptionsBuilder<PostgresApprovalDbContext>()
            .UseNpgsql(connectionString, n => n.MaxBatchSize(PostgresMaxBatchSize))
            .ReplaceService<ICommandBatchPreparer, RankedCommandBatchPreparer>();

    public PersistenceOptions Options { get; }
    public DatabaseProvider Provider => Options.Provider;

    public ApprovalDbContext CreateContext() => _create();

    /// <summary>
    /// A context for the list pages whose statements have one good plan whatever their parameters (the open-task
    /// lists): on PostgreSQL its connections use generic plans (<see cref="PagePlanSettings"/>); on SQLite it is
    /// <see cref="CreateContext"/>'s. Read only: nothing is saved through it.
    /// </summary>
    public ApprovalDbContext CreatePageContext() => _createForPages();

    /// <summary>Waits for the right to write (SQLite only; PostgreSQL relies on row versions and locks).</summary>
    public async ValueTask<IDisposable> EnterWriteAsync(CancellationToken ct)
    {
        if (_writeGate is null) return NoGate.Instance;
        await _writeGate.WaitAsync(ct);
        return new Releaser(_writeGate);
    }

    /// <summary>How long one statement of a migration (or of building the tallies) may take.</summary>
    public static readonly TimeSpan MigrationTimeout = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Brings the schema up to date with the provider's migrations, after carrying a database of the hand-written
    /// migrations over to the baseline (<see cref="MigrationBaseline"/>).
    /// </summary>
    public async Task MigrateAsync(CancellationToken ct = default)
    {
        await using var db = CreateContext();
        if (Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers (trackers, supervisors) read while a decision is being written.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        await MigrationBaseline.AdoptAsync(db, MigrationBaseline.EngineReplaces, ct);
        // A migration that fills a new column from the existing rows takes minutes at a million projects, not seconds.
        db.Database.SetCommandTimeout(MigrationTimeout);
        await db.Database.MigrateAsync(ct);
    }

    /// <summary>True when a save failed on a unique key (a concurrent duplicate), which a retry resolves.</summary>
    public static bool IsUniqueViolation(DbUpdateException ex) => ex.InnerException switch
    {
        SqliteException s => s.SqliteErrorCode == 19,
        PostgresException p => p.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure
            or PostgresErrorCodes.DeadlockDetected,
        _ => false,
    };

    public ValueTask DisposeAsync()
    {
        _writeGate?.Dispose();
        return ValueTask.CompletedTask;
    }

    private sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }

    private sealed class NoGate : IDisposable
    {
        public static readonly NoGate Instance = new();
        public void Dispose() { }
    }
}
