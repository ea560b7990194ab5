using System.Net;
using System.Text.RegularExpressions;
using Approval.Web.Tests.Infrastructure;
using Approval.Web.Tests.Tasks;

namespace Approval.Web.Tests.Intake;

/// <summary>The numbered documents (文书) over HTTP: the same document and number for the window and the applicant.</summary>
public sealed partial class IntakeApiTests
{
    [Fact]
    public async Task Receipt_document_has_a_number_that_a_reprint_and_the_applicant_see_unchanged()
    {
        var id = await TestProjects.FileAndAcceptAsync(factory, "enterprise-establishment");
        var window = await WindowAsync();
        var agent = await _clients.AsAsync("agent");

        var first = await (await window.GetAsync($"/api/intake/{id}/documents/receipt")).ReadOkAsync();
        var again = await (await window.GetAsync($"/api/intake/{id}/documents/receipt")).ReadOkAsync();
        var applicants = await (await agent.GetAsync($"/api/intake/{id}/documents/receipt")).ReadOkAsync();

        var number = first.GetProperty("number").GetString()!;
        Assert.Matches(new Regex(@"^宁政务受〔2024〕\d+号$"), number);
        Assert.Equal(number, again.GetProperty("number").GetString());
        Assert.Equal(number, applicants.GetProperty("number").GetString());
        Assert.Equal("受理通知书", first.GetProperty("title").GetString());
        Assert.Equal("2024-09-27", first.GetProperty("issuedOn").GetString());
        Assert.Equal("2024-10-08", first.GetProperty("receipt").GetProperty("dueOn").GetString());
        Assert.NotEmpty(first.GetProperty("matters").EnumerateArray());
        Assert.NotEmpty(first.GetProperty("legalBasis").EnumerateArray());
    }

    [Fact]
    public async Task Receipts_of_two_projects_have_different_numbers()
    {
        var one = await TestProjects.FileAndAcceptAsync(factory, "enterprise-establishment");
        var two = await TestProjects.FileAndAcceptAsync(factory, "enterprise-establishment");
        var window = await WindowAsync();

        var first = await (await window.GetAsync($"/api/intake/{one}/documents/receipt")).ReadOkAsync();
        var second = await (await window.GetAsync($"/api/intake/{two}/documents/receipt")).ReadOkAsync();

        Assert.NotEqual(first.GetProperty("number").GetString(), second.GetProperty("number").GetString());
    }

    [Fact]
    public async Task Return_with_ticked_items_gives_a_notice_listing_exactly_those_items()
    {
        var optional = OptionalMaterial(factory, "enterprise-establishment");
        var id = await TestProjects.FileAsync(factory, "enterprise-establishment",
            AllMaterialsBut(factory, "enterprise-establishment", "premises-proof", optional));
        var window = await WindowAsync();

        var answer = await (await window.PostDecisionAsync($"/api/intake/{id}/return",
            new { note = "申请表须加盖公章", materials = new[] { "premises-proof", optional } })).ReadOkAsync();
        var notice = await (await window.GetAsync($"/api/intake/{id}/documents/notice")).ReadOkAsync();

        Assert.Equal(new[] { "premises-proof", optional }.Order(), answer.GetProperty("missing").EnumerateArray().Select(m => m.GetProperty("code").GetString()!).Order());
        Assert.Equal(new[] { "premises-proof", optional }.Order(), notice.GetProperty("missing").EnumerateArray().Select(m => m.GetProperty("code").GetString()!).Order());
        Assert.Equal("申请表须加盖公章", notice.GetProperty("note").GetString());
        Assert.Matches(new Regex(@"^宁政务告〔2024〕\d+号$"), notice.GetProperty("number").GetString()!);
    }

    [Fact]
    public async Task Return_that_leaves_a_missing_required_item_unticked_is_refused_naming_materials()
    {
        var id = await TestProjects.FileAsync(factory, "enterprise-establishment",
            AllMaterialsBut(factory, "enterprise-establishment", "premises-proof", "articles-of-association"));
        var window = await WindowAsync();

        var response = await window.PostDecisionAsync($"/api/intake/{id}/return", new { materials = new[] { "premises-proof" } });

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("materials", problem.GetRawText());
        Assert.Equal(Engine.Runtime.InstanceStatus.Filed, (await Steps.ProjectAsync(factory, id)).Status);
    }

    [Fact]
    public async Task Refusal_document_carries_the_reason()
    {
        var id = await TestProjects.FileAsync(factory, "enterprise-establishment");
        var window = await WindowAsync();
        await (await window.PostDecisionAsync($"/api/intake/{id}/refusal", new { reason = "不属于本中心受理范围" })).ReadOkAsync();

        var refusal = await (await window.GetAsync($"/api/intake/{id}/documents/refusal")).ReadOkAsync();

        Assert.Equal("不属于本中心受理范围", refusal.GetProperty("reason").GetString());
        Assert.Matches(new Regex(@"^宁政务不〔2024〕\d+号$"), refusal.GetProperty("number").GetString()!);
    }

    [Fact]
    public async Task A_document_the_project_does_not_have_is_a_conflict_and_an_unknown_kind_is_not_found()
    {
        var id = await TestProjects.FileAsync(factory, "enterprise-establishment");
        var window = await WindowAsync();

        await (await window.GetAsync($"/api/intake/{id}/documents/receipt")).ReadProblemAsync(HttpStatusCode.Conflict);
        await (await window.GetAsync($"/api/intake/{id}/documents/licence")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    private static string OptionalMaterial(ApprovalWebFactory factory, string definitionId) =>
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Engine.Runtime.WorkflowEngine>(factory.Services)
            .Catalog.Latest(definitionId).Intake.Materials.First(m => !m.Required).Code;
}
