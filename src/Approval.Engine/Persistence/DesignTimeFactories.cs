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
/// <remarks>The connection string is never opened by <c>migrations add</c> or <c>migrations script</c>.</remarks>
public sealed class PostgresApprovalDesignTimeFactory : IDesignTimeDbContextFactory<PostgresApprovalDbContext>
{
    public PostgresApprovalDbContext CreateDbContext(string[] args) =>
        new(ApprovalDatabase.PostgresOptions("Host=localhost;Database=approval_design_time").Options);
}
