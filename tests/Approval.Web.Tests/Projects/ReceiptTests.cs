using System.Net;
using Approval.Web.Tests.Infrastructure;
using Approval.Web.Tests.Tasks;

namespace Approval.Web.Tests.Projects;

/// <summary>The acceptance receipt (受理通知书) and the query key as the applicant reads them.</summary>
public sealed class ReceiptTests(ApprovalWebFactory factory) : IClassFixture<ApprovalWebFactory>
{
    private readonly Clients _clients = new(factory);

    [Theory]
    [InlineData("investor")]
    [InlineData("agent")]
    public async Task The_investor_and_its_authorised_agent_read_their_receipt_with_code_and_query_key(string user)
    {
        var id = await TestProjects.FileAndAcceptAsync(factory, Filings.Definition);
        var project = await Steps.ProjectAsync(factory, id);
        var applicant = await _clients.AsAsync(user);

        var receipt = await (await applicant.GetAsync($"/api/intake/{id}/receipt")).ReadOkAsync();

        Assert.Equal(project.ProjectCode, receipt.GetProperty("projectCode").GetString());
        Assert.Equal(project.QueryKey, receipt.GetProperty("queryKey").GetString());
        Assert.Equal("2024-09-27", receipt.GetProperty("acceptedOn").GetString());
    }

    [Fact]
    public async Task An_agent_the_investor_did_not_authorise_does_not_find_the_receipt()
    {
        var id = await TestProjects.FileAndAcceptAsync(factory, Filings.Definition);
        var (stranger, _) = await Filings.NewAgentAsync(factory, "agent-receipt-stranger");

        var response = await stranger.GetAsync($"/api/intake/{id}/receipt");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("approver-market-regulation")]
    [InlineData("supervisor")]
    public async Task Staff_other_than_the_window_may_not_read_the_receipt(string user)
    {
        var id = await TestProjects.FileAndAcceptAsync(factory, Filings.Definition);
        var staff = await _clients.AsAsync(user);

        var response = await staff.GetAsync($"/api/intake/{id}/receipt");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_applicants_project_carries_the_query_key_once_accepted_and_staff_answers_do_not()
    {
        var id = await TestProjects.FileAsync(factory, Filings.Definition);
        var agent = await _clients.AsAsync("agent");
        var beforeAcceptance = await (await agent.GetAsync($"/api/projects/{id}")).ReadOkAsync();
        await TestProjects.AcceptAsync(factory, id);
        var key = (await Steps.ProjectAsync(factory, id)).QueryKey;

        var detail = await (await agent.GetAsync($"/api/projects/{id}")).ReadOkAsync();
        var listed = (await agent.MineAsync()).Single(p => p.GetProperty("id").GetGuid() == id);
        var approvers = await (await (await _clients.AsAsync("approver-market-regulation")).GetAsync($"/api/projects/{id}")).ReadOkAsync();

        Assert.Equal(System.Text.Json.JsonValueKind.Null, beforeAcceptance.GetProperty("project").GetProperty("queryKey").ValueKind);
        Assert.Equal(key, detail.GetProperty("project").GetProperty("queryKey").GetString());
        Assert.Equal(key, listed.GetProperty("queryKey").GetString());
        Assert.DoesNotContain(key!, approvers.GetRawText());
    }
}
