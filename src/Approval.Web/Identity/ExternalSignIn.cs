using System.Security.Claims;
using Approval.Web.Components.Shared;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Approval.Web.Identity;

/// <summary>
/// Sign-in through an external OpenID Connect provider (统一身份认证, Entra ID, Keycloak) with Microsoft.Identity.Web:
/// its access tokens for the API (<see cref="IdentitySetup.ExternalScheme"/>, <c>AddMicrosoftIdentityWebApi</c>) and,
/// when <see cref="ExternalAuthOptions.PageSignIn"/>, staff sign-in on the pages (<see cref="PageScheme"/>,
/// <c>AddMicrosoftIdentityWebApp</c>: authorization code + PKCE). Both read the provider's claims through
/// <see cref="ExternalIdentity"/>, so a role, a department and an investor mean the same on either path.
/// </summary>
/// <remarks>
/// A page sign-in lands in Identity's short-lived external cookie; <see cref="CompleteAsync"/> then either writes the
/// ordinary auth cookie (an Approval role was found) or removes every cookie and shows the 403 page — never a session
/// without a role. Identity.Web is made for Entra ID: for a generic authority (Keycloak, a provincial platform) its
/// Entra-only steps are undone here (the <c>/v2.0</c> it appends to the authority, the issuer validator that wants a
/// <c>tid</c> claim, the signing-key check for Entra's key issuers).
/// </remarks>
public static class ExternalSignIn
{
    /// <summary>The OpenID Connect scheme of the pages' sign-in.</summary>
    public const string PageScheme = "ExternalPages";

    public const string LoginPath = "/account/external/login";
    public const string CompletePath = "/account/external/complete";
    public const string DeniedPath = "/account/external/denied";
    /// <summary>The sign-in page with this query tells that a sign-in at the provider did not complete.</summary>
    public const string FailedQuery = "external=failed";

    public static void AddExternalSignIn(this AuthenticationBuilder auth, IConfigurationSection section, ExternalAuthOptions external)
    {
        var services = auth.Services;
        auth.AddMicrosoftIdentityWebApi(section, jwtBearerScheme: IdentitySetup.ExternalScheme);
        services.Configure<MicrosoftIdentityOptions>(IdentitySetup.ExternalScheme, o => ConfigureIdentityWeb(o, section, external));
        services.Configure<JwtBearerOptions>(IdentitySetup.ExternalScheme, o => ConfigureApi(o, external));
        if (!external.PageSignIn) return;
        if (external.ClientId.Length == 0)
            throw new InvalidOperationException($"{ExternalAuthOptions.Section}:PageSignIn needs {ExternalAuthOptions.Section}:ClientId (and usually ClientSecret), the application's registration at the identity provider.");
        auth.AddMicrosoftIdentityWebApp(section, openIdConnectScheme: PageScheme, cookieScheme: null);
        services.Configure<MicrosoftIdentityOptions>(PageScheme, o => ConfigureIdentityWeb(o, section, external));
        // After Identity.Web's own configuration of the handler (registered above), so that these settings stand: its
        // merged options only ever turn RequireHttpsMetadata on, and it appends /v2.0 to every authority.
        services.Configure<OpenIdConnectOptions>(PageScheme, o => ConfigurePages(o, section, external));
    }

    private static void ConfigureIdentityWeb(MicrosoftIdentityOptions o, IConfigurationSection section, ExternalAuthOptions external)
    {
        if (string.IsNullOrEmpty(o.ClientId)) o.ClientId = external.EffectiveClientId;
        // Identity.Web refuses a token without scp/roles unless this is set; Approval authorises by its own role claim
        // (whatever its configured name), and a token without a known role gets 403 from the policies.
        if (section[nameof(MicrosoftIdentityOptions.AllowWebApiToBeAuthorizedByACL)] is null) o.AllowWebApiToBeAuthorizedByACL = true;
    }

