using Approval.Engine.Persistence;
using Approval.Engine.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Tests.Supervision;

/// <summary>The tallies as they stand, to compare what the saves appended with what the rows add up to.</summary>
internal static class TallySnapshot
{
    /// <summary>Every tally's rows as (table, key and measures), all of them folded, in a stable order.</summary>
    public static async Task<List<string>> FoldedAsync(ApprovalDatabase database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = database.CreateContext();
        IEnumerable<Tally> rows =
        [
            .. await db.OpenWorkTallies.AsNoTracking().ToListAsync(ct), .. await db.DecisionTallies.AsNoTracking().ToListAsync(ct),
            .. await db.ProjectTallies.AsNoTracking().ToListAsync(ct), .. await db.AcceptanceTallies.AsNoTracking().ToListAsync(ct),
        ];
        Assert.All(rows, r => Assert.True(r.Folded));
        return rows.Select(r => $"{r.GetType().Name} {r.Signature}").Order(StringComparer.Ordinal).ToList();
    }
}
