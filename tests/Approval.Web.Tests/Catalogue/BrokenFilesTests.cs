using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Approval.Testing;
using Approval.Web.Hosting;
using Approval.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Approval.Web.Tests.Catalogue;

/// <summary>
/// An administrator edits the files under a running service: the host runs on a copy of <c>workflows/</c> that each
/// test breaks after start, and the service must keep what it loaded while naming the file at fault.
/// </summary>
public sealed class BrokenFilesTests : IAsyncDisposable
{
    private readonly string _workflows = Path.Combine(Path.GetTempPath(), "approval-workflows-" + Guid.NewGuid().ToString("N"));
    private readonly ApprovalWebFactory _factory = new();
    private readonly WebApplicationFactory<Program> _host;

    public BrokenFilesTests()
    {
        RepositoryPaths.CopyTree(RepositoryPaths.Workflows, _workflows);
        _host = _factory.WithWebHostBuilder(b => b.UseSetting("Approval:WorkflowsDirectory", _workflows));
    }

    private async Task<HttpClient> AdminAsync()
    {
        var http = _host.CreateClient();
        await DemoData.SeedAccountsAsync(_host.Services);
        var login = await http.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = DemoData.Password }, TestContext.Current.CancellationToken);
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    [Fact]
    public async Task A_broken_definition_is_reported_with_file_and_path_and_the_loaded_one_stays()
    {
        var http = await AdminAsync();
        var file = Path.Combine(_workflows, "enterprise-establishment.v1.json");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken))
            .Replace("\"targetWorkingDays\": 3", "\"targetWorkingDays\": \"three\""), TestContext.Current.CancellationToken);

        var answer = await (await http.PostAsync("/api/admin/definitions/validate", null, TestContext.Current.CancellationToken))
            .Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var loaded = await http.GetFromJsonAsync<JsonElement>("/api/definitions/enterprise-establishment", TestContext.Current.CancellationToken);

        Assert.False(answer.GetProperty("valid").GetBoolean());
        var problem = Assert.Single(answer.GetProperty("problems").EnumerateArray());
        Assert.Equal(("enterprise-establishment.v1.json", "$.targetWorkingDays", "expected integer, found string \"three\""),
            (problem.GetProperty("file").GetString(), problem.GetProperty("jsonPath").GetString(), problem.GetProperty("message").GetString()));
        Assert.Equal(3, loaded.GetProperty("targetWorkingDays").GetInt32());
    }

    [Fact]
    public async Task A_broken_calendar_file_is_a_422_naming_it_and_the_old_calendar_stays()
    {
        var http = await AdminAsync();
        await File.WriteAllTextAsync(Path.Combine(_workflows, "calendars", "national.json"), "{", TestContext.Current.CancellationToken);

        var response = await http.PostAsync("/api/admin/calendar/reload", null, TestContext.Current.CancellationToken);
        var day = await http.GetFromJsonAsync<JsonElement>("/api/calendar/days/2024-10-01", TestContext.Current.CancellationToken);

        var problem = await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.EndsWith("national.json", problem.GetProperty("file").GetString());
        Assert.Equal("国庆节", day.GetProperty("name").GetString());
    }


    [Fact]
    public async Task A_calendar_file_breaking_its_schema_is_a_422_with_the_path_and_the_schema_s_words()
    {
        var http = await AdminAsync();
        var file = Path.Combine(_workflows, "calendars", "national.json");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken))
            .Replace("\"status\": \"verified\"", "\"status\": \"checked\""), TestContext.Current.CancellationToken);

        var response = await http.PostAsync("/api/admin/calendar/reload", null, TestContext.Current.CancellationToken);

        var problem = await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("$.years['2018'].status", problem.GetProperty("jsonPath").GetString());
        Assert.StartsWith("\"checked\" is not one of: \"verified\", \"unverified\"", problem.GetProperty("detail").GetString());
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _factory.DisposeAsync();
        try { Directory.Delete(_workflows, recursive: true); } catch (IOException) { }
    }
}
