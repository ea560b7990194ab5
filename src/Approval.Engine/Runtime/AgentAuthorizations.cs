using Approval.Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Approval.Engine.Runtime;

/// <summary>Grants, revokes and looks up authorisations (委托) of proxy agents by investors.</summary>
public sealed class AgentAuthorizations(ApprovalDatabase database, IClock clock)
{
    /// <summary>An investor (or an administrator recording a paper authorisation) authorises an agent for a period.</summary>
    /// <remarks>
    /// A caller may choose the new authorisation's <c>id</c> (e.g. from a form's operation id): granting again under the
    /// same id returns the first authorisation instead of adding a second, so a repeated form post grants once.
    /// </remarks>
    public async Task<AgentAuthorization> GrantAsync(Actor actor, string investorId, string investorName, string agentId,
        LocalDate validFrom, LocalDate validTo, CancellationToken ct = default, Guid? id = null)
    {
        if (actor.Role == ActorRole.Investor ? actor.UserId != investorId : actor.Role is not (ActorRole.Administrator or ActorRole.System))
            throw new ForbiddenException("Only the investor itself or an administrator may authorise an agent.");
        if (string.IsNullOrWhiteSpace(agentId)) throw new InvalidInputException("agentId", "Required.");
        if (validTo < validFrom) throw new InvalidInputException("validTo", $"Must not be before validFrom ({validFrom:yyyy-MM-dd}).");
        var grant = new AgentAuthorization
        {
            Id = id ?? Guid.NewGuid(), AgentId = agentId.Trim(), InvestorId = investorId, InvestorName = investorName,
            ValidFrom = validFrom, ValidTo = validTo, GrantedBy = actor.UserId, GrantedAt = clock.GetCurrentInstant(),
        };
        if (id is { } chosen && await FindAsync(chosen, ct) is { } earlier) return Same(earlier, grant);
        try
        {
            using var gate = await database.EnterWriteAsync(ct);
            await using var db = database.CreateContext();
            db.AgentAuthorizations.Add(grant);
            await db.SaveChangesAsync(ct);
            return grant;
        }
        catch (DbUpdateException e) when (id is not null && ApprovalDatabase.IsUniqueViolation(e))
        {
            // The same grant repeated while the first was being saved: the first one stands.
            return Same(await FindAsync(grant.Id, ct) ?? throw new ConflictException($"Authorisation {grant.Id} could not be read back."), grant);
        }
    }

    private async Task<AgentAuthorization?> FindAsync(Guid id, CancellationToken ct)
    {
        await using var db = database.CreateContext();
        return await db.AgentAuthorizations.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
    }

    private static AgentAuthorization Same(AgentAuthorization earlier, AgentAuthorization repeated) =>
        earlier.InvestorId == repeated.InvestorId && earlier.AgentId == repeated.AgentId
            ? earlier
            : throw new ConflictException($"Authorisation {earlier.Id} was already granted for another investor or agent.");

    public async Task RevokeAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        using var gate = await database.EnterWriteAsync(ct);
        await using var db = database.CreateContext();
        var grant = await db.AgentAuthorizations.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException($"Authorisation {id}");
        if (actor.Role == ActorRole.Investor ? actor.UserId != grant.InvestorId : actor.Role != ActorRole.Administrator)
            throw new NotFoundException($"Authorisation {id}");
        grant.RevokedAt ??= clock.GetCurrentInstant();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The authorisations an actor may see: an agent's own, an investor's own, all for an administrator.</summary>
    public async Task<List<AgentAuthorization>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var query = db.AgentAuthorizations.AsNoTracking();
        query = actor.Role switch
        {
            ActorRole.Agent => query.Where(a => a.AgentId == actor.UserId),
            ActorRole.Investor => query.Where(a => a.InvestorId == actor.UserId),
            ActorRole.Administrator => query,
            _ => query.Where(_ => false),
        };
        return await query.OrderBy(a => a.InvestorId).ToListAsync(ct);
    }

    /// <summary>The investors whose authorisation of this agent is valid today.</summary>
    public async Task<List<string>> InvestorsOfAsync(string agentId, LocalDate today, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var grants = await db.AgentAuthorizations.AsNoTracking().Where(a => a.AgentId == agentId).ToListAsync(ct);
        return grants.Where(a => a.IsValidOn(today)).Select(a => a.InvestorId).Distinct().ToList();
    }
}
