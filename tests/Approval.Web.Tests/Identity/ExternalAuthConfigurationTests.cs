using Approval.Web.Identity;
using Approval.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Approval.Web.Tests.Identity;

/// <summary>
/// Entra ID configured the Identity.Web way (Instance + TenantId) keeps Identity.Web's own authority and issuer rules;
/// the generic-authority adjustments apply only to an <c>Authority</c>. Read from the handlers' options (no network).
/// </summary>
public sealed class ExternalAuthConfigurationTests
{
    private const string Tenant = "11111111-2222-3333-4444-555555555555";

    [Fact]
    public async Task Entra_by_instance_and_tenant_uses_the_v2_authority_and_identity_webs_issuer_validation_for_api_and_pages()
    {
        await using var factory = new ApprovalWebFactory
        {
            Settings = new Dictionary<string, string>
            {
                ["Approval:ExternalAuth:Instance"] = "https://login.microsoftonline.com/",
                ["Approval:ExternalAuth:TenantId"] = Tenant,
                ["Approval:ExternalAuth:ClientId"] = "approval-client",
                ["Approval:ExternalAuth:ClientSecret"] = "secret",
                ["Approval:ExternalAuth:PageSignIn"] = "true",
            },
        };

        var api = factory.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(IdentitySetup.ExternalScheme);
        var pages = factory.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(ExternalSignIn.PageScheme);

        Assert.Equal($"https://login.microsoftonline.com/{Tenant}/v2.0", api.Authority);
        Assert.Equal($"https://login.microsoftonline.com/{Tenant}/v2.0/.well-known/openid-configuration", api.MetadataAddress);
        Assert.NotNull(api.TokenValidationParameters.IssuerValidator);   // Identity.Web's Entra issuer validator
        Assert.Equal($"https://login.microsoftonline.com/{Tenant}/v2.0", pages.Authority);
        Assert.Equal("approval-client", pages.ClientId);
        Assert.Equal("code", pages.ResponseType);
        Assert.True(pages.UsePkce);
        Assert.NotNull(pages.TokenValidationParameters.IssuerValidator);
    }

    [Fact]
    public async Task A_generic_authority_keeps_its_own_metadata_address_and_issuer()
    {
        await using var factory = new ApprovalWebFactory
        {
            Settings = new Dictionary<string, string>
            {
                ["Approval:ExternalAuth:Authority"] = "https://sso.example.gov.cn/realms/approval/",
                ["Approval:ExternalAuth:Audience"] = "approval",
            },
        };

        var api = factory.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(IdentitySetup.ExternalScheme);

        Assert.Equal("https://sso.example.gov.cn/realms/approval/.well-known/openid-configuration", api.MetadataAddress);
        Assert.Equal("https://sso.example.gov.cn/realms/approval", api.TokenValidationParameters.ValidIssuer);
        Assert.Null(api.TokenValidationParameters.IssuerValidator);
        Assert.Equal("approval", api.TokenValidationParameters.ValidAudience);
        // Without PageSignIn there is no OpenID Connect handler for the pages.
        Assert.Null(await factory.Services.GetRequiredService<Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider>().GetSchemeAsync(ExternalSignIn.PageScheme));
    }
}
