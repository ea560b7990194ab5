using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Approval.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.IdentityModel.Tokens;

namespace Approval.Web.Tests.Identity;

/// <summary>Tokens from an external identity provider, with its own claim names, are understood as Approval actors.</summary>
public sealed class ExternalTokenTests(ApprovalWebFactory factory) : IClassFixture<ApprovalWebFactory>
{
    private const string Key = "test-signing-key-for-the-external-provider-0123456789";

    private WebApplicationFactory<Program> External() => factory.WithWebHostBuilder(b =>
    {
        b.UseSetting("Approval:ExternalAuth:SigningKey", Key);
        b.UseSetting("Approval:ExternalAuth:Issuer", "https://idp.example.gov.cn");
        b.UseSetting("Approval:ExternalAuth:Audience", "approval");
        b.UseSetting("Approval:ExternalAuth:RoleClaim", "role");
        b.UseSetting("Approval:ExternalAuth:DepartmentClaim", "dept");
    });

    private static string Token(string issuer = "https://idp.example.gov.cn", string key = Key, params Claim[] claims)
    {
        var credentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256);
        var token = new JwtSecurityToken(issuer, "approval", claims, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddHours(1), credentials);
        return new JwtSecurityTokenHandler().WriteToken(token);
    }

    [Fact]
    public async Task An_external_approver_token_maps_role_and_department_from_configured_claims()
    {
        var client = External().CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            Token(claims: [new Claim("sub", "ext-4711"), new Claim("role", "approver"), new Claim("dept", "taxation"), new Claim("name", "省统一身份 张三")]));

        var me = await client.GetFromJsonAsync<JsonElement>("/api/auth/me");

        Assert.Equal("ext-4711", me.GetProperty("userId").GetString());
        Assert.Equal("approver", me.GetProperty("role").GetString());
        Assert.Equal("taxation", me.GetProperty("departmentId").GetString());
    }

    [Fact]
    public async Task A_token_signed_with_another_key_or_issuer_is_refused()
    {
        var client = External().CreateClient();
        foreach (var token in new[]
                 {
                     Token(key: "another-key-another-key-another-key-0123456789", claims: [new Claim("sub", "x"), new Claim("role", "supervisor")]),
                     Token(issuer: "https://evil.example", claims: [new Claim("sub", "x"), new Claim("role", "supervisor")]),
                 })
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
        }
    }
}
