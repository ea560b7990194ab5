using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approval.Web.Tests.Infrastructure;

namespace Approval.Web.Tests.Catalogue;

public sealed class AdminApiTests(ApprovalWebFactory factory) : IClassFixture<ApprovalWebFactory>
{
    [Fact]
    public async Task Reloading_the_calendar_reports_the_years_loaded()
    {
        var http = await factory.ClientForAsync("admin");

        var response = await http.PostAsync("/api/admin/calendar/reload", null, TestContext.Current.CancellationToken);

        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var years = answer.GetProperty("years").EnumerateArray().ToDictionary(y => y.GetProperty("year").GetInt32());
        Assert.True(years[2024].GetProperty("verified").GetBoolean());
        Assert.Contains(2018, years.Keys);
        Assert.Contains("recomputed", answer.GetProperty("effect").GetString());
        Assert.True(answer.GetProperty("recomputedProjects").GetInt32() >= 0);
    }

    [Fact]
    public async Task Validating_the_shipped_definitions_finds_no_problem_and_swaps_nothing()
    {
        var http = await factory.ClientForAsync("admin");

        var answer = await (await http.PostAsync("/api/admin/definitions/validate", null, TestContext.Current.CancellationToken))
            .Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        Assert.True(answer.GetProperty("valid").GetBoolean());
        Assert.Equal(0, answer.GetProperty("problems").GetArrayLength());
        Assert.Equal(4, answer.GetProperty("definitions").GetArrayLength());
        Assert.All(answer.GetProperty("definitions").EnumerateArray(), d => Assert.True(d.GetProperty("loaded").GetBoolean()));
    }

    [Theory]
    [InlineData("/api/admin/calendar/reload", null, HttpStatusCode.Unauthorized)]
    [InlineData("/api/admin/calendar/reload", "supervisor", HttpStatusCode.Forbidden)]
    [InlineData("/api/admin/definitions/validate", null, HttpStatusCode.Unauthorized)]
    [InlineData("/api/admin/definitions/validate", "window", HttpStatusCode.Forbidden)]
    public async Task Admin_endpoints_are_for_administrators_only(string url, string? user, HttpStatusCode expected)
    {
        var http = await factory.ClientForAsync(user);

        var response = await http.PostAsync(url, null, TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
    }
}
