using System.Security.Claims;
using Approval.Web.Identity;
using Approval.Web.Hosting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Approval.Web.Api;

/// <summary>Signing in with a built-in account: a bearer token for API clients, or a cookie for pages.</summary>
public static class AuthApi
{
    /// <summary>User name and password of a built-in account.</summary>
    public sealed record LoginRequest(string? UserName, string? Password);

    /// <summary>Who the caller is, as Approval sees them.</summary>
    public sealed record MeResponse(string UserId, string Role, string? DepartmentId, string? DisplayName);

    /// <summary>A refresh token from a bearer sign-in.</summary>
    public sealed record RefreshRequest(string RefreshToken);

    /// <summary>The antiforgery token a cookie client sends in <paramref name="HeaderName"/> with every request that changes state.</summary>
    public sealed record AntiforgeryResponse(string HeaderName, string Token);

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/auth").WithTags("Identity");
        group.MapPost("/login", Login).AllowAnonymous()
            .WithSummary("Sign in; returns a bearer token (or sets a cookie with ?useCookies=true); 429 with Retry-After after too many attempts")
            .Produces<Microsoft.AspNetCore.Authentication.BearerToken.AccessTokenResponse>(StatusCodes.Status200OK)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapPost("/refresh", Refresh).AllowAnonymous()
            .WithSummary("A new bearer token for a refresh token, unless the user has signed out, changed the password or was locked out since");
        group.MapGet("/antiforgery", Antiforgery).AllowAnonymous()
            .WithSummary($"The antiforgery token a cookie-signed-in client sends in the {WebSecurity.AntiforgeryHeader} header with every POST/PUT/PATCH/DELETE (fetch it after signing in)");
        group.MapPost("/logout", Logout).RequireAuthorization(Policies.Anyone)
            .WithSummary("Sign out: ends every cookie, bearer token and refresh token of the account");
        group.MapGet("/me", Me).RequireAuthorization(Policies.Anyone).WithSummary("The signed-in actor");
        return routes;
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Login(LoginRequest request, bool? useCookies,
        PasswordSignIn signIn, HttpContext http)
    {
        var errors = new Engine.InputErrors();
        if (string.IsNullOrWhiteSpace(request.UserName)) errors.Add(new Engine.InvalidInputException("userName", Hosting.ProblemText.Required));
        if (string.IsNullOrEmpty(request.Password)) errors.Add(new Engine.InvalidInputException("password", Hosting.ProblemText.Required));
        errors.ThrowIfAny();
        var attempt = await signIn.SignInAsync(request.UserName!.Trim(), request.Password!, http.Connection.RemoteIpAddress, useCookies == true);
        switch (attempt.Outcome)
        {
            case SignInOutcome.SignedIn:
                return TypedResults.Empty;   // the sign-in handler has written the token or the cookie
            case SignInOutcome.Throttled:
                http.Response.Headers.RetryAfter = RateLimits.Seconds(attempt.RetryAfter!.Value);
                return TypedResults.Problem("Too many sign-in attempts; try again later.", statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Sign-in throttled.");
            default:
                // One answer for an unknown name, a wrong password and a locked account: nothing tells which names exist.
                return TypedResults.Problem("Wrong user name or password.", statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed.");
        }
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Refresh(RefreshRequest request,
        IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider time, SignInManager<ApplicationUser> signIn, HttpContext http)
    {
        if (string.IsNullOrWhiteSpace(request.RefreshToken)) throw new Engine.InvalidInputException("refreshToken", "Required.");
        var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || expires <= time.GetUtcNow()
            || !await Sessions.StandsAsync(ticket.Principal, http.RequestServices)
            || await signIn.UserManager.GetUserAsync(ticket.Principal) is not { } user)
            return TypedResults.Problem("The refresh token has expired or was revoked; sign in again.",
                statusCode: StatusCodes.Status401Unauthorized, title: "Refresh refused.");
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        await signIn.SignInAsync(user, isPersistent: false);
        return TypedResults.Empty;
    }

    private static Ok<AntiforgeryResponse> Antiforgery(IAntiforgery antiforgery, HttpContext http) =>
        TypedResults.Ok(new AntiforgeryResponse(WebSecurity.AntiforgeryHeader, antiforgery.GetAndStoreTokens(http).RequestToken!));

    private static async Task<NoContent> Logout(SignInManager<ApplicationUser> signIn, ClaimsPrincipal principal)
    {
        // A built-in account's tokens all end; an external provider's token is the provider's to end.
        if (await signIn.UserManager.GetUserAsync(principal) is { } user) await Sessions.EndAllAsync(signIn.UserManager, user);
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    private static Ok<MeResponse> Me(ClaimsPrincipal user)
    {
        var actor = CurrentActor.Of(user);
        return TypedResults.Ok(new MeResponse(actor.UserId, Roles.ToActorRole.First(r => r.Value == actor.Role).Key, actor.DepartmentId, actor.DisplayName));
    }
}
