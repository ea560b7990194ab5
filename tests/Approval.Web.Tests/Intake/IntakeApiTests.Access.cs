using System.Net;
using Approval.Engine.Runtime;
using Approval.Web.Tests.Infrastructure;
using Approval.Web.Tests.Tasks;

namespace Approval.Web.Tests.Intake;

public sealed partial class IntakeApiTests
{
    [Theory]
    [InlineData("agent")]
    [InlineData("approver-market-regulation")]
    [InlineData("supervisor")]
    public async Task Only_the_window_may_accept(string userName)
    {
        var id = await TestProjects.FileAsync(factory, "enterprise-establishment");
        var client = await _clients.AsAsync(userName);

        var response = await client.PostDecisionAsync($"/api/intake/{id}/acceptance", new { });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(InstanceStatus.Filed, (await Steps.ProjectAsync(factory, id)).Status);
    }

    [Fact]
    public async Task The_queue_is_not_shown_to_other_roles()
    {
        var agent = await _clients.AsAsync("agent");

        var response = await agent.GetAsync("/api/intake/queue");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/intake/queue")]
    [InlineData("POST", "/api/intake/{id}/acceptance")]
    [InlineData("GET", "/api/intake/{id}/receipt")]
    public async Task Anonymous_callers_are_asked_to_sign_in(string method, string url)
    {
        var id = await TestProjects.FileAsync(factory, "enterprise-establishment");
        var anonymous = factory.CreateClient();

        var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), url.Replace("{id}", id.ToString())));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_project_is_not_found()
    {
        var window = await WindowAsync();

        var accept = await window.PostDecisionAsync($"/api/intake/{Guid.NewGuid()}/acceptance", new { });
        var receipt = await window.GetAsync($"/api/intake/{Guid.NewGuid()}/receipt");

        await accept.ReadProblemAsync(HttpStatusCode.NotFound);
        await receipt.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_same_acceptance_sent_twice_accepts_once_and_answers_the_same()
    {
        var id = await TestProjects.FileAsync(factory, "enterprise-establishment");
        var window = await WindowAsync();
        var key = Guid.NewGuid().ToString();

        var first = await (await window.PostDecisionAsync($"/api/intake/{id}/acceptance", new { }, key)).ReadOkAsync();
        var second = await (await window.PostDecisionAsync($"/api/intake/{id}/acceptance", new { }, key)).ReadOkAsync();

        Assert.True(second.GetProperty("replayed").GetBoolean());
        Assert.Equal(first.GetProperty("queryKey").GetString(), second.GetProperty("queryKey").GetString());
        Assert.Equal(first.GetProperty("projectCode").GetString(), second.GetProperty("projectCode").GetString());
        Assert.Single(await Steps.JournalAsync(factory, id), e => e.Event == "Accepted");
    }

    [Fact]
    public async Task A_second_acceptance_under_another_key_is_a_conflict()
    {
        var id = await TestProjects.FileAndAcceptAsync(factory, "enterprise-establishment");
        var window = await WindowAsync();

        var response = await window.PostDecisionAsync($"/api/intake/{id}/acceptance", new { });

        await response.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Single(await Steps.JournalAsync(factory, id), e => e.Event == "Accepted");
    }

    [Fact]
    public async Task Accepting_a_filing_with_missing_materials_is_a_conflict()
    {
        var id = await TestProjects.FileAsync(factory, "enterprise-establishment",
            AllMaterialsBut(factory, "enterprise-establishment", "articles-of-association"));
        var window = await WindowAsync();

        var response = await window.PostDecisionAsync($"/api/intake/{id}/acceptance", new { });

        var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("公司章程", problem.GetProperty("detail").GetString());
        Assert.Equal(InstanceStatus.Filed, (await Steps.ProjectAsync(factory, id)).Status);
    }

    [Fact]
    public async Task Results_cannot_be_issued_before_the_approvals_are_done()
    {
        var id = await TestProjects.FileAndAcceptAsync(factory, "enterprise-establishment");
        var window = await WindowAsync();

        var response = await window.PostDecisionAsync($"/api/intake/{id}/results", new { });

        await response.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(InstanceStatus.Running, (await Steps.ProjectAsync(factory, id)).Status);
    }
}
