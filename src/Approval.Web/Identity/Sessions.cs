using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Approval.Web.Identity;

/// <summary>
/// Whether a built-in account's cookie or bearer token still stands. Every such credential carries the account's
/// security stamp; signing out, a password change and an administrator's reset change the stamp, and a locked or
/// deleted account has none that counts, so all of that user's cookies, access tokens and refresh tokens end at
/// once. Checked on every request (one read of the account): a revoked token must not work for the rest of its hour.
/// </summary>
/// <remarks>
/// Tokens from an external identity provider are the provider's to revoke; a page session from it has no local account
/// to check and ends at its fixed lifetime (<see cref="ExternalAuthOptions.PageSessionLifetime"/>) or at sign-out.
/// </remarks>
public static class Sessions
{
    /// <summary>True when the account behind <paramref name="principal"/> exists, is not locked out and has the stamp the credential carries.</summary>
    /// <remarks>
    /// What <see cref="UserManager{TUser}.FindByIdAsync"/>, <see cref="UserManager{TUser}.IsLockedOutAsync"/> and
    /// <see cref="UserManager{TUser}.GetSecurityStampAsync"/> would say, read as three columns of the account by one
    /// compiled query on the pooled identity context: it runs on every signed-in request (issue 16).
    /// </remarks>
    public static async Task<bool> StandsAsync(ClaimsPrincipal principal, IServiceProvider services)
    {
        var claims = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        if (principal.FindFirstValue(claims.UserIdClaimType) is not { } id
            || principal.FindFirstValue(claims.SecurityStampClaimType) is not { } stamp) return false;
        var account = services.GetRequiredService<IdentityStoreDbContext>() switch
        {
            PostgresIdentityStoreDbContext postgres => await Compiled<PostgresIdentityStoreDbContext>.Account(postgres, id),
            SqliteIdentityStoreDbContext sqlite => await Compiled<SqliteIdentityStoreDbContext>.Account(sqlite, id),
            var other => throw new InvalidOperationException($"no compiled query for {other.GetType().Name}"),
        };
        if (account is null) return false;
        // Locked out: lockout enabled and its end not yet passed (UserManager.IsLockedOutAsync).
        if (account.LockoutEnabled && account.LockoutEnd >= DateTimeOffset.UtcNow) return false;
        return stamp == account.SecurityStamp;
    }

    private sealed record AccountState(string? SecurityStamp, bool LockoutEnabled, DateTimeOffset? LockoutEnd);

    /// <summary>Once per provider's context type: a compiled query is bound to one model, and the tests use both providers at once.</summary>
    private static class Compiled<TContext> where TContext : IdentityStoreDbContext
    {
        public static readonly Func<TContext, string, Task<AccountState?>> Account = EF.CompileAsyncQuery(
            (TContext db, string id) => db.Users.Where(u => u.Id == id)
                .Select(u => new AccountState(u.SecurityStamp, u.LockoutEnabled, u.LockoutEnd)).FirstOrDefault());
    }

    /// <summary>Ends every cookie and token of the account: a new security stamp.</summary>
    public static async Task EndAllAsync(UserManager<ApplicationUser> users, ApplicationUser user) => await users.UpdateSecurityStampAsync(user);

    internal static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is { } principal
            && (ExternalIdentity.IsExternal(principal) || await StandsAsync(principal, context.HttpContext.RequestServices))) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }

    /// <summary>
    /// The bearer handler has no "validate principal" event, so the token is read here: an unreadable or expired token
    /// is left to the handler, which refuses it with its own message; a standing one is the result, so the handler does
    /// not decrypt it a second time (issue 16: once per signed-in API request).
    /// </summary>
    internal static async Task ValidateBearerAsync(MessageReceivedContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return;
        var ticket = context.Options.BearerTokenProtector.Unprotect(header["Bearer ".Length..].Trim());
        if (ticket?.Properties.ExpiresUtc is not { } expires || (context.Options.TimeProvider ?? TimeProvider.System).GetUtcNow() >= expires) return;
        if (!await StandsAsync(ticket.Principal, context.HttpContext.RequestServices))
        {
            context.Fail("The token was revoked: the user signed out, changed the password, or the account was locked or removed.");
            return;
        }
        (context.Principal, context.Properties) = (ticket.Principal, ticket.Properties);
        context.Success();
    }
}