    private static void ConfigureApi(JwtBearerOptions o, ExternalAuthOptions external)
    {
        o.MapInboundClaims = false;
        o.RequireHttpsMetadata = external.RequireHttpsMetadata;
        var validation = o.TokenValidationParameters;
        validation.RoleClaimType = external.RoleClaim;
        validation.NameClaimType = external.NameClaim;
        if (external.Audience.Length > 0)
        {
            validation.AudienceValidator = null;
            validation.ValidAudience = external.Audience;
        }
        if (!external.IsEntraTenant)
        {
            o.Authority = external.Authority.TrimEnd('/');
            o.MetadataAddress = external.MetadataAddress;
            UseStandardIssuerValidation(validation, external);
        }
        o.Events ??= new JwtBearerEvents();
        var validated = o.Events.OnTokenValidated;
        o.Events.OnTokenValidated = async context =>
        {
            await validated(context);
            if (context.Result is not null) return;   // refused by an earlier check
            context.Principal = new ClaimsPrincipal(ExternalIdentity.Map(context.Principal!, external, IdentitySetup.ExternalScheme));
        };
    }

    private static void ConfigurePages(OpenIdConnectOptions o, IConfigurationSection section, ExternalAuthOptions external)
    {
        // The provider's answer goes to Identity's external cookie for one request; CompleteAsync decides.
        o.SignInScheme = IdentityConstants.ExternalScheme;
        o.SignOutScheme = IdentityConstants.ApplicationScheme;
        o.ResponseType = OpenIdConnectResponseType.Code;
        o.UsePkce = true;
        // The code comes back in the query: form_post needs JavaScript in the browser to go on, and pages work without it.
        if (section[nameof(o.ResponseMode)] is null) o.ResponseMode = OpenIdConnectResponseMode.Query;
        o.SaveTokens = true;
        // The claims as the provider names them (RoleClaim, DepartmentClaim …). Identity.Web hands the handler a token
        // handler of its own, which the MapInboundClaims setter does not reach; so a fresh one.
        o.MapInboundClaims = false;
        o.TokenHandler = new JsonWebTokenHandler { MapInboundClaims = false };
        o.RequireHttpsMetadata = external.RequireHttpsMetadata;
        o.TokenValidationParameters.RoleClaimType = external.RoleClaim;
        o.TokenValidationParameters.NameClaimType = external.NameClaim;
        if (!external.IsEntraTenant)
        {
            o.Authority = external.Authority.TrimEnd('/');
            o.MetadataAddress = external.MetadataAddress;
            UseStandardIssuerValidation(o.TokenValidationParameters, external);
        }
        // The id_token_hint that SignOutAsync carried over (the auth cookie is already gone), not kept in the state.
        o.Events.OnRedirectToIdentityProviderForSignOut = context =>
        {
            if (context.Properties.Items.Remove(IdTokenHintItem, out var hint)) context.ProtocolMessage.IdTokenHint = hint;
            return Task.CompletedTask;
        };
        // Cancelled or refused at the provider: back to the sign-in page with a message, not an error page.
        o.Events ??= new OpenIdConnectEvents();
        o.Events.OnRemoteFailure = context =>
        {
            context.Response.Redirect(Login.Path + "?" + FailedQuery);
            context.HandleResponse();
            return Task.CompletedTask;
        };
    }

    private static void UseStandardIssuerValidation(Microsoft.IdentityModel.Tokens.TokenValidationParameters validation, ExternalAuthOptions external)
    {
        validation.ValidIssuer = external.ExpectedIssuer;
        validation.IssuerValidator = null;
        validation.IssuerSigningKeyValidatorUsingConfiguration = null;
    }

    /// <summary>Where the sign-in page's button goes: the challenge, which redirects to the provider.</summary>
    public static string LoginHref(string? returnUrl) =>
        string.IsNullOrEmpty(returnUrl) ? LoginPath : LoginPath + "?returnUrl=" + Uri.EscapeDataString(returnUrl);

    public static void MapExternalSignIn(this IEndpointRouteBuilder routes)
    {
        var external = routes.ServiceProvider.GetRequiredService<ExternalAuthOptions>();
        if (!external.SignsInOnPages) return;
        routes.MapGet(LoginPath, (string? returnUrl) => TypedResults.Challenge(
                new AuthenticationProperties { RedirectUri = CompletePath + "?returnUrl=" + Uri.EscapeDataString(LocalUrl.OrDefault(returnUrl, Login.HomeRedirect)) },
                [PageScheme]))
            .AllowAnonymous().ExcludeFromDescription();
        routes.MapGet(CompletePath, CompleteAsync).AllowAnonymous().ExcludeFromDescription();
        routes.MapGet(LogoutPath, EndProviderSessionAsync).AllowAnonymous().ExcludeFromDescription();
    }

