using System.Data.Common;
using Approval.Engine.Persistence;
using Approval.Testing.Persistence;

namespace Approval.Engine.Tests.Persistence;

/// <summary>The PostgreSQL migrations, each test on databases of its own (see <see cref="PostgresDatabase"/>).</summary>
public sealed class PostgresMigrationTests : MigrationTests
{
    protected override IReadOnlyList<Type> MigrationTypes =>
        [typeof(Engine.Persistence.Migrations.Postgres.Initial), typeof(Engine.Persistence.Migrations.Postgres.OperationVersions),
            typeof(Engine.Persistence.Migrations.Postgres.HotPathIndexes),
            typeof(Engine.Persistence.Migrations.Postgres.JournalNaturalKey),
            typeof(Engine.Persistence.Migrations.Postgres.HandedInMaterials),

            typeof(Engine.Persistence.Migrations.Postgres.OperationRequestFingerprints),
            typeof(Engine.Persistence.Migrations.Postgres.DocumentNumbers),
            typeof(Engine.Persistence.Migrations.Postgres.ProjectContacts), typeof(Engine.Persistence.Migrations.Postgres.ReadIndexes)];

    protected override async Task<PersistenceOptions> CreateEmptyAsync(Action<IAsyncDisposable> own)
    {
        var database = await PostgresDatabase.CreateAsync(Ct);
        own(database);
        return database.Options;
    }

    protected override Task<IReadOnlyList<string>> DescribeAsync(DbConnection connection) =>
        PostgresSchema.DescribeAsync(connection, Ct);
}
