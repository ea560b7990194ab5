using System.Net;
using System.Net.Http.Json;
using Approval.Web.Hosting;
using Approval.Web.Tests.Infrastructure;

namespace Approval.Web.Tests.Projects;

public sealed class FilingTests(ApprovalWebFactory factory) : IClassFixture<ApprovalWebFactory>
{
    [Fact]
    public async Task An_authorised_agent_files_for_the_investor_and_gets_the_project_at_its_location()
    {
        await TestProjects.AuthorisedAgentAsync(factory);
        var agent = await factory.ClientForAsync("agent");

        var response = await agent.PostDecisionAsync("/api/projects", Filings.Body());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var project = await response.ReadJsonAsync();
        Assert.Equal($"/api/projects/{project.GetProperty("id").GetGuid()}", response.Headers.Location?.OriginalString);
        Assert.Equal(DemoData.InvestorId, project.GetProperty("investorId").GetString());
        // The name comes from the investor's authorisation when the agent does not type it again.
        Assert.Equal(DemoData.InvestorName, project.GetProperty("investorName").GetString());
        Assert.Equal("filed", project.GetProperty("status").GetString(), ignoreCase: true);
        var detail = await agent.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        var filed = await detail.ReadJsonAsync();
        Assert.Equal(("张伟", "13812345678"), (filed.GetProperty("contactName").GetString(), filed.GetProperty("contactPhone").GetString()));
    }

    [Fact]
    public async Task An_investor_files_for_itself_with_id_and_name_from_its_account()
    {
        var investor = await factory.ClientForAsync("investor");

        var response = await investor.PostDecisionAsync("/api/projects", Filings.Body(investorId: null));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var project = await response.ReadJsonAsync();
        Assert.Equal(DemoData.InvestorId, project.GetProperty("investorId").GetString());
        Assert.Equal(DemoData.InvestorName, project.GetProperty("investorName").GetString());
        Assert.Contains(await investor.MineAsync(), p => p.GetProperty("id").GetGuid() == project.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_project_code_the_platform_issued_is_kept_in_its_canonical_form()
    {
        var investor = await factory.ClientForAsync("investor");

        var response = await investor.PostDecisionAsync("/api/projects", Filings.Body(investorId: null, projectCode: "２５０９－320193-89-01-544060"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("2509-320193-89-01-544060", (await response.ReadJsonAsync()).GetProperty("projectCode").GetString());
    }

    [Fact]
    public async Task Filing_for_an_investor_who_did_not_authorise_the_agent_is_forbidden_and_stores_nothing()
    {
        var (agent, _) = await Filings.NewAgentAsync(factory, "agent-unauthorised-filer");

        var response = await agent.PostDecisionAsync("/api/projects", Filings.Body(Filings.OtherInvestorId));

        await response.ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.Empty(await agent.MineAsync());
    }

    [Fact]
    public async Task An_investor_cannot_file_for_another_investor()
    {
        var investor = await factory.ClientForAsync("investor");
        var before = (await investor.MineAsync()).Count;

        var response = await investor.PostDecisionAsync("/api/projects", Filings.Body(Filings.OtherInvestorId));

        await response.ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(before, (await investor.MineAsync()).Count);
    }

    [Fact]
    public async Task The_same_filing_sent_twice_with_one_key_makes_one_project()
    {
        var investor = await factory.ClientForAsync("investor");
        var before = (await investor.MineAsync()).Count;
        var key = Guid.NewGuid().ToString();

        var first = await investor.PostDecisionAsync("/api/projects", Filings.Body(investorId: null), key);
        var second = await investor.PostDecisionAsync("/api/projects", Filings.Body(investorId: null), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal((await first.ReadJsonAsync()).GetProperty("id").GetGuid(), (await second.ReadJsonAsync()).GetProperty("id").GetGuid());
        Assert.Equal(before + 1, (await investor.MineAsync()).Count);
    }

    [Fact]
    public async Task Filing_without_an_idempotency_key_is_refused_naming_the_header()
    {
        var investor = await factory.ClientForAsync("investor");

        var response = await investor.PostAsJsonAsync("/api/projects", Filings.Body(investorId: null));

        await response.AssertInvalidAsync("Idempotency-Key");
    }

    [Fact]
    public async Task Filing_needs_a_signed_in_applicant()
    {
        var anonymous = await factory.ClientForAsync(null);
        var window = await factory.ClientForAsync("window");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostDecisionAsync("/api/projects", Filings.Body())).StatusCode);
        await (await window.PostDecisionAsync("/api/projects", Filings.Body())).ReadProblemAsync(HttpStatusCode.Forbidden);
    }
}
