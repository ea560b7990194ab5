using System.Globalization;
using Approval.Benchmarks.EngineLoad;
using Approval.Engine.Persistence;
using Microsoft.Data.Sqlite;
using NodaTime;
using NodaTime.Testing;
using Npgsql;

namespace Approval.Benchmarks.Seed;

/// <summary>
/// <c>seed --projects N --store postgres|sqlite [--connection …] [--today yyyy-MM-dd] [--random-seed S] [--quick-templates]</c>:
/// writes N generated projects into a database that is left in place, and prints its connection string.
/// </summary>
public static class SeedCommand
{
    public const string Usage =
        "usage: seed --projects N --store postgres|sqlite [--connection CS] [--today yyyy-MM-dd] [--random-seed S] [--quick-templates]\n" +
        "  --connection  the database to write to (created if missing; migrated with the engine's migrations). Default:\n" +
        "                postgres: a new database approval_seed_<N>_<time> next to the one APPROVAL_POSTGRES points at;\n" +
        "                sqlite: ./approval-seed-<N>.db (replaced if it exists)\n" +
        "  --today       the day the running projects' lights are relative to (default: today in Asia/Shanghai)";

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        int? projects = null;
        string? store = null, connection = null;
        var today = SystemClock.Instance.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Asia/Shanghai"]).Date;
        var seed = 20261203;
        var full = true;
        try
        {
            for (var i = 0; i < args.Count; i++)
            {
                string Next() => ++i < args.Count ? args[i] : throw new ArgumentException($"{args[i - 1]}: a value is missing");
                switch (args[i])
                {
                    case "--projects": projects = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--store": store = Next(); break;
                    case "--connection": connection = Next(); break;
                    case "--today": today = LocalDate.FromDateTime(DateTime.ParseExact(Next(), "yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
                    case "--random-seed": seed = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--quick-templates": full = false; break;
                    default: throw new ArgumentException($"unknown option '{args[i]}'");
                }
            }
            if (projects is not > 0) throw new ArgumentException("--projects: required, a positive number");
            if (store is not ("postgres" or "sqlite")) throw new ArgumentException($"--store: expected postgres or sqlite, given {store ?? "nothing"}");
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            Console.Error.WriteLine("seed: " + ex.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }
        var provider = store == "postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        connection = provider == DatabaseProvider.Postgres
            ? await PostgresTargetAsync(connection, projects.Value)
            : SqliteTarget(connection, projects.Value);
        Console.WriteLine($"seed: {projects:N0} projects into {provider} {Describe(provider, connection)}, today = {today:yyyy-MM-dd}");
        var clock = new FakeClock(Instant.FromUtc(2025, 3, 3, 2, 0));
        await using var engine = await SeedEngine.StartAsync(provider, connection, clock);
        var (_, data) = await SeedRun.RunAsync(engine, projects.Value, today, full, seed, Console.WriteLine, CancellationToken.None);
        Console.WriteLine("seed: by status: " + string.Join(", ", data.ByStatus.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Value:N0}")));
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
            "seed: done: projects={0} rows={1} seconds={2:F1} rows/s={3:F0} store={4}", data.Projects, data.Rows,
            data.Elapsed.TotalSeconds, data.RowsPerSecond, store));
        Console.WriteLine($"connection: {connection}");
        return 0;
    }

    private static string Describe(DatabaseProvider provider, string connection) => provider == DatabaseProvider.Postgres
        ? "database " + new NpgsqlConnectionStringBuilder(connection).Database
        : "file " + new SqliteConnectionStringBuilder(connection).DataSource;

    private static string SqliteTarget(string? connection, int projects)
    {
        if (connection is not null) return connection;
        var file = Path.GetFullPath($"approval-seed-{projects}.db");
        foreach (var f in new[] { file, file + "-wal", file + "-shm" }) File.Delete(f);
        return $"Data Source={file}";
    }

    private static async Task<string> PostgresTargetAsync(string? connection, int projects)
    {
        var server = Environment.GetEnvironmentVariable(BenchmarkStore.PostgresVariable);
        string target;
        if (connection is null)
        {
            if (string.IsNullOrWhiteSpace(server))
                throw new InvalidOperationException($"--store postgres without --connection needs {BenchmarkStore.PostgresVariable}");
            target = new NpgsqlConnectionStringBuilder(server) { Database = $"approval_seed_{projects}_{DateTime.UtcNow:yyyyMMddHHmmss}" }.ConnectionString;
        }
        else target = connection;
        // Create the database when it does not exist yet, from the server's postgres database.
        var builder = new NpgsqlConnectionStringBuilder(target);
        var admin = new NpgsqlConnectionStringBuilder(target) { Database = "postgres" }.ConnectionString;
        await using var conn = new NpgsqlConnection(admin);
        await conn.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", conn);
        exists.Parameters.AddWithValue("n", builder.Database!);
        if (await exists.ExecuteScalarAsync() is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{builder.Database}\"", conn);
            await create.ExecuteNonQueryAsync();
        }
        return target;
    }
}
