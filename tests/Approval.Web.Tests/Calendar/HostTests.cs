using System.Net;
using System.Text.Json;
using Approval.Web.Tests.Infrastructure;

namespace Approval.Web.Tests.Calendar;

public sealed class HostTests(ApprovalWebFactory factory) : IClassFixture<ApprovalWebFactory>
{
    private readonly HttpClient _http = factory.CreateClient();

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_healthy(string url)
    {
        var response = await _http.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task OpenApi_document_lists_the_calendar_and_project_code_operations()
    {
        var json = await _http.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        var paths = JsonDocument.Parse(json).RootElement.GetProperty("paths");

        Assert.True(paths.TryGetProperty("/api/calendar/deadline", out _));
        Assert.True(paths.TryGetProperty("/api/calendar/working-days", out _));
        Assert.True(paths.TryGetProperty("/api/calendar/days/{date}", out _));
        Assert.True(paths.TryGetProperty("/api/project-codes/{code}", out _));
    }
}
