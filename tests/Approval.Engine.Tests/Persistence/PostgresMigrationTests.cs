using System.Data.Common;
using Approval.Engine.Persistence;
using Approval.Testing.Persistence;

namespace Approval.Engine.Tests.Persistence;

/// <summary>The PostgreSQL migrations, each test on databases of its own (see <see cref="PostgresDatabase"/>).</summary>
public sealed class PostgresMigrationTests : MigrationTests
{
    protected override Type Snapshot => typeof(Engine.Persistence.Migrations.Postgres.PostgresApprovalDbContextModelSnapshot);

    protected override string BeforeBaselineScript => "Postgres.sql";

    protected override ApprovalDbContext CreateDesignTimeContext() => new PostgresApprovalDesignTimeFactory().CreateDbContext([]);

    protected override async Task<PersistenceOptions> CreateEmptyAsync(Action<IAsyncDisposable> own)
    {
        var database = await PostgresDatabase.CreateAsync(Ct);
        own(database);
        return database.Options;
    }

    protected override Task<IReadOnlyList<string>> DescribeAsync(DbConnection connection) =>
        PostgresSchema.DescribeAsync(connection, Ct);
}
