using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Approval.Web.Identity;

/// <summary>Adds the department, investor and display name to a built-in account's principal.</summary>
public sealed class ApprovalClaimsFactory(UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(Roles.DisplayNameClaim, user.DisplayName));
        if (user.DepartmentId is { } department) identity.AddClaim(new Claim(Roles.DepartmentClaim, department));
        if (user.InvestorId is { } investor) identity.AddClaim(new Claim(Roles.InvestorClaim, investor));
        return identity;
    }
}
