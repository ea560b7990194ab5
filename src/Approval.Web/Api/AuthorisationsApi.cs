using System.Security.Claims;
using Approval.Engine;
using Approval.Engine.Runtime;
using Approval.Engine.Supervision;
using Approval.Web.Hosting;
using Approval.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using NodaTime;

namespace Approval.Web.Api;

/// <summary>
/// Authorisations (委托) of proxy agents (代办员) by investors: an investor authorises an agent, named by the agent's
/// user name, for a period; an administrator records one (e.g. signed on paper at the window) for any investor;
/// an agent sees whom it acts for. Within the period the agent may file for the investor and follow its projects.
/// </summary>
public static class AuthorisationsApi
{
    /// <summary>
    /// Authorise an agent from <c>validFrom</c> to <c>validTo</c> (yyyy-MM-dd, both included). An investor grants for
    /// itself; an administrator names the investor.
    /// </summary>
    public sealed record GrantRequest(string? AgentUserName, string? ValidFrom, string? ValidTo, string? InvestorId, string? InvestorName);

    /// <summary>An authorisation as its parties see it; <c>validToday</c> says whether the agent may act on it now.</summary>
    public sealed record AuthorisationResponse(Guid Id, string InvestorId, string InvestorName, string AgentId, string? AgentUserName,
        string? AgentName, LocalDate ValidFrom, LocalDate ValidTo, bool ValidToday, string GrantedBy, Instant GrantedAt, Instant? RevokedAt);

    public static IEndpointRouteBuilder MapAuthorisationsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/authorisations").WithTags("Authorisations")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("", List).RequireAuthorization(p => p.RequireRole(Roles.Agent, Roles.Investor, Roles.Administrator))
            .WithSummary("Authorisations: an agent's own, an investor's own, every one for an administrator");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(p => p.RequireRole(Roles.Agent, Roles.Investor, Roles.Administrator))
            .WithSummary("One authorisation").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("", Grant).RequireAuthorization(p => p.RequireRole(Roles.Investor, Roles.Administrator))
            .WithSummary("Authorise an agent (by user name) for a period").ProducesValidationProblem();
        group.MapDelete("/{id:guid}", Revoke).RequireAuthorization(p => p.RequireRole(Roles.Investor, Roles.Administrator))
            .WithSummary("Revoke an authorisation from now on").ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Ok<List<AuthorisationResponse>>> List(ClaimsPrincipal user, AgentAuthorizations authorisations,
        UserManager<ApplicationUser> users, ProjectReader reader, CancellationToken ct)
    {
        var grants = await authorisations.ListAsync(CurrentActor.Of(user), ct);
        var agents = new Dictionary<string, ApplicationUser?>();
        foreach (var agentId in grants.Select(g => g.AgentId).Distinct())
            agents[agentId] = await users.FindByIdAsync(agentId);
        return TypedResults.Ok(grants.Select(g => Response(g, agents[g.AgentId], reader.Today)).ToList());
    }

    private static async Task<Ok<AuthorisationResponse>> Get(Guid id, ClaimsPrincipal user, AgentAuthorizations authorisations,
        UserManager<ApplicationUser> users, ProjectReader reader, CancellationToken ct)
    {
        var grant = (await authorisations.ListAsync(CurrentActor.Of(user), ct)).FirstOrDefault(g => g.Id == id)
            ?? throw new NotFoundException($"Authorisation {id}");
        return TypedResults.Ok(Response(grant, await users.FindByIdAsync(grant.AgentId), reader.Today));
    }

    private static async Task<Created<AuthorisationResponse>> Grant(GrantRequest request, ClaimsPrincipal user,
        AgentAuthorizations authorisations, UserManager<ApplicationUser> users, ProjectReader reader, CancellationToken ct)
    {
        var actor = CurrentActor.Of(user);
        var errors = new InputErrors();
        if (string.IsNullOrWhiteSpace(request.AgentUserName))
            errors.Add(new InvalidInputException("agentUserName", ProblemText.RequiredValue("the user name of the proxy agent (代办员)")));
        var from = errors.Check(() => ApiInput.Date(request.ValidFrom, "validFrom"));
        var to = errors.Check(() => ApiInput.Date(request.ValidTo, "validTo"));
        errors.ThrowIfAny();
        var agent = await AgentAsync(request.AgentUserName, users);
        // An investor's own id and name come from its account; a different id is passed on for the engine to refuse.
        var investorId = request.InvestorId?.Trim() is { Length: > 0 } given ? given
            : actor.Role == ActorRole.Investor ? actor.UserId : throw new InvalidInputException("investorId", "Required: the investor who authorises the agent.");
        var investorName = request.InvestorName?.Trim() is { Length: > 0 } name ? name
            : actor.Role == ActorRole.Investor ? actor.DisplayName ?? actor.UserId : throw new InvalidInputException("investorName", "Required.");
        if (investorId.Length > 100) throw new InvalidInputException("investorId", $"At most 100 characters; given {investorId.Length}.");
        if (investorName.Length > 200) throw new InvalidInputException("investorName", $"At most 200 characters; given {investorName.Length}.");

        var grant = await authorisations.GrantAsync(actor, investorId, investorName, agent.Id, from, to, ct);
        return TypedResults.Created($"/api/authorisations/{grant.Id}", Response(grant, agent, reader.Today));
    }

    private static async Task<NoContent> Revoke(Guid id, ClaimsPrincipal user, AgentAuthorizations authorisations, CancellationToken ct)
    {
        await authorisations.RevokeAsync(CurrentActor.Of(user), id, ct);
        return TypedResults.NoContent();
    }

    /// <summary>The agent account named; anything but an agent's account reads the same as no account, so names cannot be probed for roles.</summary>
    internal static async Task<ApplicationUser> AgentAsync(string? userName, UserManager<ApplicationUser> users)
    {
        if (string.IsNullOrWhiteSpace(userName)) throw new InvalidInputException("agentUserName", "Required: the user name of the proxy agent (代办员).");
        var account = await users.FindByNameAsync(userName.Trim());
        return account is not null && await users.IsInRoleAsync(account, Roles.Agent)
            ? account
            : throw new InvalidInputException("agentUserName", $"No proxy agent (代办员) has the user name '{userName.Trim()}'.");
    }

    private static AuthorisationResponse Response(AgentAuthorization g, ApplicationUser? agent, LocalDate today) =>
        new(g.Id, g.InvestorId, g.InvestorName, g.AgentId, agent?.UserName, agent?.DisplayName, g.ValidFrom, g.ValidTo, g.IsValidOn(today),
            g.GrantedBy, g.GrantedAt, g.RevokedAt);
}
