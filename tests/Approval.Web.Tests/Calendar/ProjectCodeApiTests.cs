using System.Net.Http.Json;
using System.Text.Json;
using Approval.Web.Tests.Infrastructure;

namespace Approval.Web.Tests.Calendar;

public sealed class ProjectCodeApiTests(ApprovalWebFactory factory) : IClassFixture<ApprovalWebFactory>
{
    private readonly HttpClient _http = factory.CreateClient();

    [Theory]
    [InlineData("2020-451421-88-03-016343", "legacy", "year", "2020")]
    [InlineData("2509-320193-89-01-544060", "current", "yearMonth", "2509")]
    public async Task A_valid_code_shows_its_format_and_segments(string code, string format, string segment, string value)
    {
        var answer = await _http.GetFromJsonAsync<JsonElement>($"/api/project-codes/{code}", TestContext.Current.CancellationToken);

        Assert.True(answer.GetProperty("valid").GetBoolean());
        Assert.Equal(format, answer.GetProperty("format").GetString());
        Assert.Equal(value, answer.GetProperty("segments").GetProperty(segment).GetProperty("value").GetString());
        Assert.False(answer.GetProperty("locallyIssued").GetBoolean());
    }

    [Fact]
    public async Task Full_width_digits_pasted_from_a_document_are_normalised()
    {
        var answer = await _http.GetFromJsonAsync<JsonElement>("/api/project-codes/２５０９－320193-89-01-544060",
            TestContext.Current.CancellationToken);

        Assert.Equal("2509-320193-89-01-544060", answer.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("2513-320193-89-01-544060", "yearMonth")]
    [InlineData("2014-451421-88-03-016343", "year")]
    [InlineData("2020-451421-88-04-016343", "projectType")]
    [InlineData("2509-990193-89-01-544060", "division")]
    public async Task An_invalid_code_is_a_problem_naming_the_segment(string code, string segment)
    {
        var response = await _http.GetAsync($"/api/project-codes/{code}", TestContext.Current.CancellationToken);

        await response.AssertInvalidAsync("code");
        var problem = await response.ReadProblemAsync(System.Net.HttpStatusCode.BadRequest);
        Assert.Equal(segment, problem.GetProperty("segment").GetString());
    }
}
