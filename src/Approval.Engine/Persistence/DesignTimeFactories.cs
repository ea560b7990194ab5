using Microsoft.EntityFrameworkCore.Design;

namespace Approval.Engine.Persistence;

/// <summary>
/// The SQLite context for <c>dotnet ef</c> (<c>migrations add</c>, <c>migrations script</c>), configured as at run time.
/// </summary>
/// <remarks>
/// Nothing is opened: the in-memory connection string only names the provider. Databases are migrated by the
/// application at start (<see cref="ApprovalDatabase.MigrateAsync"/>), not by <c>dotnet ef database update</c>.
/// </remarks>
public sealed class SqliteApprovalDesignTimeFactory : IDesignTimeDbContextFactory<SqliteApprovalDbContext>
{
    public SqliteApprovalDbContext CreateDbContext(string[] args) =>
        new(ApprovalDatabase.SqliteOptions("Data Source=:memory:").Options);
}

/// <summary>
/// The PostgreSQL context for <c>dotnet ef</c>, configured as at run time; no server is needed to add a migration.
/// </summary>
/// <remarks>
/// <c>migrations add</c> and <c>migrations script</c> never open the connection. <c>migrations remove</c> asks the
/// database whether the migration was applied: it uses <see cref="ServerVariable"/> (any server, e.g. the tests' one).
/// </remarks>
public sealed class PostgresApprovalDesignTimeFactory : IDesignTimeDbContextFactory<PostgresApprovalDbContext>
{
    /// <summary>The environment variable with a PostgreSQL connection string, the one the PostgreSQL tests use.</summary>
    public const string ServerVariable = "APPROVAL_POSTGRES";

    public PostgresApprovalDbContext CreateDbContext(string[] args) =>
        new(ApprovalDatabase.PostgresOptions(ConnectionString).Options);

    /// <summary><see cref="ServerVariable"/>'s value, or a placeholder that is never opened.</summary>
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server ? server : "Host=localhost;Database=approval_design_time";
}
