using Approval.Engine.Persistence;
using Approval.Web.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Web.Tests.Identity;

/// <summary>
/// The Identity context registered exactly as the web host registers it (<see cref="IdentitySetup"/>), on one database.
/// </summary>
/// <remarks>
/// Identity picks its tables (the store schema version) from the <c>IdentityOptions</c> in the application's
/// services, so a context built from bare <c>DbContextOptions</c> could have a different model from production's.
/// </remarks>
internal sealed class IdentityMigrationServices : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private IdentityMigrationServices(ServiceProvider services) => _services = services;

    /// <summary>Identity's services on the database of <paramref name="persistence"/>; nothing connects yet.</summary>
    public static IdentityMigrationServices On(PersistenceOptions persistence)
    {
        // An empty builder: no appsettings or environment variables can change what the tests build.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.AddApprovalIdentity(persistence);
        return new IdentityMigrationServices(builder.Services.BuildServiceProvider(validateScopes: true));
    }

    /// <summary>What the web host runs at start.</summary>
    public Task MigrateAsync(CancellationToken ct) => IdentityDatabase.MigrateAsync(_services, ct);

    /// <summary>Runs <paramref name="use"/> with a context of its own scope.</summary>
    public async Task<T> UseAsync<T>(Func<IdentityStoreDbContext, Task<T>> use)
    {
        await using var scope = _services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<IdentityStoreDbContext>());
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
