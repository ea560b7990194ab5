using Approval.Web.Components.Shared;
using Approval.Web.Identity;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Approval.Web.Components;

/// <summary>
/// The browser pages: Razor components rendered on the server (static SSR, no interactive render mode), zh-CN,
/// antiforgery on every form, Chinese error pages for browsers while the API keeps RFC 7807 JSON.
/// </summary>
public static class PageHosting
{
    public static WebApplicationBuilder AddApprovalPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents();
        // Chinese text as it is in the HTML, not as &#x...; entities (smaller pages, readable source).
        builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddAntiforgery(o => o.Cookie.Name = "approval.antiforgery");
        builder.Services.AddSingleton<LightWords>();
        return builder;
    }

    /// <summary>
    /// Whether a request is a browser's page request (HTML answer) rather than an API or tool call: not under /api,
    /// and the client accepts text/html.
    /// </summary>
    public static bool WantsPage(HttpContext http) =>
        !http.Request.Path.StartsWithSegments("/api")
        && http.Request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>
    /// Errors as pages for browsers (404/403/429/500 re-executed at /error/{code}), RFC 7807 problems for everyone else
    /// (in place of the API's own <c>UseExceptionHandler()</c> and <c>UseStatusCodePages()</c>); the zh-CN culture.
    /// </summary>
    public static WebApplication UseApprovalPages(this WebApplication app)
    {
        app.UseWhen(WantsPage, page =>
        {
            page.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/error",
                CreateScopeForErrors = true,
                StatusCodeSelector = e => e switch
                {
                    Engine.Runtime.ForbiddenException => StatusCodes.Status403Forbidden,
                    Engine.Runtime.NotFoundException => StatusCodes.Status404NotFound,
                    BadHttpRequestException bad => bad.StatusCode, // e.g. a form post without a valid antiforgery token
                    _ => StatusCodes.Status500InternalServerError,
                },
            });
            page.UseStatusCodePagesWithReExecute("/error/{0}", createScopeForStatusCodePages: true);
            // The error page is read, not posted to: a failed POST re-executes /error as a GET.
            page.Use((http, next) =>
            {
                if (http.Features.Get<IStatusCodeReExecuteFeature>() is not null || http.Features.Get<IExceptionHandlerFeature>() is not null)
                    http.Request.Method = HttpMethods.Get;
                return next(http);
            });
        });
        app.UseWhen(http => !WantsPage(http), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        // Pages are in Chinese whatever the browser asks for; the API answers in the caller's language (English by default).
        var zh = new CultureInfo("zh-CN");
        app.UseWhen(WantsPage, page => page.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(zh),
            SupportedCultures = [zh],
            SupportedUICultures = [zh],
            RequestCultureProviders = [],
        }));
        // Routing after the error handlers, so that a re-executed /error/{code} is routed to its page.
        app.UseRouting();
        return app;
    }

    /// <summary>Static assets, the components, the 长辈版 switch, sign-out and the external provider's sign-in endpoints.</summary>
    public static WebApplication MapApprovalPages(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>();

        // Form posts (antiforgery is checked for [FromForm] endpoints): no JavaScript needed.
        app.MapPost(ElderMode.Path, (HttpContext http, [FromForm] string? on, [FromForm] string? returnUrl) =>
        {
            ElderMode.Set(http, on == "1");
            return TypedResults.LocalRedirect(LocalUrl.OrDefault(returnUrl));
        }).ExcludeFromDescription();
        // A user who came through the external provider is signed out there too (ExternalSignIn).
        app.MapPost("/account/logout", (HttpContext http, SignInManager<ApplicationUser> signIn, [FromForm] string? returnUrl) =>
            ExternalSignIn.SignOutAsync(http, signIn, LocalUrl.OrDefault(returnUrl))).ExcludeFromDescription();
        app.MapExternalSignIn();
        return app;
    }
}
