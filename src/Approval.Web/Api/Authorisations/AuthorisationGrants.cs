using Approval.Engine;
using Approval.Engine.Runtime;
using Approval.Engine.Supervision;
using Approval.Web.Hosting;
using Approval.Web.Identity;
using Microsoft.AspNetCore.Identity;
using NodaTime;

namespace Approval.Web.Api.Authorisations;

/// <summary>An authorisation with the agent's account (null when the account is gone).</summary>
public sealed record AuthorisationRecord(AgentAuthorization Grant, ApplicationUser? Agent);

/// <summary>Where an authorisation stands on a day: in words on the pages, as <c>validToday</c> in the API.</summary>
public enum AuthorisationState { Valid, NotYetValid, Expired, Revoked }

/// <summary>
/// Authorisations (委托) as the API and the pages handle them: listed with the agent's account, granted from what a
/// person typed (agent user name, period, and for an administrator the investor), revoked. The rules themselves are
/// the engine's <see cref="AgentAuthorizations"/>; this reads the input and finds the agent's account.
/// </summary>
public sealed class AuthorisationGrants(AgentAuthorizations registry, UserManager<ApplicationUser> users, ProjectReader reader)
{
    public LocalDate Today => reader.Today;

    /// <summary>The authorisations the actor may see (an administrator: all), newest first.</summary>
    public async Task<List<AuthorisationRecord>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        var grants = await registry.ListAsync(actor, ct);
        var agents = new Dictionary<string, ApplicationUser?>();
        foreach (var agentId in grants.Select(g => g.AgentId).Distinct()) agents[agentId] = await users.FindByIdAsync(agentId);
        return grants.OrderByDescending(g => g.GrantedAt).Select(g => new AuthorisationRecord(g, agents[g.AgentId])).ToList();
    }

    /// <summary>A page of the authorisations the actor may see (an administrator: all), newest first, with the agents' accounts.</summary>
    public async Task<Page<AuthorisationRecord>> PageAsync(Actor actor, PageRequest page, CancellationToken ct = default)
    {
        var grants = await registry.PageAsync(actor, page, ct);
        var agents = new Dictionary<string, ApplicationUser?>();
        foreach (var agentId in grants.Items.Select(g => g.AgentId).Distinct()) agents[agentId] = await users.FindByIdAsync(agentId);
        return grants.Map(g => new AuthorisationRecord(g, agents[g.AgentId]));
    }

    /// <summary>One authorisation the actor may see, with the agent's account; <see cref="NotFoundException"/> otherwise.</summary>
    public async Task<AuthorisationRecord> GetAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var grant = await registry.FindAsync(actor, id, ct) ?? throw new NotFoundException($"Authorisation {id}");
        return new AuthorisationRecord(grant, await users.FindByIdAsync(grant.AgentId));
    }

    /// <summary>
    /// Authorises the agent named by user name from <paramref name="validFrom"/> to <paramref name="validTo"/> (yyyy-MM-dd,
    /// both included). An investor grants for itself; an administrator names the investor (id and name). Every refused
    /// field at once. <paramref name="id"/>: see <see cref="AgentAuthorizations.GrantAsync"/> (a repeated form post grants once).
    /// </summary>
    public async Task<AuthorisationRecord> GrantAsync(Actor actor, string? agentUserName, string? validFrom, string? validTo,
        string? investorId, string? investorName, CancellationToken ct = default, Guid? id = null)
    {
        var errors = new InputErrors();
        var agent = string.IsNullOrWhiteSpace(agentUserName)
            ? errors.Check<ApplicationUser>(() => throw new InvalidInputException("agentUserName", ProblemText.RequiredValue("the user name of the proxy agent (代办员)")))
            : await AgentOrNullAsync(agentUserName, errors);
        var from = errors.Check(() => ApiInput.Date(validFrom, "validFrom"));
        var to = errors.Check(() => ApiInput.Date(validTo, "validTo"));
        // An investor's own id and name come from its account; a different id is passed on for the engine to refuse.
        var investor = investorId?.Trim() is { Length: > 0 } given ? given
            : actor.Role == ActorRole.Investor ? actor.UserId
            : errors.Check<string>(() => throw new InvalidInputException("investorId", "Required: the investor who authorises the agent."));
        var name = investorName?.Trim() is { Length: > 0 } named ? named
            : actor.Role == ActorRole.Investor ? actor.DisplayName ?? actor.UserId
            : errors.Check<string>(() => throw new InvalidInputException("investorName", "Required."));
        if (investor?.Length > 100) errors.Add(new InvalidInputException("investorId", $"At most 100 characters; given {investor.Length}."));
        if (name?.Length > 200) errors.Add(new InvalidInputException("investorName", $"At most 200 characters; given {name.Length}."));
        if (from != default && to != default && to < from)
            errors.Add(new InvalidInputException("validTo", $"Must not be before validFrom ({from:yyyy-MM-dd})."));
        errors.ThrowIfAny();

        var grant = await registry.GrantAsync(actor, investor!, name!, agent!.Id, from, to, ct, id);
        return new AuthorisationRecord(grant, agent);
    }

    /// <summary>The id of the authorisation a form post grants, from its operation id: the same post twice grants once.</summary>
    public static Guid IdFor(string operation) =>
        new(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("authorisation:" + operation)).AsSpan(0, 16));

    /// <summary>Revokes from now on; <see cref="NotFoundException"/> for one the actor may not revoke.</summary>
    public Task RevokeAsync(Actor actor, Guid id, CancellationToken ct = default) => registry.RevokeAsync(actor, id, ct);

    /// <summary>Where the authorisation stands today.</summary>
    public AuthorisationState StateOf(AgentAuthorization grant) =>
        grant.RevokedAt is not null ? AuthorisationState.Revoked
        : grant.ValidTo < Today ? AuthorisationState.Expired
        : grant.ValidFrom > Today ? AuthorisationState.NotYetValid
        : AuthorisationState.Valid;

    private async Task<ApplicationUser?> AgentOrNullAsync(string userName, InputErrors errors)
    {
        try
        {
            return await AgentAsync(userName, users);
        }
        catch (InvalidInputException e)
        {
            errors.Add(e);
            return null;
        }
    }

    /// <summary>The agent account named; anything but an agent's account reads the same as no account, so names cannot be probed for roles.</summary>
    public static async Task<ApplicationUser> AgentAsync(string? userName, UserManager<ApplicationUser> users)
    {
        if (string.IsNullOrWhiteSpace(userName)) throw new InvalidInputException("agentUserName", "Required: the user name of the proxy agent (代办员).");
        var account = await users.FindByNameAsync(userName.Trim());
        return account is not null && await users.IsInRoleAsync(account, Roles.Agent)
            ? account
            : throw new InvalidInputException("agentUserName", $"No proxy agent (代办员) has the user name '{userName.Trim()}'.");
    }
}
