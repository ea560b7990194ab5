using System.Net;
using Approval.Web.Tests.Infrastructure;

namespace Approval.Web.Tests.Supervision;

public sealed class SupervisionAccessTests(ApprovalWebFactory factory) : IClassFixture<ApprovalWebFactory>
{
    public static TheoryData<string> Lists => ["/api/supervision/projects", "/api/supervision/tasks", "/api/supervision/departments",
        "/api/supervision/extensions", "/api/supervision/statistics"];

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Supervision_lists_need_a_signed_in_caller(string url)
    {
        var http = await factory.ClientForAsync(null);

        var response = await http.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Supervision_lists_are_for_supervisors_only(string url)
    {
        var window = await factory.ClientForAsync("window");
        var approver = await factory.ClientForAsync("approver-market-regulation");
        var supervisor = await factory.ClientForAsync("supervisor");

        Assert.Equal(HttpStatusCode.Forbidden, (await window.GetAsync(url, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await approver.GetAsync(url, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync(url, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("approver-market-regulation", HttpStatusCode.Forbidden)]
    [InlineData("admin", HttpStatusCode.Forbidden)]
    public async Task Only_a_supervisor_decides_an_extension(string? user, HttpStatusCode expected)
    {
        var http = await factory.ClientForAsync(user);

        var response = await http.PostDecisionAsync($"/api/supervision/extensions/{Guid.NewGuid()}/decision", new { approve = true });

        Assert.Equal(expected, response.StatusCode);
    }
}
