using System.Net;
using Approval.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Approval.Web.Tests.Pages;

/// <summary>
/// How the host answers browsers next to API clients: Chinese error pages for page requests, RFC 7807 JSON under /api
/// whatever the client accepts, and the tracking page on the API's own rate-limit budget.
/// </summary>
public sealed class PageHostingTests : IAsyncLifetime
{
    private readonly ApprovalWebFactory _factory = new();

    private static HttpRequestMessage Browser(HttpMethod method, string url)
    {
        var request = new HttpRequestMessage(method, url);
        // What Chromium sends for a navigation.
        request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8");
        return request;
    }

    [Fact]
    public async Task Browser_asking_for_an_unknown_page_gets_the_Chinese_404_page()
    {
        var response = await _factory.CreateClient().SendAsync(Browser(HttpMethod.Get, "/no-such-page"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("<h1>页面不存在</h1>", html);
        Assert.Contains("lang=\"zh-CN\"", html);
    }

    [Fact]
    public async Task Unknown_api_route_stays_problem_json_even_when_the_client_accepts_html()
    {
        var response = await _factory.CreateClient().SendAsync(Browser(HttpMethod.Get, "/api/no-such-thing"), TestContext.Current.CancellationToken);

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Unknown_matter_in_the_guide_is_the_404_page()
    {
        var response = await _factory.CreateClient().SendAsync(Browser(HttpMethod.Get, "/guide/NO-SUCH-MATTER"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("页面不存在", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Api_call_from_a_browser_without_sign_in_gets_401_not_a_redirect_to_the_sign_in_page()
    {
        var client = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.SendAsync(Browser(HttpMethod.Get, "/api/auth/me"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Tracking_page_spends_the_same_budget_as_the_tracking_api()
    {
        await using var limited = _factory.WithWebHostBuilder(b => b.UseSetting("Approval:Tracking:PermitsPerMinute", "2"));
        var http = limited.CreateClient();
        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.NotFound,
                (await http.GetAsync("/api/tracking?code=2509-320193-89-01-544060&key=GUESS" + i, TestContext.Current.CancellationToken)).StatusCode);

        var response = await http.SendAsync(Browser(HttpMethod.Get, "/track"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Contains("操作过于频繁", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Elder_mode_switch_refuses_a_post_without_the_antiforgery_token()
    {
        var request = Browser(HttpMethod.Post, "/preferences/elder-mode");
        request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["on"] = "1", ["returnUrl"] = "/" });

        var response = await _factory.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("请求无法处理", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("approval.elder")));
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();
}
