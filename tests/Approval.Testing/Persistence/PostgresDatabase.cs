using Approval.Engine.Persistence;
using Npgsql;
using Xunit;

namespace Approval.Testing.Persistence;

/// <summary>
/// A fresh, empty PostgreSQL database for one test, created on the server named by the environment variable
/// <c>APPROVAL_POSTGRES</c> under a random name and dropped (even with connections still open) when disposed.
/// </summary>
/// <remarks>
/// <para>Use it at the top of any test that needs PostgreSQL:</para>
/// <code>
/// await using var pg = await PostgresDatabase.CreateAsync(TestContext.Current.CancellationToken);
/// await using var database = new ApprovalDatabase(pg.Options);
/// await database.MigrateAsync(TestContext.Current.CancellationToken);
/// </code>
/// <para>
/// Without <c>APPROVAL_POSTGRES</c> the test is skipped (<c>Assert.Skip</c>) on a developer's machine, and fails
/// when <c>CI=true</c>, so that CI never passes by skipping. <c>./test.sh</c> starts a throw-away server and sets
/// the variable, e.g. <c>Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres</c>.
/// </para>
/// </remarks>
public sealed class PostgresDatabase : IAsyncDisposable
{
    /// <summary>The environment variable holding the connection string of the server (any existing database on it).</summary>
    public const string Variable = "APPROVAL_POSTGRES";

    private readonly string _server;

    private PostgresDatabase(string server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    /// <summary>The database's name, <c>approval_test_</c> followed by 32 random hex digits.</summary>
    public string Name { get; }

    /// <summary>Connects to this test's database only.</summary>
    public string ConnectionString { get; }

    /// <summary>Options for an <see cref="ApprovalDatabase"/> on this database.</summary>
    public PersistenceOptions Options => new() { Provider = DatabaseProvider.Postgres, ConnectionString = ConnectionString };

    /// <summary>Creates a database of its own for the calling test, or skips or fails the test when there is no server.</summary>
    public static async Task<PostgresDatabase> CreateAsync(CancellationToken ct = default)
    {
        var database = new PostgresDatabase(ServerConnectionString(), $"approval_test_{Guid.NewGuid():N}");
        await database.ExecuteOnServerAsync($"CREATE DATABASE \"{database.Name}\"", ct);
        return database;
    }

    /// <summary>The server's connection string from <c>APPROVAL_POSTGRES</c>; skips the test without it, or fails it on CI.</summary>
    public static string ServerConnectionString()
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(value)) return value;
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail($"{Variable} is not set on CI: PostgreSQL tests must run there. Run them through ./test.sh, " +
                "which starts a throw-away PostgreSQL, or set it, e.g. Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres.");
        Assert.Skip($"{Variable} is not set: PostgreSQL tests skipped");
        return "";
    }

    public async ValueTask DisposeAsync()
    {
        // Pooled connections to the database would otherwise keep it busy; FORCE ends any that a test leaked.
        await using (var connection = new NpgsqlConnection(ConnectionString)) NpgsqlConnection.ClearPool(connection);
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", CancellationToken.None);
    }

    private async Task ExecuteOnServerAsync(string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
