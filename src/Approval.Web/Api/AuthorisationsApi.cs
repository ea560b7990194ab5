using System.Security.Claims;
using Approval.Engine.Runtime;
using Approval.Web.Api.Authorisations;
using Approval.Web.Api.Contracts;
using Approval.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
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
            .WithSummary("Authorisations: an agent's own, an investor's own, every one for an administrator; newest first, a page at a time")
            .WithDescription(Paging.Description.Trim()).ProducesValidationProblem();
        group.MapGet("/{id:guid}", Get).RequireAuthorization(p => p.RequireRole(Roles.Agent, Roles.Investor, Roles.Administrator))
            .WithSummary("One authorisation").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("", Grant).RequireAuthorization(p => p.RequireRole(Roles.Investor, Roles.Administrator))
            .WithSummary("Authorise an agent (by user name) for a period").ProducesValidationProblem();
        group.MapDelete("/{id:guid}", Revoke).RequireAuthorization(p => p.RequireRole(Roles.Investor, Roles.Administrator))
            .WithSummary("Revoke an authorisation from now on").ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Ok<PageDto<AuthorisationResponse>>> List([System.ComponentModel.Description(Paging.Size)] string? size,
        [System.ComponentModel.Description(Paging.Cursor)] string? cursor, ClaimsPrincipal user, AuthorisationGrants grants, CancellationToken ct) =>
        TypedResults.Ok(PageDto<AuthorisationResponse>.From(await grants.PageAsync(CurrentActor.Of(user), ApiInput.Page(size, cursor), ct),
            r => Response(r, grants.Today)));

    private static async Task<Ok<AuthorisationResponse>> Get(Guid id, ClaimsPrincipal user, AuthorisationGrants grants, CancellationToken ct) =>
        TypedResults.Ok(Response(await grants.GetAsync(CurrentActor.Of(user), id, ct), grants.Today));

    private static async Task<Created<AuthorisationResponse>> Grant(GrantRequest request, ClaimsPrincipal user, AuthorisationGrants grants,
        CancellationToken ct)
    {
        var record = await grants.GrantAsync(CurrentActor.Of(user), request.AgentUserName, request.ValidFrom, request.ValidTo,
            request.InvestorId, request.InvestorName, ct);
        return TypedResults.Created($"/api/authorisations/{record.Grant.Id}", Response(record, grants.Today));
    }

    private static async Task<NoContent> Revoke(Guid id, ClaimsPrincipal user, AuthorisationGrants grants, CancellationToken ct)
    {
        await grants.RevokeAsync(CurrentActor.Of(user), id, ct);
        return TypedResults.NoContent();
    }

    private static AuthorisationResponse Response(AuthorisationRecord r, LocalDate today) =>
        new(r.Grant.Id, r.Grant.InvestorId, r.Grant.InvestorName, r.Grant.AgentId, r.Agent?.UserName, r.Agent?.DisplayName,
            r.Grant.ValidFrom, r.Grant.ValidTo, r.Grant.IsValidOn(today), r.Grant.GrantedBy, r.Grant.GrantedAt, r.Grant.RevokedAt);
}
