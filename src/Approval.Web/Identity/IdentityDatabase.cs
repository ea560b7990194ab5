using Microsoft.EntityFrameworkCore;

namespace Approval.Web.Identity;

/// <summary>Applies the Identity tables' hand-written migrations at start.</summary>
public static class IdentityDatabase
{
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityStoreDbContext>();
        await db.Database.MigrateAsync(ct);
    }
}
