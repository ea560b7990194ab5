using System.Net;
using Approval.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Approval.Web.Tests.Security;

public sealed class SecurityHeadersTests(ApprovalWebFactory factory) : IClassFixture<ApprovalWebFactory>
{
    [Theory]
    [InlineData("/health/live", HttpStatusCode.OK)]
    [InlineData("/api/auth/me", HttpStatusCode.Unauthorized)]
    [InlineData("/api/tracking?code=x", HttpStatusCode.BadRequest)]
    public async Task Every_answer_forbids_sniffing_framing_and_referrers_and_sets_a_strict_policy(string url, HttpStatusCode status)
    {
        var response = await factory.CreateClient().GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("default-src 'self'; object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'",
            Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public void Kestrel_does_not_announce_itself()
    {
        Assert.False(factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader);
    }

    private WebApplicationFactory<Program> Production(bool? openApi = null) => factory.WithWebHostBuilder(b =>
    {
        b.UseEnvironment("Production");
        b.UseSetting("https_port", "443");
        b.UseSetting("Approval:Security:OpenApi", openApi?.ToString() ?? "");
    });

    [Fact]
    public async Task Production_redirects_to_https_and_sends_hsts()
    {
        await using var production = Production();
        var plain = production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://approval.example.gov.cn") });
        var secure = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://approval.example.gov.cn") });

        var redirect = await plain.GetAsync("/health/live", TestContext.Current.CancellationToken);
        var answer = await secure.GetAsync("/health/live", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirect.StatusCode);
        Assert.Equal("https://approval.example.gov.cn/health/live", redirect.Headers.Location?.ToString());
        Assert.StartsWith("max-age=", Assert.Single(answer.Headers.GetValues("Strict-Transport-Security")));
    }

    [Theory]
    [InlineData(null, HttpStatusCode.NotFound)]
    [InlineData(false, HttpStatusCode.NotFound)]
    [InlineData(true, HttpStatusCode.OK)]
    public async Task Production_serves_the_openapi_document_only_when_configured(bool? setting, HttpStatusCode expected)
    {
        await using var production = Production(setting);
        var client = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://approval.example.gov.cn") });

        var response = await client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
    }
}
