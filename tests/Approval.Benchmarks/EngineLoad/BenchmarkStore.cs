using Approval.Engine.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Approval.Benchmarks.EngineLoad;

/// <summary>
/// A fresh, empty database for one run, removed afterwards: a SQLite file in a temp folder, or a PostgreSQL
/// database with a random name created next to the one <c>APPROVAL_POSTGRES</c> points at.
/// </summary>
public sealed class BenchmarkStore : IAsyncDisposable
{
    public const string PostgresVariable = "APPROVAL_POSTGRES";

    private readonly Func<Task> _remove;

    private BenchmarkStore(DatabaseProvider provider, string connectionString, string where, Func<Task> remove)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Where = where;
        _remove = remove;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    /// <summary>The file or the database name, for the header.</summary>
    public string Where { get; }

    public static Task<BenchmarkStore> CreateAsync(LoadStore store) =>
        store == LoadStore.Sqlite ? Task.FromResult(CreateSqlite()) : CreatePostgresAsync();

    private static BenchmarkStore CreateSqlite()
    {
        var folder = Path.Combine(Path.GetTempPath(), "approval-bench-db-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "approval.db");
        return new BenchmarkStore(DatabaseProvider.Sqlite, $"Data Source={file}", file, () =>
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
            return Task.CompletedTask;
        });
    }

    private static async Task<BenchmarkStore> CreatePostgresAsync()
    {
        var given = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(given))
            throw new InvalidOperationException(
                $"--store postgres needs the environment variable {PostgresVariable}, a connection string to an existing database " +
                "whose user may CREATE DATABASE, e.g. Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres");
        var name = "approval_bench_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(given, $"CREATE DATABASE \"{name}\"");
        var connection = new NpgsqlConnectionStringBuilder(given) { Database = name }.ConnectionString;
        return new BenchmarkStore(DatabaseProvider.Postgres, connection, name, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(given, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        });
    }

    /// <summary>A short description of the server and its durability settings, read from the store itself.</summary>
    public async Task<string> DescribeAsync()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            await using var sqlite = new SqliteConnection(ConnectionString);
            await sqlite.OpenAsync();
            var version = await ScalarAsync(sqlite, "SELECT sqlite_version()");
            var mode = await ScalarAsync(sqlite, "PRAGMA journal_mode");
            var synchronous = await ScalarAsync(sqlite, "PRAGMA synchronous") switch
            {
                "0" => "OFF", "1" => "NORMAL", "2" => "FULL", "3" => "EXTRA", var s => s,
            };
            return $"SQLite {version}, journal_mode={mode}, synchronous={synchronous}, file {Where}";
        }
        await using var pg = new NpgsqlConnection(ConnectionString);
        await pg.OpenAsync();
        return $"PostgreSQL {await ScalarAsync(pg, "SHOW server_version")}, fsync={await ScalarAsync(pg, "SHOW fsync")}, " +
            $"synchronous_commit={await ScalarAsync(pg, "SHOW synchronous_commit")}, " +
            $"shared_buffers={await ScalarAsync(pg, "SHOW shared_buffers")}, database {Where}";
    }

    private static async Task<string?> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync())?.ToString();
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync() => await _remove();
}