    /// <summary>
    /// After the provider: the Approval identity from its claims into the auth cookie, or, without a known role,
    /// no cookie at all and the 403 page (<see cref="DeniedPath"/>).
    /// </summary>
    private static async Task<IResult> CompleteAsync(HttpContext http, ExternalAuthOptions external, TimeProvider time, string? returnUrl)
    {
        var result = await http.AuthenticateAsync(IdentityConstants.ExternalScheme);
        await http.SignOutAsync(IdentityConstants.ExternalScheme);
        if (!result.Succeeded) return TypedResults.LocalRedirect(Login.Path + "?" + FailedQuery);

        var identity = ExternalIdentity.Map(result.Principal, external, IdentityConstants.ApplicationScheme);
        if (!ExternalIdentity.HasUsableRole(identity))
        {
            // Whoever was signed in before on this browser is signed out too: after a refusal nobody is.
            await http.SignOutAsync(IdentityConstants.ApplicationScheme);
            return TypedResults.LocalRedirect(DeniedPath);
        }
        var properties = new AuthenticationProperties
        {
            IsPersistent = false,
            AllowRefresh = false,
            ExpiresUtc = time.GetUtcNow() + external.PageSessionLifetime,
        };
        if (result.Properties?.GetTokenValue(OpenIdConnectParameterNames.IdToken) is { } idToken)
            properties.StoreTokens([new AuthenticationToken { Name = OpenIdConnectParameterNames.IdToken, Value = idToken }]);
        await http.SignInAsync(IdentityConstants.ApplicationScheme, new ClaimsPrincipal(identity), properties);
        return TypedResults.LocalRedirect(LocalUrl.OrDefault(returnUrl, Login.HomeRedirect));
    }

    /// <summary>
    /// Signs out of the pages: the auth cookie and, for a user who came through the provider, the provider's session
    /// too (its end-session endpoint, which sends the browser back to <paramref name="target"/>).
    /// </summary>
    /// <remarks>
    /// The sign-out form posts here, and our content security policy lets a form lead only to ourselves
    /// (<c>form-action 'self'</c>), which browsers apply to every redirect that follows the post. So the local session
    /// ends here and the browser lands on a page of ours (<see cref="SignedOutPath"/>) that then goes on to
    /// <see cref="LogoutPath"/> and the provider: a new navigation, not the form's. The id_token travels with it
    /// protected and valid for minutes; only this endpoint can make such a link, so a forged one ends nothing.
    /// </remarks>
    public static async Task<IResult> SignOutAsync(HttpContext http, SignInManager<ApplicationUser> signIn, string target)
    {
        var external = http.RequestServices.GetRequiredService<ExternalAuthOptions>();
        string? idToken = null;
        if (external.SignsInOnPages && ExternalIdentity.IsExternal(http.User))
            idToken = (await http.AuthenticateAsync(IdentityConstants.ApplicationScheme)).Properties?.GetTokenValue(OpenIdConnectParameterNames.IdToken);
        await signIn.SignOutAsync();
        if (idToken is null) return TypedResults.LocalRedirect(target);
        var state = Protector(http).Protect(idToken + "\n" + target, TimeSpan.FromMinutes(5));
        return TypedResults.LocalRedirect(SignedOutPath + "?state=" + Uri.EscapeDataString(state));
    }

    /// <summary>The page that says the local session has ended and goes on to end the provider's (Refresh header, and a link).</summary>
    public const string SignedOutPath = "/account/external/signed-out";
    public const string LogoutPath = "/account/external/logout";
    private const string IdTokenHintItem = ".approval.id_token_hint";

    private static ITimeLimitedDataProtector Protector(HttpContext http) =>
        http.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector("Approval.ExternalSignOut").ToTimeLimitedDataProtector();

