using System.Net;
using System.Text.Json;
using Approval.Web.Tests.Infrastructure;
using Approval.Web.Tests.Projects;
using Approval.Web.Tests.Tasks;

namespace Approval.Web.Tests.Intake;

/// <summary>
/// One concept of "handed in" (已提交): a material counts once a file was uploaded for it or the window recorded its
/// paper original; a code merely listed in the filing does not.
/// </summary>
public sealed class HandedInTests(MaterialsHost host) : IClassFixture<MaterialsHost>
{
    private const string Definition = Filings.Definition;

    private static JsonElement Line(JsonElement checklist, string code) =>
        checklist.GetProperty("materials").EnumerateArray().Single(m => m.GetProperty("code").GetString() == code);

    [Fact]
    public async Task A_code_listed_in_the_filing_without_a_file_is_not_handed_in()
    {
        var id = await TestProjects.FileAsync(host.Factory, Definition, handIn: false);
        var window = await host.ClientForAsync("window");

        var checklist = await (await window.GetAsync($"/api/intake/{id}/checklist")).ReadOkAsync();

        Assert.All(checklist.GetProperty("materials").EnumerateArray(), m => Assert.False(m.GetProperty("submitted").GetBoolean()));
        Assert.Contains(checklist.GetProperty("missing").EnumerateArray(), m => m.GetProperty("code").GetString() == "articles-of-association");
        var response = await window.PostDecisionAsync($"/api/intake/{id}/acceptance", new { });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Uploading_a_file_ticks_the_checklist()
    {
        var id = await TestProjects.FileAsync(host.Factory, Definition, [], handIn: false);
        var agent = await host.ClientForAsync("agent");
        var window = await host.ClientForAsync("window");

        var uploaded = await agent.UploadAsync(id, Uploads.Form("articles-of-association", Uploads.Pdf, "公司章程.pdf"));
        var checklist = await (await window.GetAsync($"/api/intake/{id}/checklist")).ReadOkAsync();

        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var line = Line(checklist, "articles-of-association");
        Assert.True(line.GetProperty("submitted").GetBoolean());
        Assert.Equal(1, line.GetProperty("files").GetInt32());
        Assert.False(line.GetProperty("paperOriginal").GetBoolean());
        Assert.DoesNotContain(checklist.GetProperty("missing").EnumerateArray(), m => m.GetProperty("code").GetString() == "articles-of-association");
    }

    [Fact]
    public async Task The_window_records_paper_originals_which_count_and_are_journalled()
    {
        var id = await TestProjects.FileAsync(host.Factory, Definition, handIn: false);
        var window = await host.ClientForAsync("window");
        var required = Filings.Checklist(Definition).Where(c => c != "power-of-attorney").ToList();

        var recorded = await window.PostDecisionAsync($"/api/intake/{id}/paper-originals", new { materials = required });
        var checklist = await (await window.GetAsync($"/api/intake/{id}/checklist")).ReadOkAsync();
        var accepted = await window.PostDecisionAsync($"/api/intake/{id}/acceptance", new { });

        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        Assert.True(Line(checklist, "premises-proof").GetProperty("paperOriginal").GetBoolean());
        Assert.True(Line(checklist, "premises-proof").GetProperty("submitted").GetBoolean());
        Assert.False(Line(checklist, "power-of-attorney").GetProperty("submitted").GetBoolean());
        Assert.Equal(0, checklist.GetProperty("missing").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var entry = (await Steps.JournalAsync(host.Factory, id)).Single(j => j.Event == "PaperOriginalsRecorded");
        Assert.Contains("住所（经营场所）使用证明", entry.Reasons);
        Assert.Equal("WindowClerk", entry.ActorRole);
    }

    [Theory]
    [InlineData("agent")]
    [InlineData("approver-market-regulation")]
    public async Task Only_the_window_records_paper_originals(string user)
    {
        var id = await TestProjects.FileAsync(host.Factory, Definition, handIn: false);
        var client = await host.ClientForAsync(user);

        var response = await client.PostDecisionAsync($"/api/intake/{id}/paper-originals", new { materials = new[] { "premises-proof" } });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_material_code_for_a_paper_original_is_a_bad_request_naming_it()
    {
        var id = await TestProjects.FileAsync(host.Factory, Definition, handIn: false);
        var window = await host.ClientForAsync("window");

        var response = await window.PostDecisionAsync($"/api/intake/{id}/paper-originals", new { materials = new[] { "premises-proof", "no-such-thing" } });

        await response.AssertInvalidAsync("materials[1]");
    }

    [Fact]
    public async Task Uploading_the_last_deficient_material_fulfils_the_promise()
    {
        var id = await TestProjects.FileAsync(host.Factory, Definition, Filings.Checklist(Definition).Where(c => c != "bank-account"));
        var window = await host.ClientForAsync("window");
        await (await window.PostDecisionAsync($"/api/intake/{id}/acceptance", new { promisedBy = "2024-09-29" })).ReadOkAsync();
        var agent = await host.ClientForAsync("agent");

        var uploaded = await agent.UploadAsync(id, Uploads.Form("bank-account", Uploads.Pdf, "开户许可.pdf"));
        var detail = await (await agent.GetAsync($"/api/projects/{id}")).ReadOkAsync();

        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        Assert.Equal(0, detail.GetProperty("deficiencies").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("deficienciesDueOn").ValueKind);
        var supplied = (await Steps.JournalAsync(host.Factory, id)).Single(j => j.Event == "DeficienciesSupplied");
        Assert.Contains("单位银行结算账户信息", supplied.Reasons);
    }
}
