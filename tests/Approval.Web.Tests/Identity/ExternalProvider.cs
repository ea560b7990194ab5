using System.Net;
using System.Text.RegularExpressions;
using Approval.Testing.Identity;
using Approval.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Approval.Web.Tests.Identity;

/// <summary>The in-process OpenID Connect provider and a web host that trusts it (API tokens and page sign-in), for one test class.</summary>
public sealed class ExternalProvider : IAsyncLifetime
{
    public const string Audience = "approval-api";

    public TestIdentityProvider Provider { get; private set; } = null!;
    public ApprovalWebFactory Factory { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Provider = await TestIdentityProvider.StartAsync();
        Factory = new ApprovalWebFactory
        {
            Settings = new Dictionary<string, string>
            {
                ["Approval:ExternalAuth:Authority"] = Provider.Issuer,
                ["Approval:ExternalAuth:ClientId"] = Provider.ClientId,
                ["Approval:ExternalAuth:ClientSecret"] = Provider.ClientSecret,
                ["Approval:ExternalAuth:Audience"] = Audience,
                ["Approval:ExternalAuth:RoleClaim"] = "role",
                ["Approval:ExternalAuth:DepartmentClaim"] = "dept",
                ["Approval:ExternalAuth:RequireHttpsMetadata"] = "false",
                ["Approval:ExternalAuth:PageSignIn"] = "true",
            },
        };
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Provider.DisposeAsync();
    }

    /// <summary>A browser of sorts: one cookie jar, redirects followed across the web host (in memory) and the provider (loopback).</summary>
    public Browser NewBrowser() => new(Factory, Provider);
}

/// <summary>Follows redirects between the test host (https://localhost) and the provider, keeping each side's cookies.</summary>
public sealed class Browser
{
    private readonly HttpClient _app;
    private readonly HttpClient _provider;

    public Browser(ApprovalWebFactory factory, TestIdentityProvider provider)
    {
        Cookies = new CookieContainer();
        _app = factory.CreateDefaultClient(CookieClients.Origin, new CookieContainerHandler(Cookies));
        _app.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        _provider = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });
    }

    public CookieContainer Cookies { get; }

    /// <summary>The client for the web host alone (no redirects followed), e.g. for <c>/api/auth/me</c>.</summary>
    public HttpClient App => _app;

    /// <summary>Every address requested by the last <see cref="GetAsync"/> or <see cref="PostFormAsync"/>, in order.</summary>
    public List<Uri> Visited { get; } = [];

    public Task<HttpResponseMessage> GetAsync(string url) => FollowAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(CookieClients.Origin, url)));

    public Task<HttpResponseMessage> PostFormAsync(string url, IDictionary<string, string> form) =>
        FollowAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(CookieClients.Origin, url)) { Content = new FormUrlEncodedContent(form) });

    private async Task<HttpResponseMessage> FollowAsync(HttpRequestMessage request)
    {
        Visited.Clear();
        for (var hops = 0; ; hops++)
        {
            Visited.Add(request.RequestUri!);
            var client = request.RequestUri!.Host == CookieClients.Origin.Host ? _app : _provider;
            var response = await client.SendAsync(request);
            if ((int)response.StatusCode is < 300 or >= 400 || response.Headers.Location is not { } location) return response;
            Assert.True(hops < 12, "Too many redirects: " + string.Join(" → ", Visited));
            request = new HttpRequestMessage(HttpMethod.Get, location.IsAbsoluteUri ? location : new Uri(request.RequestUri, location));
        }
    }

    /// <summary>The antiforgery token of the first form on a page.</summary>
    public static string AntiforgeryToken(string html) =>
        Regex.Match(html, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"") is { Success: true } m
            ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException("No antiforgery token on the page.");
}
