using System.Security.Claims;
using Approval.Engine.Runtime;

namespace Approval.Web.Identity;

/// <summary>Turns the signed-in principal (built-in account or external token) into the engine's <see cref="Actor"/>.</summary>
public static class CurrentActor
{
    /// <summary>The actor, or a <see cref="ForbiddenException"/> when the principal has no role Approval knows.</summary>
    public static Actor Of(ClaimsPrincipal user)
    {
        var role = Roles.ToActorRole.Where(r => user.IsInRole(r.Key)).Select(r => (ActorRole?)r.Value).FirstOrDefault()
            ?? throw new ForbiddenException("The signed-in account has no Approval role.");
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.FindFirstValue("sub")
            ?? throw new ForbiddenException("The signed-in account has no user id.");
        var department = user.FindFirstValue(Roles.DepartmentClaim);
        if (role == ActorRole.Approver && string.IsNullOrEmpty(department))
            throw new ForbiddenException("An approver's account must name a department.");
        // An investor account acts as its project unit: that is whose projects it files and sees.
        var actorId = role == ActorRole.Investor ? user.FindFirstValue(Roles.InvestorClaim) ?? id : id;
        return new Actor(actorId, role, department, user.FindFirstValue(Roles.DisplayNameClaim) ?? user.Identity?.Name);
    }
}
