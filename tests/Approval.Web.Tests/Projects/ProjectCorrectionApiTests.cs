using System.Net;
using System.Text.Json;
using Approval.Web.Tests.Infrastructure;

namespace Approval.Web.Tests.Projects;

/// <summary>
/// <c>POST /api/admin/projects/{id}/correction</c>: an administrator corrects a project's recorded details through the
/// engine's command; the project and its journal show it; anyone else, bad input and unknown projects get a problem.
/// </summary>
public sealed class ProjectCorrectionApiTests(ApprovalWebFactory factory) : IClassFixture<ApprovalWebFactory>
{
    private const string Definition = "enterprise-establishment";

    [Fact]
    public async Task An_administrator_corrects_a_projects_name_and_the_journal_says_who_and_why()
    {
        var id = await TestProjects.FileAndAcceptAsync(factory, Definition);
        var admin = await factory.ClientForAsync("admin");
        var key = Guid.NewGuid().ToString();

        var corrected = await admin.PostDecisionAsync($"/api/admin/projects/{id}/correction",
            new { projectName = "测试项目（二期）", investmentAmount = 1200m, reason = "与备案证核对后更正" }, key);

        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        Assert.Equal("running", (await corrected.ReadJsonAsync()).GetProperty("status").GetString(), ignoreCase: true);
        var detail = await (await (await factory.ClientForAsync("window")).GetAsync($"/api/projects/{id}")).ReadJsonAsync();
        Assert.Equal("测试项目（二期）", detail.GetProperty("project").GetProperty("projectName").GetString());
        Assert.Equal(1200m, detail.GetProperty("investmentAmount").GetDecimal());
        var entry = detail.GetProperty("journal").EnumerateArray().Last();
        Assert.Equal(("projectCorrected", "更正项目信息"), (entry.GetProperty("event").GetString(), entry.GetProperty("eventLabel").GetString()));
        Assert.Equal("项目名称：测试项目 → 测试项目（二期）；总投资（万元）：1000 → 1200；理由：与备案证核对后更正",
            entry.GetProperty("reasons").GetString());
        // The same key again is the same correction, answered again and not journalled twice.
        var again = await admin.PostDecisionAsync($"/api/admin/projects/{id}/correction",
            new { projectName = "测试项目（二期）", investmentAmount = 1200m, reason = "与备案证核对后更正" }, key);
        Assert.True((await again.ReadJsonAsync()).GetProperty("replayed").GetBoolean());
    }

    [Fact]
    public async Task A_correction_without_a_reason_is_a_400_naming_it()
    {
        var id = await TestProjects.FileAndAcceptAsync(factory, Definition);
        var admin = await factory.ClientForAsync("admin");

        var refused = await admin.PostDecisionAsync($"/api/admin/projects/{id}/correction", new { projectName = "新名称" });

        await refused.AssertInvalidAsync("reason");
    }

    [Fact]
    public async Task A_correction_with_a_blank_name_is_a_400_naming_the_field()
    {
        var id = await TestProjects.FileAndAcceptAsync(factory, Definition);
        var admin = await factory.ClientForAsync("admin");

        var refused = await admin.PostDecisionAsync($"/api/admin/projects/{id}/correction", new { projectName = " ", reason = "更正" });

        await refused.AssertInvalidAsync("projectName");
    }

    [Fact]
    public async Task A_correction_of_an_unknown_project_is_a_404()
    {
        var admin = await factory.ClientForAsync("admin");

        var missing = await admin.PostDecisionAsync($"/api/admin/projects/{Guid.NewGuid()}/correction", new { projectName = "新名称", reason = "更正" });

        await missing.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_window_may_not_correct_a_project()
    {
        var id = await TestProjects.FileAndAcceptAsync(factory, Definition);
        var window = await factory.ClientForAsync("window");

        var refused = await window.PostDecisionAsync($"/api/admin/projects/{id}/correction", new { projectName = "新名称", reason = "更正" });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_correction_and_its_problems()
    {
        var json = await factory.CreateClient().GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        var post = JsonDocument.Parse(json).RootElement.GetProperty("paths").GetProperty("/api/admin/projects/{id}/correction").GetProperty("post");

        foreach (var status in new[] { "200", "400", "401", "403", "404", "409" })
            Assert.True(post.GetProperty("responses").TryGetProperty(status, out _), $"{status} is not documented");
        var body = post.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.True(body.TryGetProperty("$ref", out _) || body.TryGetProperty("properties", out _));
    }
}
