using System.Net;
using System.Security.Claims;
using Approval.Web.Hosting;
using Microsoft.AspNetCore.Identity;

namespace Approval.Web.Identity;

/// <summary>What became of a sign-in attempt.</summary>
public enum SignInOutcome
{
    /// <summary>Signed in: the cookie or the bearer token has been written to the response.</summary>
    SignedIn,

    /// <summary>Wrong user name or password, or an account that may not sign in: deliberately one answer for all.</summary>
    Refused,

    /// <summary>Too many attempts from this address or for this account; try again after the given time.</summary>
    Throttled,
}

/// <summary>The outcome of <see cref="PasswordSignIn.SignInAsync"/>; <paramref name="RetryAfter"/> is set when throttled.</summary>
public sealed record SignInAttempt(SignInOutcome Outcome, TimeSpan? RetryAfter = null);

/// <summary>
/// Signing in with a built-in account's password (登录), for the API's <c>POST /api/auth/login</c> and the pages'
/// login form alike: throttled by client address and account (<see cref="SignInThrottle"/>), one answer for an
/// unknown name, a wrong password and a locked or disabled account, then the cookie or bearer token.
/// </summary>
public sealed class PasswordSignIn(SignInManager<ApplicationUser> signIn, SignInThrottle throttle)
{
    public async Task<SignInAttempt> SignInAsync(string userName, string password, IPAddress? client, bool useCookie)
    {
        var users = signIn.UserManager;
        var account = users.NormalizeName(userName.Trim());
        var address = ClientAddress.Of(client);
        if (throttle.Admit(account, address) is { } wait) return new SignInAttempt(SignInOutcome.Throttled, wait);

        var user = await users.FindByNameAsync(userName.Trim());
        var check = user is null ? null : await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: false);
        if (user is not null && check!.Succeeded)
        {
            signIn.AuthenticationScheme = useCookie ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
            await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "pwd")]);
            return new SignInAttempt(SignInOutcome.SignedIn);
        }
        // An unknown or locked account is answered without hashing anything; hash anyway, so that the time taken does
        // not tell it from a wrong password.
        if (user is null || check!.IsLockedOut || check.IsNotAllowed) HashAnyway(users, password);
        throttle.RecordFailure(account, address);
        return new SignInAttempt(SignInOutcome.Refused);
    }

    private static readonly ApplicationUser Nobody = new() { UserName = "-" };
    private static readonly Lazy<string> NobodysHash = new(() => new PasswordHasher<ApplicationUser>().HashPassword(Nobody, Guid.NewGuid().ToString()));

    private static void HashAnyway(UserManager<ApplicationUser> users, string password) =>
        users.PasswordHasher.VerifyHashedPassword(Nobody, NobodysHash.Value, password);
}
