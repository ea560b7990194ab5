using System.Data.Common;
using Approval.Engine.Persistence;
using Approval.Testing.Persistence;

namespace Approval.Engine.Tests.Persistence;

/// <summary>The SQLite migrations, each test on temp files of its own.</summary>
public sealed class SqliteMigrationTests : MigrationTests
{
    protected override Type Snapshot => typeof(Engine.Persistence.Migrations.Sqlite.SqliteApprovalDbContextModelSnapshot);

    protected override string BeforeBaselineScript => "Sqlite.sql";

    protected override ApprovalDbContext CreateDesignTimeContext() => new SqliteApprovalDesignTimeFactory().CreateDbContext([]);

    protected override Task<PersistenceOptions> CreateEmptyAsync(Action<IAsyncDisposable> own)
    {
        var file = new SqliteDatabaseFile();
        own(file);
        return Task.FromResult(file.Options);
    }

    protected override Task<IReadOnlyList<string>> DescribeAsync(DbConnection connection) =>
        SqliteSchema.DescribeAsync(connection, Ct);
}
