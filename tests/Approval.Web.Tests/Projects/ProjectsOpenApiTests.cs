using System.Text.Json;
using Approval.Web.Tests.Infrastructure;

namespace Approval.Web.Tests.Projects;

public sealed class ProjectsOpenApiTests(ApprovalWebFactory factory) : IClassFixture<ApprovalWebFactory>
{
    [Fact]
    public async Task The_openapi_document_lists_the_project_and_authorisation_operations()
    {
        var json = await factory.CreateClient().GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        var paths = JsonDocument.Parse(json).RootElement.GetProperty("paths");

        foreach (var path in new[]
        {
            "/api/projects", "/api/projects/{id}", "/api/projects/{id}/materials", "/api/projects/{id}/materials/{fileId}",
            "/api/projects/{id}/resubmission", "/api/projects/{id}/deficiencies", "/api/projects/{id}/corrections",
            "/api/corrections/{taskId}", "/api/authorisations", "/api/authorisations/{id}",
        })
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing");
        var upload = paths.GetProperty("/api/projects/{id}/materials").GetProperty("post").GetProperty("requestBody").GetProperty("content");
        Assert.True(upload.TryGetProperty("multipart/form-data", out _));
    }

    [Theory]
    [InlineData("/api/projects", "post")]
    [InlineData("/api/projects/{id}/materials", "post")]
    [InlineData("/api/intake/{id}/checklist", "get")]
    [InlineData("/api/intake/{id}/paper-originals", "post")]
    public async Task The_openapi_document_says_what_handed_in_means_where_materials_are_listed_uploaded_or_checked(string path, string method)
    {
        var json = await factory.CreateClient().GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);

        var operation = JsonDocument.Parse(json).RootElement.GetProperty("paths").GetProperty(path).GetProperty(method);

        var description = operation.GetProperty("description").GetString()!;
        Assert.Contains("handed in (已提交) when a file was uploaded", description);
        Assert.Contains("do not count as handed in", description);
    }
}
