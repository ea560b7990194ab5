using System.Data.Common;
using Approval.Engine.Persistence;
using Approval.Testing.Persistence;
using Approval.Web.Identity;

namespace Approval.Web.Tests.Identity;

/// <summary>The PostgreSQL Identity migrations, each test on databases of its own (see <see cref="PostgresDatabase"/>).</summary>
public sealed class PostgresIdentityMigrationTests : IdentityMigrationTests
{
    protected override Type Snapshot => typeof(Web.Identity.Migrations.Postgres.PostgresIdentityStoreDbContextModelSnapshot);

    protected override string BeforeBaselineScript => "Postgres.sql";

    protected override IdentityStoreDbContext CreateDesignTimeContext() => new PostgresIdentityDesignTimeFactory().CreateDbContext([]);

    protected override async Task<PersistenceOptions> CreateEmptyAsync(Action<IAsyncDisposable> own)
    {
        var database = await PostgresDatabase.CreateAsync(Ct);
        own(database);
        return database.Options;
    }

    protected override Task<IReadOnlyList<string>> DescribeAsync(DbConnection connection) =>
        PostgresSchema.DescribeAsync(connection, Ct, IdentityStoreDbContext.HistoryTable);
}
