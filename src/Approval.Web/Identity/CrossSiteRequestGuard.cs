using Approval.Web.Hosting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace Approval.Web.Identity;

/// <summary>
/// Closes the API to cross-site request forgery. A browser attaches the auth cookie to any request, including one a
/// foreign site makes it send; a bearer token it never attaches by itself. So every API request that changes state
/// (<c>POST</c>, <c>PUT</c>, <c>PATCH</c>, <c>DELETE</c>) and does not carry a bearer token is refused when it comes
/// from another origin (403), and, when the cookie signed it in, unless it carries the antiforgery token in
/// <see cref="WebSecurity.AntiforgeryHeader"/> (400). Pages' forms are checked by the framework's antiforgery
/// middleware with the same configuration.
/// </summary>
/// <remarks>
/// The cookie stays <c>SameSite=Lax</c> (Strict would sign out a user who follows a link from a notification), so
/// this check, not the cookie attribute, is what closes CSRF. The token is read from the header only: reading a form
/// here would buffer uploads outside the upload endpoint's own limits.
/// </remarks>
public sealed class CrossSiteRequestGuard(RequestDelegate next, IAntiforgery antiforgery, SecurityOptions options, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        if (!request.Path.StartsWithSegments("/api") || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method) || IdentitySetup.CarriesBearerToken(request))
        {
            await next(http);
            return;
        }
        if (request.Headers.Origin is { Count: > 0 } origin && !IsOwnOrAllowed(origin.ToString(), request))
        {
            await RefuseAsync(http, StatusCodes.Status403Forbidden, "crossOrigin", "Cross-site request refused.",
                $"A request from origin '{origin}' may not change anything here with this site's cookie.");
            return;
        }
        if (http.User.Identity?.IsAuthenticated == true
            && (!request.Headers.ContainsKey(WebSecurity.AntiforgeryHeader) || !await antiforgery.IsRequestValidAsync(http)))
        {
            await RefuseAsync(http, StatusCodes.Status400BadRequest, "antiforgery", "Antiforgery token missing or invalid.",
                $"A request signed in by cookie must send the token from GET /api/auth/antiforgery in the {WebSecurity.AntiforgeryHeader} header.");
            return;
        }
        await next(http);
    }

    private bool IsOwnOrAllowed(string origin, HttpRequest request) =>
        string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase)
        || options.AllowedOrigins.Any(o => string.Equals(origin, o.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));

    private async Task RefuseAsync(HttpContext http, int status, string code, string title, string detail)
    {
        http.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        problem.Extensions["code"] = code;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }
}
