using Approval.Engine.Persistence;
using Approval.Testing.Persistence;
using Approval.Web.Tests.Identity;

namespace Approval.Web.Tests.Tools;

/// <summary>
/// Dev-time: writes the C# of a migration creating the current Identity model, one file per provider, to
/// <c>$APPROVAL_MIGRATION_OUT</c> (default: a temp folder) and to the test output.
/// </summary>
/// <remarks>
/// Explicit, so a normal run never executes it:
/// <c>APPROVAL_MIGRATION_OUT=/tmp/m dotnet test tests/Approval.Web.Tests --filter "FullyQualifiedName~GenerateIdentityMigrations" -- xUnit.Explicit=only</c>.
/// When the Identity model changes (a new ApplicationUser property, a new Identity schema version), the Identity
/// migration tests fail with the difference; write the next migration by hand for it, taking the code from this output.
/// </remarks>
public sealed class GenerateIdentityMigrations(ITestOutputHelper output)
{
    private const string Id = "20261122000100_Identity";

    [Fact(Explicit = true)]
    public Task Sqlite() =>
        // Building the model needs no database: the file is never opened.
        WriteAsync(new PersistenceOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=:memory:" }, "Sqlite");

    [Fact(Explicit = true)]
    public Task Postgres() =>
        WriteAsync(new PersistenceOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=localhost" }, "Postgres");

    private async Task WriteAsync(PersistenceOptions persistence, string provider)
    {
        // The context comes from the web host's own registration, so the model is the one production migrates.
        await using var services = IdentityMigrationServices.On(persistence);
        var code = await services.UseAsync(db => Task.FromResult(MigrationCodeGenerator.InitialMigration(db,
            $"Approval.Web.Identity.Migrations.{provider}", Id, "Identity",
            "Creates the ASP.NET Core Identity tables (accounts, roles, claims, logins, tokens) beside the engine's.")));
        var dir = Path.Combine(Environment.GetEnvironmentVariable("APPROVAL_MIGRATION_OUT")
            ?? Path.Combine(Path.GetTempPath(), "approval-identity-migrations"), provider);
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, Id + ".cs");
        await File.WriteAllTextAsync(file, code, TestContext.Current.CancellationToken);
        output.WriteLine($"// written to {file}");
        output.WriteLine(code);
    }
}
