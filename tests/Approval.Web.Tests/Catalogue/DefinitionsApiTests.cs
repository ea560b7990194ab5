using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approval.Web.Tests.Infrastructure;

namespace Approval.Web.Tests.Catalogue;

public sealed class DefinitionsApiTests(ApprovalWebFactory factory) : IClassFixture<ApprovalWebFactory>
{
    [Theory]
    [InlineData("agent")]
    [InlineData("approver-taxation")]
    [InlineData("supervisor")]
    public async Task Every_role_reads_the_definitions_with_versions_target_and_steps(string user)
    {
        var http = await factory.ClientForAsync(user);

        var list = await http.GetFromJsonAsync<JsonElement>("/api/definitions", TestContext.Current.CancellationToken);

        Assert.Equal(["enterprise-establishment", "industrial-construction-permit", "joint-completion-acceptance", "real-estate-registration"],
            list.EnumerateArray().Select(d => d.GetProperty("id").GetString()));
        var enterprise = list[0];
        Assert.Equal((1, 3), (enterprise.GetProperty("latestVersion").GetInt32(), enterprise.GetProperty("targetWorkingDays").GetInt32()));
        Assert.Equal(["oneWindowIntake", "parallelApprovals", "deadlineCompletion"],
            enterprise.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task A_definition_shows_each_activity_with_the_fields_of_its_type()
    {
        var http = await factory.ClientForAsync("window");

        var definition = await http.GetFromJsonAsync<JsonElement>("/api/definitions/industrial-construction-permit", TestContext.Current.CancellationToken);

        var activities = definition.GetProperty("activities").EnumerateArray().ToDictionary(a => a.GetProperty("type").GetString()!);
        Assert.True(definition.GetProperty("isLatest").GetBoolean());
        Assert.NotEqual(0, activities["oneWindowIntake"].GetProperty("materials").GetArrayLength());
        Assert.False(activities["jointPreReview"].TryGetProperty("matters", out _));
        Assert.True(activities["combinedSiteSurvey"].TryGetProperty("absence", out _));
        var building = activities["parallelApprovals"].GetProperty("matters").EnumerateArray().Single(m => m.GetProperty("matterCode").GetString() == "ZRZY-002");
        Assert.Equal(["ZRZY-001"], building.GetProperty("after").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("natural-resources", building.GetProperty("departmentId").GetString());
    }

    [Fact]
    public async Task One_version_is_read_by_number()
    {
        var http = await factory.ClientForAsync("agent");

        var v1 = await http.GetFromJsonAsync<JsonElement>("/api/definitions/real-estate-registration/versions/1", TestContext.Current.CancellationToken);

        Assert.Equal(1, v1.GetProperty("version").GetInt32());
        Assert.Equal("real-estate-registration", v1.GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("/api/definitions/no-such-thing")]
    [InlineData("/api/definitions/no-such-thing/versions/1")]
    [InlineData("/api/definitions/enterprise-establishment/versions/9")]
    public async Task An_unknown_definition_or_version_is_not_found(string url)
    {
        var http = await factory.ClientForAsync("agent");

        await (await http.GetAsync(url, TestContext.Current.CancellationToken)).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_version_that_is_not_a_number_is_a_bad_request()
    {
        var http = await factory.ClientForAsync("agent");

        await (await http.GetAsync("/api/definitions/enterprise-establishment/versions/latest", TestContext.Current.CancellationToken))
            .AssertInvalidAsync("version");
    }

    [Fact]
    public async Task Definitions_need_a_signed_in_caller()
    {
        var response = await factory.CreateClient().GetAsync("/api/definitions", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
