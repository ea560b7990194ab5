using System.Data.Common;
using Approval.Engine.Persistence;
using Approval.Testing.Persistence;

namespace Approval.Engine.Tests.Persistence;

/// <summary>The SQLite migrations, each test on temp files of its own.</summary>
public sealed class SqliteMigrationTests : MigrationTests
{
    protected override IReadOnlyList<Type> MigrationTypes =>
        [typeof(Engine.Persistence.Migrations.Sqlite.Initial), typeof(Engine.Persistence.Migrations.Sqlite.OperationVersions),
            typeof(Engine.Persistence.Migrations.Sqlite.HotPathIndexes),
            typeof(Engine.Persistence.Migrations.Sqlite.JournalNaturalKey),
            typeof(Engine.Persistence.Migrations.Sqlite.HandedInMaterials),

            typeof(Engine.Persistence.Migrations.Sqlite.OperationRequestFingerprints),
            typeof(Engine.Persistence.Migrations.Sqlite.DocumentNumbers),
            typeof(Engine.Persistence.Migrations.Sqlite.ProjectContacts), typeof(Engine.Persistence.Migrations.Sqlite.ReadIndexes)];

    protected override Task<PersistenceOptions> CreateEmptyAsync(Action<IAsyncDisposable> own)
    {
        var file = new SqliteDatabaseFile();
        own(file);
        return Task.FromResult(file.Options);
    }

    protected override Task<IReadOnlyList<string>> DescribeAsync(DbConnection connection) =>
        SqliteSchema.DescribeAsync(connection, Ct);
}