    /// <summary>The second half of <see cref="SignOutAsync"/>: to the provider's end-session endpoint, when it has one.</summary>
    private static async Task<IResult> EndProviderSessionAsync(HttpContext http, string? state)
    {
        string idToken, target;
        try
        {
            var parts = Protector(http).Unprotect(state ?? "").Split('\n', 2);
            (idToken, target) = (parts[0], LocalUrl.OrDefault(parts[1]));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return TypedResults.LocalRedirect("/");
        }
        if (!await HasEndSessionAsync(http)) return TypedResults.LocalRedirect(target);
        var properties = new AuthenticationProperties { RedirectUri = target };
        properties.Items[IdTokenHintItem] = idToken;
        await http.SignOutAsync(PageScheme, properties);
        return TypedResults.Empty;   // the handler has written the redirect to the provider
    }

    private static async Task<bool> HasEndSessionAsync(HttpContext http)
    {
        var options = http.RequestServices.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(PageScheme);
        try
        {
            var configuration = options.Configuration ?? await options.ConfigurationManager!.GetConfigurationAsync(http.RequestAborted);
            return !string.IsNullOrEmpty(configuration.EndSessionEndpoint);
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or IOException)
        {
            // The provider cannot be reached: the local session still ends.
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ExternalSignIn))
                .LogWarning(e, "The identity provider's metadata could not be read; signing out locally only.");
            return false;
        }
    }

    /// <summary>The sign-in page's path and home redirect (kept here so that the endpoints do not depend on the page component).</summary>
    private static class Login
    {
        public const string Path = "/account/login";
        public const string HomeRedirect = "/account/home";
    }
}

/// <summary>
/// An external provider's claims as Approval's: the configured role, department, investor and name claims become the
/// claim types our own accounts carry (<see cref="Roles"/>), the subject the user id.
/// </summary>
public static class ExternalIdentity
{
    /// <summary>The provider's issuer, on every principal that came from it (which has no local account to check).</summary>
    public const string ProviderClaim = "approval:provider";

    /// <summary>Only the roles Approval knows are carried over; a principal without one is authenticated but may do nothing (403).</summary>
    public static ClaimsIdentity Map(ClaimsPrincipal source, ExternalAuthOptions options, string authenticationType)
    {
        var identity = new ClaimsIdentity(authenticationType, ClaimTypes.Name, ClaimTypes.Role);
        var subject = source.FindFirstValue("sub") ?? source.FindFirstValue(ClaimTypes.NameIdentifier);
        if (subject is null) return identity;
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, subject));
        var name = source.FindFirstValue(options.NameClaim);
        identity.AddClaim(new Claim(ClaimTypes.Name, name ?? subject));
        if (name is not null) identity.AddClaim(new Claim(Roles.DisplayNameClaim, name));
        foreach (var role in source.FindAll(options.RoleClaim).Select(c => c.Value).Where(Roles.ToActorRole.ContainsKey).Distinct())
            identity.AddClaim(new Claim(ClaimTypes.Role, role));
        if (source.FindFirstValue(options.DepartmentClaim) is { Length: > 0 } department) identity.AddClaim(new Claim(Roles.DepartmentClaim, department));
        if (source.FindFirstValue(options.InvestorClaim) is { Length: > 0 } investor) identity.AddClaim(new Claim(Roles.InvestorClaim, investor));
        // The OpenID Connect handler drops "iss" from the claims; each claim still names its issuer.
        identity.AddClaim(new Claim(ProviderClaim, source.FindFirstValue("iss") ?? source.FindFirst("sub")?.Issuer ?? "external"));
        return identity;
    }

    /// <summary>Whether the identity can act in Approval: a known role, and an approver's department (<see cref="CurrentActor"/>'s rules).</summary>
    public static bool HasUsableRole(ClaimsIdentity identity)
    {
        var roles = identity.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        if (roles.Count == 0 || identity.FindFirst(ClaimTypes.NameIdentifier) is null) return false;
        return roles.Any(r => r != Roles.Approver) || identity.HasClaim(c => c.Type == Roles.DepartmentClaim);
    }

    /// <summary>Whether the principal came from the external provider rather than a built-in account.</summary>
    public static bool IsExternal(ClaimsPrincipal principal) => principal.HasClaim(c => c.Type == ProviderClaim);
}
