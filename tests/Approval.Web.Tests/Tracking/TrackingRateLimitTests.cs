using System.Net;
using Approval.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Approval.Web.Tests.Tracking;

public sealed class TrackingRateLimitTests
{
    [Fact]
    public async Task A_client_over_its_budget_of_tracking_calls_gets_429()
    {
        await using var factory = new ApprovalWebFactory();
        await using var limited = factory.WithWebHostBuilder(b => b.UseSetting("Approval:Tracking:PermitsPerMinute", "3"));
        var http = limited.CreateClient();
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 4; i++)
            statuses.Add((await http.GetAsync("/api/tracking?code=2509-320193-89-01-544060&key=GUESS" + i, TestContext.Current.CancellationToken)).StatusCode);

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], statuses);
    }
}
