using System.Data.Common;
using Approval.Engine.Persistence;
using Approval.Testing.Persistence;
using Approval.Web.Identity;

namespace Approval.Web.Tests.Identity;

/// <summary>The SQLite Identity migrations, each test on temp files of its own.</summary>
public sealed class SqliteIdentityMigrationTests : IdentityMigrationTests
{
    protected override Type Snapshot => typeof(Web.Identity.Migrations.Sqlite.SqliteIdentityStoreDbContextModelSnapshot);

    protected override string BeforeBaselineScript => "Sqlite.sql";

    protected override IdentityStoreDbContext CreateDesignTimeContext() => new SqliteIdentityDesignTimeFactory().CreateDbContext([]);

    protected override Task<PersistenceOptions> CreateEmptyAsync(Action<IAsyncDisposable> own)
    {
        var file = new SqliteDatabaseFile();
        own(file);
        return Task.FromResult(file.Options);
    }

    protected override Task<IReadOnlyList<string>> DescribeAsync(DbConnection connection) =>
        SqliteSchema.DescribeAsync(connection, Ct, IdentityStoreDbContext.HistoryTable);
}
