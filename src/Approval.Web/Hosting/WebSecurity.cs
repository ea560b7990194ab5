using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Approval.Web.Hosting;

/// <summary>
/// What the host does for every request before the application sees it: believe only trusted proxies about the
/// client, send HSTS and redirect to HTTPS in Production, and add the security headers (no sniffing, no framing,
/// no referrer, a strict content security policy). Also the one antiforgery configuration that the API's
/// cross-site guard and the pages' forms share.
/// </summary>
public static class WebSecurity
{
    /// <summary>The header a cookie client sends its antiforgery token in (from <c>GET /api/auth/antiforgery</c>).</summary>
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";

    /// <summary>
    /// Pages use only same-origin CSS and scripts and no inline script; nothing may frame them, and forms post only
    /// back to us.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    /// <summary>Swagger UI (Development only) styles itself inline and draws its icons from data: URIs.</summary>
    private const string SwaggerContentSecurityPolicy =
        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    public static WebApplicationBuilder AddApprovalSecurity(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection("Approval:Security").Get<SecurityOptions>() ?? new SecurityOptions();
        builder.Services.AddSingleton(settings);
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        if (settings.ForwardedHeaders.Enabled)
            builder.Services.Configure<ForwardedHeadersOptions>(o => Configure(o, settings.ForwardedHeaders));
        builder.Services.AddAntiforgery(o =>
        {
            o.HeaderName = AntiforgeryHeader;
            o.Cookie.Name = "approval.antiforgery";
            // As the request: with Always, the framework throws (a 500) on any form post that reaches it over plain HTTP
            // outside Development, e.g. behind a TLS proxy without forwarded headers. It holds no identity; the auth
            // cookie stays Secure, and HTTPS redirection with HSTS keeps browsers on HTTPS in Production.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // Our own X-Frame-Options (DENY) is stricter than the SAMEORIGIN antiforgery would add.
            o.SuppressXFrameOptionsHeader = true;
        });
        return builder;
    }

    /// <summary>Cookies are sent over HTTPS only, except in Development where the product runs on plain http://localhost.</summary>
    public static CookieSecurePolicy CookieSecurity(IHostEnvironment environment) =>
        environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

    /// <summary>Whether <c>/openapi/v1.json</c> is served: <c>Approval:Security:OpenApi</c>, else only in Development.</summary>
    public static bool ServesOpenApi(WebApplication app) =>
        app.Services.GetRequiredService<SecurityOptions>().OpenApi ?? app.Environment.IsDevelopment();

    /// <summary>The first middleware: forwarded headers (when trusted), HSTS and HTTPS (Production), security headers.</summary>
    public static WebApplication UseApprovalSecurity(this WebApplication app)
    {
        if (app.Services.GetRequiredService<SecurityOptions>().ForwardedHeaders.Enabled) app.UseForwardedHeaders();
        if (app.Environment.IsProduction())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        var swagger = app.Environment.IsDevelopment();
        app.Use((http, next) =>
        {
            // OnStarting, so that headers survive the exception handler clearing the response.
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                // Tracking URLs carry the query key: it must never travel to another site in a Referer.
                headers["Referrer-Policy"] = "no-referrer";
                headers.ContentSecurityPolicy = swagger && http.Request.Path.StartsWithSegments("/swagger")
                    ? SwaggerContentSecurityPolicy : ContentSecurityPolicy;
                return Task.CompletedTask;
            });
            return next(http);
        });
        return app;
    }

    private static void Configure(ForwardedHeadersOptions o, ForwardedHeadersSettings settings)
    {
        o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        o.ForwardLimit = settings.ForwardLimit;
        if (settings.KnownProxies.Length == 0 && settings.KnownNetworks.Length == 0) return;   // the defaults: loopback only
        o.KnownProxies.Clear();
        o.KnownIPNetworks.Clear();
        foreach (var proxy in settings.KnownProxies) o.KnownProxies.Add(IPAddress.Parse(proxy));
        foreach (var network in settings.KnownNetworks) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
    }
}
