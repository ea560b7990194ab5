using System.Security.Claims;
using Approval.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Approval.Web.Api;

/// <summary>Signing in with a built-in account: a bearer token for API clients, or a cookie for pages.</summary>
public static class AuthApi
{
    /// <summary>User name and password of a built-in account.</summary>
    public sealed record LoginRequest(string? UserName, string? Password);

    /// <summary>Who the caller is, as Approval sees them.</summary>
    public sealed record MeResponse(string UserId, string Role, string? DepartmentId, string? DisplayName);

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/auth").WithTags("Identity");
        group.MapPost("/login", Login).AllowAnonymous()
            .WithSummary("Sign in; returns a bearer token (or sets a cookie with ?useCookies=true)")
            .Produces<Microsoft.AspNetCore.Authentication.BearerToken.AccessTokenResponse>(StatusCodes.Status200OK)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapPost("/logout", Logout).RequireAuthorization(Policies.Anyone);
        group.MapGet("/me", Me).RequireAuthorization(Policies.Anyone).WithSummary("The signed-in actor");
        return routes;
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Login(LoginRequest request, bool? useCookies,
        SignInManager<ApplicationUser> signIn)
    {
        var errors = new Engine.InputErrors();
        if (string.IsNullOrWhiteSpace(request.UserName)) errors.Add(new Engine.InvalidInputException("userName", Hosting.ProblemText.Required));
        if (string.IsNullOrEmpty(request.Password)) errors.Add(new Engine.InvalidInputException("password", Hosting.ProblemText.Required));
        errors.ThrowIfAny();
        signIn.AuthenticationScheme = useCookies == true ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(request.UserName!.Trim(), request.Password!, isPersistent: false, lockoutOnFailure: true);
        // The sign-in handler has written the token or the cookie.
        return result.Succeeded
            ? TypedResults.Empty
            : TypedResults.Problem(result.IsLockedOut ? "Too many failed attempts; try again later." : "Wrong user name or password.",
                statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed.");
    }

    private static async Task<NoContent> Logout(SignInManager<ApplicationUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    private static Ok<MeResponse> Me(ClaimsPrincipal user)
    {
        var actor = CurrentActor.Of(user);
        return TypedResults.Ok(new MeResponse(actor.UserId, Roles.ToActorRole.First(r => r.Value == actor.Role).Key, actor.DepartmentId, actor.DisplayName));
    }
}
