namespace Approval.Web.Identity;

/// <summary>
/// An external identity provider issuing JWTs (a provincial unified identity platform, Entra ID, Keycloak):
/// where its keys are, whom the tokens are for, and which claims carry role, department, investor and name.
/// </summary>
public sealed class ExternalAuthOptions
{
    /// <summary>The issuer's base address (OpenID metadata at <c>/.well-known/openid-configuration</c>); empty disables external tokens.</summary>
    public string Authority { get; set; } = "";
    public string Audience { get; set; } = "";
    public string RoleClaim { get; set; } = "roles";
    public string DepartmentClaim { get; set; } = "department";
    public string InvestorClaim { get; set; } = "investor_id";
    public string NameClaim { get; set; } = "name";
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>A symmetric key instead of the authority's published keys — for tests and local trials only.</summary>
    public string SigningKey { get; set; } = "";
    /// <summary>The expected issuer when <see cref="SigningKey"/> is used.</summary>
    public string Issuer { get; set; } = "";

    public bool Enabled => Authority.Length > 0 || SigningKey.Length > 0;
}
