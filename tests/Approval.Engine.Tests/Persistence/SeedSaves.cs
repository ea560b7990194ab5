using Approval.Engine.Persistence;

namespace Approval.Engine.Tests.Persistence;

/// <summary>Saves a test writes as an earlier release, an operator's import or SaveChanges itself would have left the rows.</summary>
internal static class SeedSaves
{
    /// <summary>
    /// SaveChanges of a project's rows outside the engine's commands, which <see cref="ApprovalDbContext"/> refuses
    /// everywhere else: for tests that compare against SaveChanges or arrange rows no current command writes.
    /// </summary>
    public static async Task<int> SaveSeedAsync(this ApprovalDbContext db, CancellationToken ct)
    {
        db.SavingProjectRows = true;
        try
        {
            return await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.SavingProjectRows = false;
        }
    }
}
