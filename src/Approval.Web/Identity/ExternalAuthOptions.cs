namespace Approval.Web.Identity;

/// <summary>
/// An external OpenID Connect identity provider (a provincial unified identity platform 统一身份认证, Entra ID,
/// Keycloak), configured in <c>Approval:ExternalAuth</c>. The same section is Microsoft.Identity.Web's: its own keys
/// (<c>Instance</c>, <c>TenantId</c>, <c>ClientId</c>, <c>ClientSecret</c>, <c>CallbackPath</c> …) are read by
/// Identity.Web; the ones here say which claims carry Approval's role, department, investor and name.
/// </summary>
public sealed class ExternalAuthOptions
{
    public const string Section = "Approval:ExternalAuth";

    /// <summary>
    /// A generic OpenID Connect issuer (Keycloak <c>https://host/realms/realm</c>, a provincial platform): its metadata is
    /// read from <c>{Authority}/.well-known/openid-configuration</c> and its tokens must carry it as <c>iss</c>.
    /// Empty when Entra ID is configured by <see cref="Instance"/> and <see cref="TenantId"/>.
    /// </summary>
    public string Authority { get; set; } = "";

    /// <summary>Entra ID's instance (<c>https://login.microsoftonline.com/</c>), with <see cref="TenantId"/>; Identity.Web's own validation then applies.</summary>
    public string Instance { get; set; } = "";
    public string TenantId { get; set; } = "";

    /// <summary>The application's client id at the provider; for the API alone it may be left out, and <see cref="Audience"/> is used.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>The audience API tokens must carry; when empty, Identity.Web's (the client id, <c>api://{ClientId}</c>).</summary>
    public string Audience { get; set; } = "";

    /// <summary>The expected <c>iss</c> of a generic authority's tokens when it differs from <see cref="Authority"/> (rare).</summary>
    public string Issuer { get; set; } = "";

    public string RoleClaim { get; set; } = "roles";
    public string DepartmentClaim { get; set; } = "department";
    public string InvestorClaim { get; set; } = "investor_id";
    public string NameClaim { get; set; } = "name";
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Staff sign in on the pages through the provider (a second button on the sign-in page); needs <see cref="ClientId"/> and usually a <c>ClientSecret</c>.</summary>
    public bool PageSignIn { get; set; }

    /// <summary>The sign-in page's button.</summary>
    public string ButtonText { get; set; } = "通过统一身份认证登录";

    /// <summary>How long a page session from the provider lasts before signing in there again (not sliding).</summary>
    public TimeSpan PageSessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Tokens from the provider are accepted (API) — an authority or an Entra tenant is configured.</summary>
    public bool Enabled => Authority.Length > 0 || (Instance.Length > 0 && TenantId.Length > 0);

    /// <summary>The sign-in page offers the provider: <see cref="PageSignIn"/> with a provider configured.</summary>
    public bool SignsInOnPages => PageSignIn && Enabled;

    /// <summary>Entra ID configured the Identity.Web way (instance and tenant) rather than by a generic authority.</summary>
    public bool IsEntraTenant => Authority.Length == 0 && Enabled;

    /// <summary>The client id Identity.Web requires: <see cref="ClientId"/>, else <see cref="Audience"/>.</summary>
    public string EffectiveClientId => ClientId.Length > 0 ? ClientId : Audience;

    /// <summary>The issuer a generic authority's tokens carry.</summary>
    public string ExpectedIssuer => Issuer.Length > 0 ? Issuer : Authority.TrimEnd('/');

    /// <summary>Where a generic authority publishes its metadata (never with Identity.Web's <c>/v2.0</c> appended).</summary>
    public string MetadataAddress => Authority.TrimEnd('/') + "/.well-known/openid-configuration";
}
