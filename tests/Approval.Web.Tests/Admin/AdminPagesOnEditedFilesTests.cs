using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Approval.Testing;
using Approval.Web.Tests.Infrastructure;

namespace Approval.Web.Tests.Admin;

/// <summary>
/// The administrator's pages over HTTP on a copy of <c>workflows/</c> that each test edits after start: the
/// validation page lists the problem of a broken definition, and a calendar reload lists the project whose deadline
/// it moved, on the page and in the API.
/// </summary>
public sealed partial class AdminPagesOnEditedFilesTests : IAsyncDisposable
{
    private readonly string _workflows = Path.Combine(Path.GetTempPath(), "approval-admin-" + Guid.NewGuid().ToString("N"));
    private readonly ApprovalWebFactory _factory;

    public AdminPagesOnEditedFilesTests()
    {
        RepositoryPaths.CopyTree(RepositoryPaths.Workflows, _workflows);
        _factory = new ApprovalWebFactory { WorkflowsDirectory = _workflows };
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Posts a page's form as a browser would: its antiforgery token and the form's name (Blazor's <c>_handler</c>).</summary>
    private static async Task<string> PostFormAsync(HttpClient browser, string path, string formName)
    {
        var page = await browser.GetStringAsync(path, Ct);
        var token = Token().Match(page).Groups[1].Value;
        var response = await browser.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = formName, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        }), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    private async Task<HttpClient> AdminBrowserAsync()
    {
        await _factory.SeedAccountsAsync();
        return await CookieClients.SignedInAsync(_factory, "admin");
    }

    [Fact]
    public async Task Validating_on_the_page_lists_the_file_path_and_message_of_a_broken_definition()
    {
        var browser = await AdminBrowserAsync();
        var valid = await PostFormAsync(browser, "/admin/definitions", "validate");
        var file = Path.Combine(_workflows, "enterprise-establishment.v1.json");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file, Ct))
            .Replace("\"targetWorkingDays\": 3", "\"targetWorkingDays\": \"three\""), Ct);

        var broken = await PostFormAsync(browser, "/admin/definitions", "validate");

        Assert.Contains("全部定义文件校验通过", valid);
        Assert.Contains("定义文件有 1 个问题", broken);
        Assert.Contains("<code>enterprise-establishment.v1.json</code>", broken);
        Assert.Contains("<code>$.targetWorkingDays</code>", broken);
        Assert.Contains("expected integer, found string &quot;three&quot;", broken);
        Assert.DoesNotContain("全部定义文件校验通过", broken);
    }

    [Fact]
    public async Task A_reload_that_adds_a_holiday_lists_the_project_whose_deadline_moved_before_and_after()
    {
        var browser = await AdminBrowserAsync();
        // Accepted on Friday 2024-09-27: 3 working days are 9月29日 (调休上班), 9月30日 and 10月8日.
        var id = await TestProjects.FileAndAcceptAsync(_factory, "enterprise-establishment");
        await MoveNationalDayAsync();

        var page = await PostFormAsync(browser, "/admin/calendar", "reload");

        Assert.Contains("办结期限变化的项目", page);
        var row = Regex.Match(page, "<tr><th scope=\"row\" data-label=\"项目\">测试项目</th>.*?</tr>", RegexOptions.Singleline).Value;
        Assert.Contains("2024年10月8日", row);
        Assert.Contains("2024年10月9日", row);
        Assert.NotEqual(Guid.Empty, id);
    }

    [Fact]
    public async Task The_reload_API_lists_the_moved_deadlines_too()
    {
        var admin = await _factory.ClientForAsync("admin");
        var id = await TestProjects.FileAndAcceptAsync(_factory, "enterprise-establishment");
        await MoveNationalDayAsync();

        var answer = await (await admin.PostAsync("/api/admin/calendar/reload", null, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);

        var moved = Assert.Single(answer.GetProperty("moved").EnumerateArray());
        Assert.Equal((id.ToString(), "2024-10-08", "2024-10-09"),
            (moved.GetProperty("projectId").GetString(), moved.GetProperty("before").GetString(), moved.GetProperty("after").GetString()));
    }

    /// <summary>Makes 2024-09-30 a day of the National Day break in the copy's national calendar.</summary>
    private async Task MoveNationalDayAsync()
    {
        var national = Path.Combine(_workflows, "calendars", "national.json");
        var text = await File.ReadAllTextAsync(national, Ct);
        Assert.Contains("\"2024-10-01..2024-10-07\"", text);
        await File.WriteAllTextAsync(national, text.Replace("\"2024-10-01..2024-10-07\"", "\"2024-09-30..2024-10-07\""), Ct);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        try { Directory.Delete(_workflows, recursive: true); } catch (IOException) { }
    }
}
