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
        return await Visible(db, actor).OrderBy(a => a.InvestorId).ToListAsync(ct);
    }

    /// <summary>A page of the authorisations an actor may see, newest grant first (then by id), paged by keyset in SQL.</summary>
    public async Task<Supervision.Page<AgentAuthorization>> PageAsync(Actor actor, Supervision.PageRequest page, CancellationToken ct = default)
    {
        const string list = "grants";
        await using var db = database.CreateContext();
        var query = Visible(db, actor);
        if (page.After is { } after)
        {
            var keys = Supervision.Cursor.Decode(list, after, 2);
            var (at, id) = (Supervision.Cursor.InstantOf(keys[0]), Supervision.Cursor.GuidOf(keys[1]));
            query = query.Where(a => a.GrantedAt < at || (a.GrantedAt == at && a.Id.CompareTo(id) < 0));
        }
        var read = await query.OrderByDescending(a => a.GrantedAt).ThenByDescending(a => a.Id).Take(page.Size + 1).ToListAsync(ct);
        return Supervision.Page<AgentAuthorization>.From(read, page.Size,
            a => Supervision.Cursor.Encode(list, Supervision.Cursor.Of(a.GrantedAt), Supervision.Cursor.Of(a.Id)));
    }

    /// <summary>One authorisation the actor may see, or null.</summary>
    public async Task<AgentAuthorization?> FindAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        return await Visible(db, actor).FirstOrDefaultAsync(a => a.Id == id, ct);
    }

    private static IQueryable<AgentAuthorization> Visible(ApprovalDbContext db, Actor actor)
    {
        var query = db.AgentAuthorizations.AsNoTracking();
        return actor.Role switch
        {
            ActorRole.Agent => query.Where(a => a.AgentId == actor.UserId),
            ActorRole.Investor => query.Where(a => a.InvestorId == actor.UserId),
            ActorRole.Administrator => query,
            _ => query.Where(_ => false),
        };
    }

    /// <summary>The investors whose authorisation of this agent is valid today.</summary>
    public async Task<List<string>> InvestorsOfAsync(string agentId, LocalDate today, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var grants = await db.AgentAuthorizations.AsNoTracking().Where(a => a.AgentId == agentId).ToListAsync(ct);
        return grants.Where(a => a.IsValidOn(today)).Select(a => a.InvestorId).Distinct().ToList();
    }
}
