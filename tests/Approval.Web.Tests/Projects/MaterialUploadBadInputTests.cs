using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approval.Web.Tests.Infrastructure;

namespace Approval.Web.Tests.Projects;

/// <summary>Every refused upload is a 400 problem naming the field, with nothing in the database or the store.</summary>
public sealed class MaterialUploadBadInputTests(MaterialsHost host) : IClassFixture<MaterialsHost>
{
    public static TheoryData<string, string, string?, byte[]?, string, string, string> BadUploads => new()
    {
        { "larger than the limit", "limit", "articles-of-association", Oversized(), "big.pdf", "application/pdf", "file" },
        { "a type that is not accepted", "not accepted", "articles-of-association", "hello"u8.ToArray(), "notes.txt", "text/plain", "file" },
        { "an executable declared as a PDF", "is not application/pdf", "articles-of-association", [0x4D, 0x5A, 0x90, 0x00, 0x03], "setup.pdf", "application/pdf", "file" },
        { "a PNG declared as a PDF", "is not application/pdf", "articles-of-association", Uploads.Png, "scan.pdf", "application/pdf", "file" },
        { "a ZIP without OFD.xml declared as OFD", "is not application/ofd", "articles-of-association", Uploads.Ofd("readme.txt"), "licence.ofd", "application/ofd", "file" },
        { "an extension that disagrees with the type", "ends in .pdf", "articles-of-association", Uploads.Pdf, "licence.exe", "application/pdf", "file" },
        { "a parent path", "without a path", "articles-of-association", Uploads.Pdf, "../evil.pdf", "application/pdf", "file" },
        { "a nested path", "without a path", "articles-of-association", Uploads.Pdf, "a/b/evil.pdf", "application/pdf", "file" },
        { "a Windows path", "without a path", "articles-of-association", Uploads.Pdf, @"..\..\evil.pdf", "application/pdf", "file" },
        { "a drive-relative name", "without a path", "articles-of-association", Uploads.Pdf, "C:evil.pdf", "application/pdf", "file" },
        { "a hidden right-to-left override", "invisible", "articles-of-association", Uploads.Pdf, "invoice\u202Efdp.exe.pdf", "application/pdf", "file" },
        { "a control character", "control", "articles-of-association", Uploads.Pdf, "evil\u0007.pdf", "application/pdf", "file" },
        { "an empty file", "empty", "articles-of-association", [], "empty.pdf", "application/pdf", "file" },
        { "no file", "exactly one file", "articles-of-association", null, "", "", "file" },
        { "no material code", "Required", null, Uploads.Pdf, "licence.pdf", "application/pdf", "materialCode" },
        { "an unknown material code", "Unknown material", "birth-certificate", Uploads.Pdf, "licence.pdf", "application/pdf", "materialCode" },
    };

    [Theory]
    [MemberData(nameof(BadUploads))]
    public async Task A_bad_upload_is_a_problem_naming_the_field_and_stores_nothing(string why, string says, string? code, byte[]? content,
        string fileName, string contentType, string field)
    {
        var id = await TestProjects.FileAsync(host.Factory, Filings.Definition);
        var agent = await host.ClientForAsync("agent");

        var response = await agent.UploadAsync(id, Uploads.Form(code, content, fileName, contentType));

        var message = await response.AssertInvalidAsync(field);
        Assert.True(message.Contains(says, StringComparison.Ordinal), $"{why}: '{message}' should say '{says}'");
        await AssertNothingStoredAsync(agent, id);
    }

    [Fact]
    public async Task Json_instead_of_a_form_is_an_unsupported_media_type()
    {
        var id = await TestProjects.FileAsync(host.Factory, Filings.Definition);
        var agent = await host.ClientForAsync("agent");

        var response = await agent.UploadAsync(id, JsonContent.Create(new { materialCode = "articles-of-association" }));

        await response.ReadProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await AssertNothingStoredAsync(agent, id);
    }

    [Fact]
    public async Task Two_files_in_one_upload_are_refused()
    {
        var id = await TestProjects.FileAsync(host.Factory, Filings.Definition);
        var agent = await host.ClientForAsync("agent");
        var form = Uploads.Form("articles-of-association", Uploads.Pdf);
        form.Add(new ByteArrayContent(Uploads.Pdf), "file", "second.pdf");

        var response = await agent.UploadAsync(id, form);

        await response.AssertInvalidAsync("file");
        await AssertNothingStoredAsync(agent, id);
    }

    [Fact]
    public async Task A_body_far_beyond_the_limit_is_refused_before_it_is_stored()
    {
        var id = await TestProjects.FileAsync(host.Factory, Filings.Definition);
        var agent = await host.ClientForAsync("agent");
        var huge = new byte[200 * 1024];
        "%PDF-"u8.CopyTo(huge);

        var response = await agent.UploadAsync(id, Uploads.Form("articles-of-association", huge, "huge.pdf"));

        await response.AssertInvalidAsync("file");
        await AssertNothingStoredAsync(agent, id);
    }

    [Fact]
    public async Task An_upload_without_an_idempotency_key_is_refused()
    {
        var id = await TestProjects.FileAsync(host.Factory, Filings.Definition);
        var agent = await host.ClientForAsync("agent");

        var response = await agent.PostAsync($"/api/projects/{id}/materials", Uploads.Form("articles-of-association", Uploads.Pdf));

        await response.AssertInvalidAsync("Idempotency-Key");
        await AssertNothingStoredAsync(agent, id);
    }

    [Fact]
    public async Task Staff_may_not_upload_for_the_applicant()
    {
        var id = await TestProjects.FileAsync(host.Factory, Filings.Definition);
        var window = await host.ClientForAsync("window");

        var response = await window.UploadAsync(id, Uploads.Form("articles-of-association", Uploads.Pdf));

        await response.ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.Empty(host.StoredFiles());
    }

    private static byte[] Oversized()
    {
        var bytes = new byte[MaterialsHost.MaxBytes + 1];
        "%PDF-"u8.CopyTo(bytes);
        return bytes;
    }

    private async Task AssertNothingStoredAsync(HttpClient client, Guid id)
    {
        Assert.Empty((await client.GetFromJsonAsync<List<JsonElement>>($"/api/projects/{id}/materials"))!);
        Assert.Empty(host.StoredFiles());
    }
}
