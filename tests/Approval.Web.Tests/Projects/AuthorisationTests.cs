using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approval.Web.Hosting;
using Approval.Web.Tests.Infrastructure;

namespace Approval.Web.Tests.Projects;

/// <summary>Authorisations (委托) over HTTP: who grants, who sees them, and what they open to the agent.</summary>
public sealed class AuthorisationTests(ApprovalWebFactory factory) : IClassFixture<ApprovalWebFactory>
{
    [Fact]
    public async Task An_investor_authorises_an_agent_by_user_name_who_may_then_file_for_it()
    {
        var (agent, actor) = await Filings.NewAgentAsync(factory, "agent-granted");
        var investor = await factory.ClientForAsync("investor");

        var granted = await investor.PostAsJsonAsync("/api/authorisations",
            new { agentUserName = "agent-granted", validFrom = "2024-09-01", validTo = "2025-08-31" });

        Assert.Equal(HttpStatusCode.Created, granted.StatusCode);
        var grant = await granted.ReadJsonAsync();
        Assert.Equal(actor.UserId, grant.GetProperty("agentId").GetString());
        Assert.Equal(DemoData.InvestorId, grant.GetProperty("investorId").GetString());
        Assert.True(grant.GetProperty("validToday").GetBoolean());
        var seen = Assert.Single((await agent.GetFromJsonAsync<JsonElement>("/api/authorisations?size=200")).GetProperty("items").EnumerateArray());
        Assert.Equal(grant.GetProperty("id").GetGuid(), seen.GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.Created, (await agent.PostDecisionAsync("/api/projects", Filings.Body())).StatusCode);
    }

    [Fact]
    public async Task A_revoked_authorisation_hides_the_investors_projects_from_the_agent()
    {
        var (agent, _) = await Filings.NewAgentAsync(factory, "agent-revoked");
        var investor = await factory.ClientForAsync("investor");
        var grant = await (await investor.PostAsJsonAsync("/api/authorisations",
            new { agentUserName = "agent-revoked", validFrom = "2024-09-01", validTo = "2025-08-31" })).ReadJsonAsync();
        var filed = await (await agent.PostDecisionAsync("/api/projects", Filings.Body())).ReadJsonAsync();

        var revoked = await investor.DeleteAsync($"/api/authorisations/{grant.GetProperty("id").GetGuid()}");

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        await (await agent.GetAsync($"/api/projects/{filed.GetProperty("id").GetGuid()}")).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty(await agent.MineAsync());
    }

    [Fact]
    public async Task An_administrator_records_an_authorisation_for_any_investor()
    {
        var (_, actor) = await Filings.NewAgentAsync(factory, "agent-paper");
        var admin = await factory.ClientForAsync("admin");

        var response = await admin.PostAsJsonAsync("/api/authorisations", new
        {
            agentUserName = "agent-paper", validFrom = "2024-09-27", validTo = "2024-12-31",
            investorId = Filings.OtherInvestorId, investorName = "另一家公司",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(Filings.OtherInvestorId, (await response.ReadJsonAsync()).GetProperty("investorId").GetString());
        Assert.Equal(actor.UserId, (await response.ReadJsonAsync()).GetProperty("agentId").GetString());
    }

    [Theory]
    [InlineData("2025-02-29", "2025-12-31", "validFrom")]
    [InlineData("2024-09-01", "2024-13-01", "validTo")]
    [InlineData("2024-09-01", "2024-09-31", "validTo")]
    [InlineData("01/09/2024", "2024-12-31", "validFrom")]
    [InlineData("2024-12-31", "2024-09-01", "validTo")]
    [InlineData(null, "2024-12-31", "validFrom")]
    public async Task Dates_that_do_not_exist_or_run_backwards_are_refused_and_nothing_is_granted(string? from, string to, string field)
    {
        await Filings.NewAgentAsync(factory, "agent-dates");
        var investor = await factory.ClientForAsync("investor");
        var before = await CountAsync(investor);

        var response = await investor.PostAsJsonAsync("/api/authorisations", new { agentUserName = "agent-dates", validFrom = from, validTo = to });

        await response.AssertInvalidAsync(field);
        Assert.Equal(before, await CountAsync(investor));
    }

    [Theory]
    [InlineData("nobody-by-that-name")]
    [InlineData("window")]
    [InlineData("")]
    public async Task Only_an_existing_agent_account_can_be_authorised(string userName)
    {
        var investor = await factory.ClientForAsync("investor");
        var before = await CountAsync(investor);

        var response = await investor.PostAsJsonAsync("/api/authorisations", new { agentUserName = userName, validFrom = "2024-09-01", validTo = "2024-12-31" });

        await response.AssertInvalidAsync("agentUserName");
        Assert.Equal(before, await CountAsync(investor));
    }

    [Fact]
    public async Task A_date_of_the_wrong_type_is_refused_naming_it()
    {
        var investor = await factory.ClientForAsync("investor");

        var response = await investor.PostJsonAsync("/api/authorisations", """{"agentUserName":"agent","validFrom":20240901,"validTo":"2024-12-31"}""");

        await response.AssertInvalidAsync("validFrom");
    }

    [Fact]
    public async Task An_agent_cannot_authorise_itself()
    {
        var agent = await factory.ClientForAsync("agent");

        var response = await agent.PostAsJsonAsync("/api/authorisations",
            new { agentUserName = "agent", validFrom = "2024-09-01", validTo = "2024-12-31", investorId = Filings.OtherInvestorId, investorName = "x" });

        await response.ReadProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_investor_cannot_grant_for_another_investor_nor_revoke_what_it_did_not_grant()
    {
        await Filings.NewAgentAsync(factory, "agent-other");
        var admin = await factory.ClientForAsync("admin");
        var othersGrant = await (await admin.PostAsJsonAsync("/api/authorisations", new
        {
            agentUserName = "agent-other", validFrom = "2024-09-01", validTo = "2024-12-31", investorId = Filings.OtherInvestorId, investorName = "另一家公司",
        })).ReadJsonAsync();
        var investor = await factory.ClientForAsync("investor");

        var grant = await investor.PostAsJsonAsync("/api/authorisations",
            new { agentUserName = "agent-other", validFrom = "2024-09-01", validTo = "2024-12-31", investorId = Filings.OtherInvestorId });
        var revoke = await investor.DeleteAsync($"/api/authorisations/{othersGrant.GetProperty("id").GetGuid()}");

        await grant.ReadProblemAsync(HttpStatusCode.Forbidden);
        await revoke.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    private static async Task<int> CountAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/authorisations?size=200")).GetProperty("items").GetArrayLength();
}
