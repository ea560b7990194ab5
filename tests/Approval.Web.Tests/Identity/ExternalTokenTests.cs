using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Approval.Testing.Identity;
using Approval.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Approval.Web.Tests.Identity;

/// <summary>
/// Access tokens from the external provider (Microsoft.Identity.Web's web API validation against the in-process
/// provider's discovery document and keys): the configured claims become Approval's actor; anything not signed by the
/// provider, for someone else, from another issuer or expired is 401; a token without a known role is 403.
/// </summary>
public sealed class ExternalTokenTests(ExternalProvider external) : IClassFixture<ExternalProvider>
{
    private static Dictionary<string, object> Claims(string sub, string? role, string? dept = null, string? name = null)
    {
        var claims = new Dictionary<string, object> { ["sub"] = sub };
        if (role is not null) claims["role"] = role;
        if (dept is not null) claims["dept"] = dept;
        if (name is not null) claims["name"] = name;
        return claims;
    }

    private async Task<HttpResponseMessage> MeAsync(string token)
    {
        var client = external.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.GetAsync("/api/auth/me");
    }

    [Fact]
    public async Task An_approver_token_from_the_provider_maps_role_department_and_name_from_the_configured_claims()
    {
        var token = external.Provider.CreateToken(Claims("ext-4711", "approver", "taxation", "省统一身份 张三"), ExternalProvider.Audience);

        var response = await MeAsync(token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ext-4711", me.GetProperty("userId").GetString());
        Assert.Equal("approver", me.GetProperty("role").GetString());
        Assert.Equal("taxation", me.GetProperty("departmentId").GetString());
        Assert.Equal("省统一身份 张三", me.GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task A_supervisor_token_reaches_the_supervision_api_and_a_window_clerk_token_does_not()
    {
        var supervisor = external.Provider.CreateToken(Claims("ext-supervisor", "supervisor"), ExternalProvider.Audience);
        var window = external.Provider.CreateToken(Claims("ext-window", "window"), ExternalProvider.Audience);

        var client = external.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", supervisor);
        var asSupervisor = await client.GetAsync("/api/supervision/departments");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", window);
        var asWindow = await client.GetAsync("/api/supervision/departments");

        Assert.Equal(HttpStatusCode.OK, asSupervisor.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asWindow.StatusCode);
    }

    [Theory]
    [InlineData("another key")]
    [InlineData("another issuer")]
    [InlineData("another audience")]
    [InlineData("expired")]
    public async Task A_token_the_provider_did_not_issue_for_this_api_or_that_has_expired_is_401(string flaw)
    {
        var claims = Claims("ext-4711", "supervisor");
        var provider = external.Provider;
        var token = flaw switch
        {
            "another key" => provider.CreateToken(claims, ExternalProvider.Audience, key: TestIdentityProvider.ForeignKey()),
            "another issuer" => provider.CreateToken(claims, ExternalProvider.Audience, issuer: provider.Issuer.Replace("/realms/approval", "/realms/other")),
            "another audience" => provider.CreateToken(claims, "someone-elses-api"),
            "expired" => provider.CreateToken(claims, ExternalProvider.Audience, expires: DateTime.UtcNow.AddMinutes(-10)),
            _ => throw new ArgumentOutOfRangeException(nameof(flaw)),
        };

        Assert.Equal(HttpStatusCode.Unauthorized, (await MeAsync(token)).StatusCode);
        // The same claims, correctly issued, pass: the flaw alone is refused.
        Assert.Equal(HttpStatusCode.OK, (await MeAsync(provider.CreateToken(claims, ExternalProvider.Audience))).StatusCode);
    }

    [Theory]
    [InlineData("gardener", null)]
    [InlineData(null, null)]
    [InlineData("approver", null)]   // an approver must name a department
    public async Task A_valid_token_without_a_usable_Approval_role_is_403(string? role, string? dept)
    {
        var token = external.Provider.CreateToken(Claims("ext-nobody", role, dept), ExternalProvider.Audience);

        Assert.Equal(HttpStatusCode.Forbidden, (await MeAsync(token)).StatusCode);
    }

    [Fact]
    public async Task Production_refuses_to_fetch_the_providers_keys_over_plain_http()
    {
        await using var production = external.Factory.WithWebHostBuilder(b => b.UseEnvironment("Production"));

        var refused = Assert.ThrowsAny<Exception>(() => production.CreateClient());

        Assert.Contains("RequireHttpsMetadata", string.Join(" | ", Messages(refused)));
    }

    private static IEnumerable<string> Messages(Exception? e)
    {
        for (; e is not null; e = e.InnerException) yield return e.Message;
    }
}
