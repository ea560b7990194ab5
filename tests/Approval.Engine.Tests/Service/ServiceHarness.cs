using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Service;
using Approval.Engine.Tests.Runtime;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Approval.Engine.Tests.Service;

/// <summary>
/// 企业开办 accepted on Thursday 2026-09-24, before 中秋 (9-25) and 国庆 (10-01..10-07; 10-10 is a working Saturday):
/// working days after it are 9-28, 9-29, 9-30, 10-08, 10-09, 10-10, 10-12 …
/// </summary>
internal static class ServiceHarness
{
    public const string Definition = "enterprise-establishment";
    public static readonly LocalDate Acceptance = new(2026, 9, 24);

    /// <summary>Accepted on 9-24 and 营业执照 (SCJG-001, 市场监管) approved the same day; the other matters open.</summary>
    public static async Task<Guid> LicenceDecidedAsync(EngineHarness h, MatterDecision decision = MatterDecision.Approve)
    {
        var id = await h.FileAndAcceptAsync(Definition);
        var licence = Assert.Single(await h.OpenTasksAsync(id, TaskKind.MatterDecision));
        Assert.Equal("SCJG-001", licence.MatterCode);
        await h.RunAsync(op => new DecideMatter(op, EngineHarness.Approver("market-regulation"), licence.Id, decision,
            decision == MatterDecision.Reject ? "经营范围涉及前置许可" : "符合条件", []));
        return id;
    }

    public static Task<CommandResult> RateAsync(EngineHarness h, Guid id, string? matter, RatingLevel level, string reason,
        string? comment = null, Actor? by = null) =>
        h.RunAsync(op => new RateService(op, by ?? EngineHarness.Investor, id, matter, level, reason, comment));

    public static async Task<List<Rating>> RatingsAsync(EngineHarness h, Guid id)
    {
        await using var db = h.Database.CreateContext();
        return await db.Ratings.AsNoTracking().Where(r => r.InstanceId == id).ToListAsync();
    }

    public static async Task<List<Escalation>> EscalationsAsync(EngineHarness h, Guid id)
    {
        await using var db = h.Database.CreateContext();
        return await db.Escalations.AsNoTracking().Where(e => e.InstanceId == id).ToListAsync();
    }

    public static async Task<List<Card>> CardsAsync(EngineHarness h, Guid id)
    {
        await using var db = h.Database.CreateContext();
        return await db.Cards.AsNoTracking().Where(c => c.InstanceId == id).OrderBy(c => c.RecordedAt).ToListAsync();
    }
}
