using Approval.Engine.Persistence;
using Approval.Testing.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Tests.Tools;

/// <summary>
/// Dev-time: writes the C# of a migration creating the current model, one file per provider, to
/// <c>$APPROVAL_MIGRATION_OUT</c> (default: a temp folder) and to the test output.
/// </summary>
/// <remarks>
/// Explicit, so a normal run never executes it:
/// <c>APPROVAL_MIGRATION_OUT=/tmp/m dotnet test tests/Approval.Engine.Tests --filter "FullyQualifiedName~GenerateMigrations" -- xUnit.Explicit=only</c>.
/// When the model changes, the schema tests fail with the difference; write the next migration by hand for that
/// difference, taking the column and index code from this output.
/// </remarks>
public sealed class GenerateMigrations(ITestOutputHelper output)
{
    [Fact(Explicit = true)]
    public void Sqlite()
    {
        using var db = new SqliteApprovalDbContext(new DbContextOptionsBuilder<SqliteApprovalDbContext>()
            .UseSqlite("Data Source=:memory:").Options);
        Write(db, "Sqlite");
    }

    [Fact(Explicit = true)]
    public void Postgres()
    {
        // Building the model needs no server: the connection string is never opened.
        using var db = new PostgresApprovalDbContext(new DbContextOptionsBuilder<PostgresApprovalDbContext>()
            .UseNpgsql("Host=localhost").Options);
        Write(db, "Postgres");
    }

    private void Write(DbContext db, string provider)
    {
        var code = MigrationCodeGenerator.InitialMigration(db,
            $"Approval.Engine.Persistence.Migrations.{provider}", "20261122000000_Initial", "Initial");
        var dir = Path.Combine(Environment.GetEnvironmentVariable("APPROVAL_MIGRATION_OUT")
            ?? Path.Combine(Path.GetTempPath(), "approval-migrations"), provider);
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, "20261122000000_Initial.cs");
        File.WriteAllText(file, code);
        output.WriteLine($"// written to {file}");
        output.WriteLine(code);
    }
}
