using System.Net;
using System.Text.Json;
using Approval.Web.Tests.Infrastructure;
using Approval.Web.Tests.Supervision;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Approval.Web.Tests.Tracking;

public sealed class TrackingRateLimitTests
{
    private const string Code = "2509-320193-89-01-544060";

    private static Task<HttpResponseMessage> TrackAsync(HttpClient http, string code, string key, string? from = null, string? forwardedFor = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/tracking?code={Uri.EscapeDataString(code)}&key={Uri.EscapeDataString(key)}");
        if (from is not null) request.Headers.Add(TestPeer.Header, from);
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        return http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_client_over_its_budget_of_tracking_calls_gets_429_with_retry_after()
    {
        await using var factory = new ApprovalWebFactory();
        await using var limited = factory.WithWebHostBuilder(b => b.UseSetting("Approval:Tracking:PermitsPerMinute", "3"));
        var http = limited.CreateClient();
        var statuses = new List<HttpStatusCode>();

        HttpResponseMessage last = null!;
        for (var i = 0; i < 4; i++)
        {
            last = await TrackAsync(http, Code, "GUESS" + i);
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], statuses);
        await last.ReadProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.InRange(int.Parse(Assert.Single(last.Headers.GetValues("Retry-After"))), 1, 60);
    }

    [Fact]
    public async Task Failed_look_ups_run_out_long_before_successful_ones()
    {
        await using var factory = new ApprovalWebFactory();
        var project = await Scenario.ProjectAsync(factory, await Scenario.RunningAsync(factory));
        var http = factory.CreateClient();

        var successes = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++) successes.Add((await TrackAsync(http, project.ProjectCode!, project.QueryKey!, "192.0.2.7")).StatusCode);
        var misses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++) misses.Add((await TrackAsync(http, project.ProjectCode!, "WRONGKEY" + i, "192.0.2.8")).StatusCode);
        var afterMisses = await TrackAsync(http, project.ProjectCode!, project.QueryKey!, "192.0.2.8");

        Assert.All(successes, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.NotFound, 10).Append(HttpStatusCode.TooManyRequests), misses);
        await afterMisses.ReadProblemAsync(HttpStatusCode.TooManyRequests);
        // Until the hour is over.
        Assert.InRange(int.Parse(Assert.Single(afterMisses.Headers.GetValues("Retry-After"))), 60, 3600);
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_each_citizen_has_their_own_budget()
    {
        await using var factory = new ApprovalWebFactory();
        await using var proxied = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Approval:Tracking:PermitsPerMinute", "2");
            b.UseSetting("Approval:Security:ForwardedHeaders:Enabled", "true");
            b.UseSetting("Approval:Security:ForwardedHeaders:KnownProxies:0", "10.0.0.5");
        });
        var http = proxied.CreateClient();

        var first = new[] { await TrackAsync(http, Code, "A1", "10.0.0.5", "198.51.100.1"), await TrackAsync(http, Code, "A2", "10.0.0.5", "198.51.100.1"),
            await TrackAsync(http, Code, "A3", "10.0.0.5", "198.51.100.1") };
        var second = await TrackAsync(http, Code, "B1", "10.0.0.5", "198.51.100.2");
        // Anyone else claiming to forward is not believed: both their "clients" share the sender's budget.
        var spoofed = new[] { await TrackAsync(http, Code, "C1", "203.0.113.9", "198.51.100.3"), await TrackAsync(http, Code, "C2", "203.0.113.9", "198.51.100.4"),
            await TrackAsync(http, Code, "C3", "203.0.113.9", "198.51.100.5") };

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], first.Select(r => r.StatusCode));
        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], spoofed.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task Forwarded_headers_are_ignored_unless_configured()
    {
        await using var factory = new ApprovalWebFactory();
        await using var limited = factory.WithWebHostBuilder(b => b.UseSetting("Approval:Tracking:PermitsPerMinute", "1"));
        var http = limited.CreateClient();

        var first = await TrackAsync(http, Code, "A1", "127.0.0.1", "198.51.100.1");
        var second = await TrackAsync(http, Code, "A2", "127.0.0.1", "198.51.100.2");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests), (first.StatusCode, second.StatusCode));
    }

    [Fact]
    public async Task The_openapi_document_lists_429_for_tracking_and_sign_in()
    {
        await using var factory = new ApprovalWebFactory();
        var paths = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken))
            .RootElement.GetProperty("paths");

        Assert.True(paths.GetProperty("/api/tracking").GetProperty("get").GetProperty("responses").TryGetProperty("429", out _));
        Assert.True(paths.GetProperty("/api/auth/login").GetProperty("post").GetProperty("responses").TryGetProperty("429", out _));
    }
}
