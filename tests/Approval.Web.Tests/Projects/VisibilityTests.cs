using System.Net;
using System.Net.Http.Json;
using Approval.Engine.Runtime;
using Approval.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Approval.Web.Tests.Projects;

/// <summary>Who sees which project: anything the caller may not see is 404, as if it did not exist.</summary>
public sealed class VisibilityTests(ApprovalWebFactory factory) : IClassFixture<ApprovalWebFactory>
{
    [Fact]
    public async Task An_agent_cannot_see_a_project_of_an_investor_who_did_not_authorise_them()
    {
        await TestProjects.AuthorisedAgentAsync(factory);
        var agent = await factory.ClientForAsync("agent");
        var other = await Filings.OtherInvestorsProjectAsync(factory);

        var response = await agent.GetAsync($"/api/projects/{other}");

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(await agent.MineAsync(), p => p.GetProperty("id").GetGuid() == other);
        await (await agent.GetAsync($"/api/projects/{other}/materials")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await agent.GetAsync($"/api/projects/{other}/corrections")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_agent_acting_on_a_project_it_may_not_see_gets_not_found_and_changes_nothing()
    {
        var agent = await factory.ClientForAsync("agent");
        var supervisor = await factory.ClientForAsync("supervisor");
        var other = await Filings.OtherInvestorsProjectAsync(factory);
        var before = await JournalLengthAsync(supervisor, other);

        var response = await agent.PostDecisionAsync($"/api/projects/{other}/resubmission", new { materials = Array.Empty<string>() });

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(before, await JournalLengthAsync(supervisor, other));
    }

    [Fact]
    public async Task An_investor_sees_its_own_projects_only()
    {
        var mine = await TestProjects.FileAsync(factory, Filings.Definition);
        var other = await Filings.OtherInvestorsProjectAsync(factory);
        var investor = await factory.ClientForAsync("investor");

        Assert.Equal(HttpStatusCode.OK, (await investor.GetAsync($"/api/projects/{mine}")).StatusCode);
        await (await investor.GetAsync($"/api/projects/{other}")).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.All(await investor.MineAsync(), p => Assert.NotEqual(other, p.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task An_agent_whose_authorisation_has_lapsed_no_longer_sees_the_investors_projects()
    {
        var (agent, actor) = await Filings.NewAgentAsync(factory, "agent-lapsed");
        var authorisations = factory.Services.GetRequiredService<AgentAuthorizations>();
        await authorisations.GrantAsync(Actor.System, Filings.OtherInvestorId, "另一家公司", actor.UserId,
            new LocalDate(2024, 1, 1), new LocalDate(2024, 9, 26));
        var project = await Filings.OtherInvestorsProjectAsync(factory);

        await (await agent.GetAsync($"/api/projects/{project}")).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty(await agent.MineAsync());
    }

    [Fact]
    public async Task The_project_detail_shows_steps_tasks_deadlines_and_journal()
    {
        var id = await TestProjects.FileAndAcceptAsync(factory, Filings.Definition);
        var agent = await factory.ClientForAsync("agent");

        var detail = await agent.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/projects/{id}");

        Assert.Equal("running", detail.GetProperty("project").GetProperty("status").GetString(), ignoreCase: true);
        Assert.True(detail.GetProperty("project").TryGetProperty("dueOn", out var due) && due.ValueKind == System.Text.Json.JsonValueKind.String);
        Assert.True(detail.GetProperty("steps").GetArrayLength() >= 3);
        Assert.True(detail.GetProperty("tasks").GetArrayLength() >= 1);
        Assert.True(detail.GetProperty("journal").GetArrayLength() >= 2);
    }

    [Fact]
    public async Task Staff_see_a_project_through_the_same_endpoint_but_may_not_file()
    {
        var id = await TestProjects.FileAsync(factory, Filings.Definition);
        var window = await factory.ClientForAsync("window");

        Assert.Equal(HttpStatusCode.OK, (await window.GetAsync($"/api/projects/{id}")).StatusCode);
        await (await window.GetAsync("/api/projects")).ReadProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_unknown_project_is_not_found()
    {
        var agent = await factory.ClientForAsync("agent");

        await (await agent.GetAsync($"/api/projects/{Guid.NewGuid()}")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await agent.GetAsync("/api/projects/not-a-guid")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    private static async Task<int> JournalLengthAsync(HttpClient client, Guid id) =>
        (await (await client.GetAsync($"/api/projects/{id}")).ReadJsonAsync()).GetProperty("journal").GetArrayLength();
}
