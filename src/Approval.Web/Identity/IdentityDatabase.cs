using Approval.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Approval.Web.Identity;

/// <summary>Applies the Identity tables' migrations at start.</summary>
public static class IdentityDatabase
{
    /// <summary>The last hand-written Identity migration (both providers), whose schema the baseline creates.</summary>
    public const string Replaces = "20261122000100_Identity";

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityStoreDbContext>();
        await MigrationBaseline.AdoptAsync(db, Replaces, ct);
        await db.Database.MigrateAsync(ct);
    }
}
