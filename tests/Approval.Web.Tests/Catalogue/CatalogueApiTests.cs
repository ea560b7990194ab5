using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approval.Web.Tests.Infrastructure;

namespace Approval.Web.Tests.Catalogue;

public sealed class CatalogueApiTests(ApprovalWebFactory factory) : IClassFixture<ApprovalWebFactory>
{
    private readonly HttpClient _http = factory.CreateClient();

    [Fact]
    public async Task The_catalogue_lists_every_matter_with_its_guide_without_sign_in()
    {
        var matters = await _http.GetFromJsonAsync<JsonElement>("/api/catalogue/matters", TestContext.Current.CancellationToken);

        // 15 of the 3550 procedures, 5 of 竣工联合验收.
        Assert.Equal(20, matters.GetArrayLength());
        var licence = matters.EnumerateArray().First();
        Assert.Equal(("SCJG-001", "market-regulation", "市市场监督管理局", 3, 1, "不收费"), (licence.GetProperty("code").GetString(),
            licence.GetProperty("departmentId").GetString(), licence.GetProperty("departmentName").GetString(),
            licence.GetProperty("statutoryWorkingDays").GetInt32(), licence.GetProperty("promisedWorkingDays").GetInt32(),
            licence.GetProperty("fees").GetString()));
        Assert.StartsWith("《中华人民共和国市场主体登记管理条例》", licence.GetProperty("legalBasis").GetString());
        Assert.Contains(licence.GetProperty("materials").EnumerateArray(),
            m => m.GetProperty("code").GetString() == "articles-of-association" && m.GetProperty("required").GetBoolean());
    }

    [Fact]
    public async Task One_matter_is_read_by_its_code_and_an_unknown_code_is_not_found()
    {
        var seal = await _http.GetFromJsonAsync<JsonElement>("/api/catalogue/matters/GA-001", TestContext.Current.CancellationToken);
        var unknown = await _http.GetAsync("/api/catalogue/matters/XX-999", TestContext.Current.CancellationToken);

        Assert.Equal("印章刻制备案", seal.GetProperty("name").GetString());
        await unknown.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Departments_list_the_matters_they_decide()
    {
        var departments = await _http.GetFromJsonAsync<JsonElement>("/api/catalogue/departments", TestContext.Current.CancellationToken);

        var taxation = departments.EnumerateArray().Single(d => d.GetProperty("id").GetString() == "taxation");
        Assert.Equal(["SW-001", "SW-002"], taxation.GetProperty("matterCodes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("税务", taxation.GetProperty("shortName").GetString());
    }

    [Fact]
    public async Task Matters_can_be_filtered_by_department_and_an_unknown_one_is_named()
    {
        var tax = await _http.GetFromJsonAsync<JsonElement>("/api/catalogue/matters?department=taxation", TestContext.Current.CancellationToken);
        var unknown = await _http.GetAsync("/api/catalogue/matters?department=nowhere", TestContext.Current.CancellationToken);

        Assert.All(tax.EnumerateArray(), m => Assert.Equal("taxation", m.GetProperty("departmentId").GetString()));
        Assert.Equal(2, tax.GetArrayLength());
        await unknown.AssertInvalidAsync("department");
    }
}
