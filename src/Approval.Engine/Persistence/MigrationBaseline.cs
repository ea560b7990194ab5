using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Approval.Engine.Persistence;

/// <summary>
/// Carries a database migrated by the hand-written migrations (up to 3 December 2026) over to the migrations
/// <c>dotnet ef</c> generates, whose first one, the baseline, creates that same schema from nothing.
/// </summary>
/// <remarks>
/// A database whose history holds the last hand-written migration has exactly the baseline's schema, so before
/// migrating, the baseline is recorded as applied (one history row, nothing else touched) and <c>Migrate</c> applies
/// only what came after it. The old rows stay in the history: they say how the database got there, and EF Core ignores
/// ids it has no migration for. A new database gets the baseline like any other migration. A database stopped at an
/// older hand-written migration is refused with a message saying what to do, since no migration here brings it forward.
/// </remarks>
public static class MigrationBaseline
{
    /// <summary>The last hand-written migration of the engine's contexts (both providers).</summary>
    public const string EngineReplaces = "20261203000100_ProjectContacts";

    /// <summary>
    /// Records the baseline (the context's first migration) as applied when the history ends at
    /// <paramref name="replaces"/>; does nothing to a new database or to one that already has the baseline.
    /// </summary>
    /// <returns>Whether the baseline was recorded now.</returns>
    /// <exception cref="InvalidOperationException">The history holds hand-written migrations but not <paramref name="replaces"/>.</exception>
    public static async Task<bool> AdoptAsync(DbContext db, string replaces, CancellationToken ct = default)
    {
        var history = db.GetService<IHistoryRepository>();
        var baseline = db.GetService<IMigrationsAssembly>().Migrations.Keys.First();
        var applied = await AppliedAsync(history, ct);
        if (applied.Count == 0 || applied.Contains(baseline)) return false;
        if (!applied.Contains(replaces))
            throw new InvalidOperationException(
                $"The database's migrations history ({history.GetType().Name}) ends at {applied.Max(StringComparer.Ordinal)}, before "
                + $"{replaces}, the last migration of the releases before {baseline}. Start the release of 3 December 2026 "
                + "on it once to bring it to that schema, then this release.");
        try
        {
            await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(baseline, ProductInfo.GetVersion())), ct);
            return true;
        }
        catch (Exception)
        {
            // Another node starting at the same moment may have recorded it first (a duplicate key here).
            if ((await AppliedAsync(history, ct)).Contains(baseline)) return false;
            throw;
        }
    }

    private static async Task<HashSet<string>> AppliedAsync(IHistoryRepository history, CancellationToken ct) =>
        await history.ExistsAsync(ct)
            ? (await history.GetAppliedMigrationsAsync(ct)).Select(r => r.MigrationId).ToHashSet(StringComparer.Ordinal)
            : [];
}
