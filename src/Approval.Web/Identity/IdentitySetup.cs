using System.Security.Claims;
using Approval.Engine.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Approval.Web.Identity;

/// <summary>
/// Identity for Approval: built-in accounts (cookie for pages, bearer tokens for API clients) and, when configured,
/// an external OpenID Connect provider through Microsoft.Identity.Web (<see cref="ExternalSignIn"/>): its JWTs for the
/// API and, when configured, staff sign-in on the pages. One policy scheme picks the handler from the request.
/// </summary>
public static class IdentitySetup
{
    public const string Scheme = "Approval";
    public const string ExternalScheme = "External";

    public static WebApplicationBuilder AddApprovalIdentity(this WebApplicationBuilder builder, PersistenceOptions persistence)
    {
        var services = builder.Services;
        var externalSection = builder.Configuration.GetSection(ExternalAuthOptions.Section);
        var external = externalSection.Get<ExternalAuthOptions>() ?? new ExternalAuthOptions();
        services.AddSingleton(external);
        RefuseUnsafeExternalSettings(externalSection, external, builder.Environment);
        var signInLimits = builder.Configuration.GetSection("Approval:SignIn").Get<SignInLimits>() ?? new SignInLimits();
        services.AddSingleton(new SignInThrottle(signInLimits));
        services.AddScoped<PasswordSignIn>();

        // Pooled, and on PostgreSQL with the engine's statement preparation: every signed-in API request reads its
        // account (Sessions.StandsAsync), and building a context per request was most of a cached answer's cost (issue 16).
        if (persistence.Provider == DatabaseProvider.Sqlite)
        {
            services.AddDbContextPool<SqliteIdentityStoreDbContext>(o => o.UseSqlite(persistence.ConnectionString,
                s => s.MigrationsHistoryTable(IdentityStoreDbContext.HistoryTable)));
            services.AddScoped<IdentityStoreDbContext>(sp => sp.GetRequiredService<SqliteIdentityStoreDbContext>());
        }
        else
        {
            services.AddDbContextPool<PostgresIdentityStoreDbContext>(o => o.UseNpgsql(ApprovalDatabase.Tuned(persistence.ConnectionString),
                s => s.MigrationsHistoryTable(IdentityStoreDbContext.HistoryTable)));
            services.AddScoped<IdentityStoreDbContext>(sp => sp.GetRequiredService<PostgresIdentityStoreDbContext>());
        }

        services.AddIdentityCore<ApplicationUser>(o =>
            {
                o.Password.RequiredLength = 10;
                // Lockout is an administrator's act (LockoutEnd), never the effect of wrong passwords: those are
                // throttled per address and account by SignInThrottle, so a guesser cannot lock the holder out.
                o.Lockout.MaxFailedAccessAttempts = int.MaxValue;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<IdentityStoreDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<ApprovalClaimsFactory>();

        var auth = services.AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultChallengeScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, "Cookie, bearer token or external JWT", o => o.ForwardDefaultSelector = http =>
            {
                if (!CarriesBearerToken(http.Request)) return IdentityConstants.ApplicationScheme;
                // Identity's own bearer tokens are opaque; a JWT has three dot-separated parts.
                return external.Enabled && http.Request.Headers.Authorization.ToString().Count(c => c == '.') == 2 ? ExternalScheme : IdentityConstants.BearerScheme;
            })
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.Events.OnMessageReceived = Sessions.ValidateBearerAsync);
        var secure = Hosting.WebSecurity.CookieSecurity(builder.Environment);
        auth.AddIdentityCookies(c => c.ApplicationCookie?.Configure(o =>
        {
            o.Cookie.Name = "approval.auth";
            o.Cookie.HttpOnly = true;
            // Lax, not Strict: a user who follows a link from a notification stays signed in. CSRF is closed by the
            // antiforgery check (CrossSiteRequestGuard), not by this attribute.
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = secure;
            o.Events.OnValidatePrincipal = Sessions.ValidateCookieAsync;
            // An API caller gets a status code, not a redirect to a login page; a browser asking for a page goes to sign in.
            o.LoginPath = "/account/login";
            o.ReturnUrlParameter = "returnUrl";
            o.Events.OnRedirectToLogin = ctx =>
            {
                if (Components.PageHosting.WantsPage(ctx.HttpContext)) ctx.Response.Redirect(ctx.RedirectUri);
                else ctx.Response.StatusCode = 401;
                return Task.CompletedTask;
            };
            o.Events.OnRedirectToAccessDenied = ctx => { ctx.Response.StatusCode = 403; return Task.CompletedTask; };
        }));
        if (external.Enabled) auth.AddExternalSignIn(externalSection, external);

        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.Agent, p => p.RequireRole(Roles.Agent))
            .AddPolicy(Roles.WindowClerk, p => p.RequireRole(Roles.WindowClerk))
            .AddPolicy(Roles.Approver, p => p.RequireRole(Roles.Approver).RequireClaim(Roles.DepartmentClaim))
            .AddPolicy(Roles.Supervisor, p => p.RequireRole(Roles.Supervisor))
            .AddPolicy(Roles.Administrator, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Roles.Investor, p => p.RequireRole(Roles.Investor))
            .AddPolicy(Policies.Applicant, p => p.RequireRole(Roles.Agent, Roles.Investor))
            .AddPolicy(Policies.Staff, p => p.RequireRole(Roles.WindowClerk, Roles.Approver, Roles.Supervisor, Roles.Administrator))
            .AddPolicy(Policies.Anyone, p => p.RequireRole(Roles.ToActorRole.Keys.ToArray()));
        return builder;
    }

    /// <summary>Whether the request authenticates with a bearer token, which a browser never attaches by itself (unlike the cookie).</summary>
    public static bool CarriesBearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    private static void RefuseUnsafeExternalSettings(IConfigurationSection section, ExternalAuthOptions external, IHostEnvironment environment)
    {
        // The hand-configured JwtBearer path took a symmetric key for tests; Identity.Web reads the provider's published
        // keys only. A configuration that still names one is refused rather than silently ignored.
        if (!string.IsNullOrEmpty(section["SigningKey"]))
            throw new InvalidOperationException(
                $"{ExternalAuthOptions.Section}:SigningKey is no longer supported (a symmetric key lets anyone who has it sign tokens "
                + $"for any role; refused in the '{environment.EnvironmentName}' environment as in every other). Remove it and set "
                + $"{ExternalAuthOptions.Section}:Authority to the identity provider, whose published keys are then used.");
        if (external.Enabled && !external.RequireHttpsMetadata && !environment.IsDevelopment() && !environment.IsEnvironment("Testing"))
            throw new InvalidOperationException(
                $"{ExternalAuthOptions.Section}:RequireHttpsMetadata is false in the '{environment.EnvironmentName}' environment: the "
                + "provider's keys would be fetched over plain HTTP, where anyone on the way can replace them. Use the provider's https address.");
    }
}

/// <summary>Policies that combine roles.</summary>
public static class Policies
{
    /// <summary>Those who file and follow projects: agents and investors.</summary>
    public const string Applicant = "applicant";
    /// <summary>Government staff.</summary>
    public const string Staff = "staff";
    /// <summary>Any signed-in Approval role.</summary>
    public const string Anyone = "anyone";
}
