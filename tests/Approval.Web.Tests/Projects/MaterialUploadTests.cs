using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Approval.Web.Tests.Infrastructure;

namespace Approval.Web.Tests.Projects;

public sealed class MaterialUploadTests(MaterialsHost host) : IClassFixture<MaterialsHost>
{
    [Fact]
    public async Task An_uploaded_pdf_is_stored_by_its_hash_listed_and_downloaded_unchanged()
    {
        var id = await TestProjects.FileAsync(host.Factory, Filings.Definition);
        var agent = await host.ClientForAsync("agent");

        var response = await agent.UploadAsync(id, Uploads.Form("articles-of-association", Uploads.Pdf, "公司章程.pdf"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var material = await response.ReadJsonAsync();
        var sha = Convert.ToHexStringLower(SHA256.HashData(Uploads.Pdf));
        Assert.Equal(sha, material.GetProperty("sha256").GetString());
        Assert.Equal("公司章程.pdf", material.GetProperty("fileName").GetString());
        Assert.Equal(Uploads.Pdf.Length, material.GetProperty("length").GetInt64());
        Assert.Contains(host.StoredFiles(), f => Path.GetFileName(f) == sha);
        var listed = await agent.GetFromJsonAsync<List<JsonElement>>($"/api/projects/{id}/materials");
        Assert.Equal(material.GetProperty("id").GetGuid(), Assert.Single(listed!).GetProperty("id").GetGuid());
        var download = await agent.GetAsync(response.Headers.Location);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Uploads.Pdf, await download.Content.ReadAsByteArrayAsync());
        // Opened in the browser (the window checks the filing page by page), under its own name.
        Assert.Equal("inline", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("公司章程.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Theory]
    [InlineData("image/png", "宗地图.png")]
    [InlineData("image/jpeg", "身份证.jpg")]
    [InlineData("application/ofd", "营业执照.ofd")]
    public async Task Images_and_ofd_documents_are_accepted_when_their_content_matches(string type, string name)
    {
        var id = await TestProjects.FileAsync(host.Factory, Filings.Definition);
        var agent = await host.ClientForAsync("agent");
        var content = type switch { "image/png" => Uploads.Png, "image/jpeg" => Uploads.Jpeg, _ => Uploads.Ofd() };

        var response = await agent.UploadAsync(id, Uploads.Form("shareholder-identity", content, name, type));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_window_clerk_can_download_what_the_applicant_uploaded()
    {
        var id = await TestProjects.FileAsync(host.Factory, Filings.Definition);
        var agent = await host.ClientForAsync("agent");
        var uploaded = await agent.UploadAsync(id, Uploads.Form("premises-proof", Uploads.Png, "租赁合同.png", "image/png"));
        var window = await host.ClientForAsync("window");

        var download = await window.GetAsync(uploaded.Headers.Location);

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Uploads.Png, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_same_upload_sent_twice_with_one_key_is_stored_once()
    {
        var id = await TestProjects.FileAsync(host.Factory, Filings.Definition);
        var agent = await host.ClientForAsync("agent");
        var key = Guid.NewGuid().ToString();

        var first = await agent.UploadAsync(id, Uploads.Form("bank-account", Uploads.Pdf, "开户信息.pdf"), key);
        var second = await agent.UploadAsync(id, Uploads.Form("bank-account", Uploads.Pdf, "开户信息.pdf"), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Single((await agent.GetFromJsonAsync<List<JsonElement>>($"/api/projects/{id}/materials"))!);
    }

    [Fact]
    public async Task Another_file_under_the_key_of_an_upload_is_refused_with_422_and_not_stored()
    {
        var id = await TestProjects.FileAsync(host.Factory, Filings.Definition);
        var agent = await host.ClientForAsync("agent");
        var key = Guid.NewGuid().ToString();
        await agent.UploadAsync(id, Uploads.Form("bank-account", Uploads.Pdf, "开户信息.pdf"), key);

        var other = await agent.UploadAsync(id, Uploads.Form("bank-account", Uploads.Png, "开户信息.png", "image/png"), key);

        var problem = await other.ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("Idempotency-Key", problem.GetProperty("detail").GetString());
        var stored = Assert.Single((await agent.GetFromJsonAsync<List<JsonElement>>($"/api/projects/{id}/materials"))!);
        Assert.Equal("开户信息.pdf", stored.GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task An_agent_cannot_upload_to_or_read_materials_of_a_project_it_may_not_see()
    {
        var other = await Filings.OtherInvestorsProjectAsync(host.Factory);
        var agent = await host.ClientForAsync("agent");

        var response = await agent.UploadAsync(other, Uploads.Form("articles-of-association", Uploads.Pdf));

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
        await (await agent.GetAsync($"/api/projects/{other}/materials")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_material_of_another_project_is_not_found_under_this_one()
    {
        var first = await TestProjects.FileAsync(host.Factory, Filings.Definition);
        var second = await TestProjects.FileAsync(host.Factory, Filings.Definition);
        var agent = await host.ClientForAsync("agent");
        var uploaded = await (await agent.UploadAsync(first, Uploads.Form("articles-of-association", Uploads.Pdf))).ReadJsonAsync();

        var response = await agent.GetAsync($"/api/projects/{second}/materials/{uploaded.GetProperty("id").GetGuid()}");

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }
}
