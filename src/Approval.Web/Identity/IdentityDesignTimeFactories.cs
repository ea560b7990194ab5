using Approval.Engine.Persistence;
using Microsoft.EntityFrameworkCore.Design;

namespace Approval.Web.Identity;

/// <summary>The SQLite Identity context for <c>dotnet ef</c>, registered exactly as the web host registers it.</summary>
public sealed class SqliteIdentityDesignTimeFactory : IDesignTimeDbContextFactory<SqliteIdentityStoreDbContext>
{
    public SqliteIdentityStoreDbContext CreateDbContext(string[] args) => IdentityDesignTime.Create<SqliteIdentityStoreDbContext>(
        new PersistenceOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=:memory:" });
}

/// <summary>The PostgreSQL Identity context for <c>dotnet ef</c>; no server is needed to add a migration.</summary>
/// <remarks>The connection string as for the engine's (<see cref="PostgresApprovalDesignTimeFactory.ConnectionString"/>).</remarks>
public sealed class PostgresIdentityDesignTimeFactory : IDesignTimeDbContextFactory<PostgresIdentityStoreDbContext>
{
    public PostgresIdentityStoreDbContext CreateDbContext(string[] args) => IdentityDesignTime.Create<PostgresIdentityStoreDbContext>(
        new PersistenceOptions { Provider = DatabaseProvider.Postgres, ConnectionString = PostgresApprovalDesignTimeFactory.ConnectionString });
}

internal static class IdentityDesignTime
{
    /// <summary>
    /// The context from Identity's own registration (<see cref="IdentitySetup"/>): Identity picks its tables (the
    /// store schema version) from the <c>IdentityOptions</c> in the application's services, so a context built from
    /// bare options could have another model than production's.
    /// </summary>
    /// <remarks>The service provider lives as long as the <c>dotnet ef</c> process, which ends after one command.</remarks>
    public static T Create<T>(PersistenceOptions persistence) where T : IdentityStoreDbContext
    {
        // An empty builder: no appsettings or environment variables change the model.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.AddApprovalIdentity(persistence);
        var services = builder.Services.BuildServiceProvider();
        return services.CreateScope().ServiceProvider.GetRequiredService<T>();
    }
}
