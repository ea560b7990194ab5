using System.Net;
using Approval.Web.Tests.Infrastructure;
using TaskStatus = Approval.Engine.Runtime.TaskStatus;

namespace Approval.Web.Tests.Tasks;

public sealed partial class TasksApiTests
{
    [Fact]
    public async Task An_approver_of_another_department_deciding_the_task_gets_not_found_as_when_reading_it()
    {
        var (project, task) = await BusinessLicenceAsync();
        var other = await _clients.ApproverAsync("public-security");

        var response = await other.PostDecisionAsync($"/api/tasks/{task.Id}/decision", new { decision = "approve" });

        var problem = await response.ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain("market-regulation", problem.ToString());
        Assert.Equal(0, await Steps.SignOffsAsync(factory, project, task.Id));
        Assert.Equal(TaskStatus.Open, (await Steps.OpenTaskAsync(factory, project, "market-regulation")).Status);
    }

    [Theory]
    [InlineData("clock-stop", """{ "reason": "expertReview", "notice": "专家评审", "expectedWorkingDays": 3 }""")]
    [InlineData("extension", """{ "workingDays": 2, "reason": "核查" }""")]
    public async Task An_approver_of_another_department_touching_the_task_clock_gets_not_found(string action, string json)
    {
        var (project, task) = await BusinessLicenceAsync();
        var other = await _clients.ApproverAsync("taxation");

        var response = await other.PostRawAsync($"/api/tasks/{task.Id}/{action}", json);

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
        var instance = await Steps.ProjectAsync(factory, project);
        Assert.Empty(instance.ClockStops);
        Assert.Empty(instance.Extensions);
    }

    [Fact]
    public async Task Another_departments_task_is_neither_listed_nor_shown()
    {
        var (_, task) = await BusinessLicenceAsync();
        var other = await _clients.ApproverAsync("public-security");

        var list = (await (await other.GetAsync("/api/tasks?size=200")).ReadOkAsync()).GetProperty("items");
        var single = await other.GetAsync($"/api/tasks/{task.Id}");

        Assert.DoesNotContain(list.EnumerateArray(), t => t.GetProperty("id").GetGuid() == task.Id);
        await single.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("window")]
    [InlineData("agent")]
    [InlineData("supervisor")]
    public async Task Only_approvers_may_decide(string userName)
    {
        var (project, task) = await BusinessLicenceAsync();
        var client = await _clients.AsAsync(userName);

        var decide = await client.PostDecisionAsync($"/api/tasks/{task.Id}/decision", new { decision = "approve" });
        var list = await client.GetAsync("/api/tasks");

        Assert.Equal(HttpStatusCode.Forbidden, decide.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(0, await Steps.SignOffsAsync(factory, project, task.Id));
    }

    [Fact]
    public async Task Anonymous_callers_are_asked_to_sign_in()
    {
        var (project, task) = await BusinessLicenceAsync();
        var anonymous = factory.CreateClient();

        var decide = await anonymous.PostDecisionAsync($"/api/tasks/{task.Id}/decision", new { decision = "approve" });
        var list = await anonymous.GetAsync("/api/tasks");

        Assert.Equal(HttpStatusCode.Unauthorized, decide.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Equal(0, await Steps.SignOffsAsync(factory, project, task.Id));
    }

    [Fact]
    public async Task An_unknown_task_is_not_found()
    {
        var approver = await _clients.ApproverAsync("market-regulation");

        var decide = await approver.PostDecisionAsync($"/api/tasks/{Guid.NewGuid()}/decision", new { decision = "approve" });
        var single = await approver.GetAsync($"/api/tasks/{Guid.NewGuid()}");

        await decide.ReadProblemAsync(HttpStatusCode.NotFound);
        await single.ReadProblemAsync(HttpStatusCode.NotFound);
    }
}
