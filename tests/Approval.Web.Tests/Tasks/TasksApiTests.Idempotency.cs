using System.Net;
using System.Net.Http.Json;
using Approval.Web.Tests.Infrastructure;

namespace Approval.Web.Tests.Tasks;

public sealed partial class TasksApiTests
{
    [Fact]
    public async Task The_same_decision_sent_twice_signs_once()
    {
        var (project, task) = await BusinessLicenceAsync();
        var approver = await _clients.ApproverAsync("market-regulation");
        var key = Guid.NewGuid().ToString();

        var first = await (await approver.PostDecisionAsync($"/api/tasks/{task.Id}/decision", new { decision = "approve" }, key)).ReadOkAsync();
        var second = await (await approver.PostDecisionAsync($"/api/tasks/{task.Id}/decision", new { decision = "approve" }, key)).ReadOkAsync();

        Assert.False(first.GetProperty("replayed").GetBoolean());
        Assert.True(second.GetProperty("replayed").GetBoolean());
        Assert.Equal(first.GetProperty("status").GetString(), second.GetProperty("status").GetString());
        Assert.Equal(1, await Steps.SignOffsAsync(factory, project, task.Id));
    }

    [Fact]
    public async Task The_same_decision_sent_five_times_at_once_signs_once()
    {
        var (project, task) = await BusinessLicenceAsync();
        var approver = await _clients.ApproverAsync("market-regulation");
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ =>
            approver.PostDecisionAsync($"/api/tasks/{task.Id}/decision", new { decision = "approve", reasons = "准予登记" }, key)));

        var answers = new List<System.Text.Json.JsonElement>();
        foreach (var response in responses) answers.Add(await response.ReadOkAsync());
        Assert.Single(answers, a => !a.GetProperty("replayed").GetBoolean());
        Assert.Equal(1, await Steps.SignOffsAsync(factory, project, task.Id));
    }

    [Fact]
    public async Task A_decision_on_a_task_already_decided_is_a_conflict()
    {
        var (project, task) = await BusinessLicenceAsync();
        var approver = await _clients.ApproverAsync("market-regulation");
        await (await approver.PostDecisionAsync($"/api/tasks/{task.Id}/decision", new { decision = "approve" })).ReadOkAsync();

        var again = await approver.PostDecisionAsync($"/api/tasks/{task.Id}/decision", new { decision = "reject", reasons = "改变主意" });

        await again.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(1, await Steps.SignOffsAsync(factory, project, task.Id));
    }

    [Fact]
    public async Task A_decision_without_an_idempotency_key_is_refused_and_signs_nothing()
    {
        var (project, task) = await BusinessLicenceAsync();
        var approver = await _clients.ApproverAsync("market-regulation");

        var response = await approver.PostAsJsonAsync($"/api/tasks/{task.Id}/decision", new { decision = "approve" });

        await response.AssertInvalidAsync("Idempotency-Key");
        Assert.Equal(0, await Steps.SignOffsAsync(factory, project, task.Id));
    }

    [Fact]
    public async Task A_key_already_used_for_another_command_is_refused_with_422()
    {
        var (project, task) = await BusinessLicenceAsync();
        var approver = await _clients.ApproverAsync("market-regulation");
        var key = Guid.NewGuid().ToString();
        await (await approver.PostDecisionAsync($"/api/tasks/{task.Id}/extension", new { workingDays = 1, reason = "核查" }, key)).ReadOkAsync();

        var response = await approver.PostDecisionAsync($"/api/tasks/{task.Id}/decision", new { decision = "approve" }, key);

        await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(0, await Steps.SignOffsAsync(factory, project, task.Id));
    }

    [Fact]
    public async Task Rejecting_with_the_key_of_an_approval_is_refused_with_422_and_the_approval_stands()
    {
        var (project, task) = await BusinessLicenceAsync();
        var approver = await _clients.ApproverAsync("market-regulation");
        var key = Guid.NewGuid().ToString();
        await (await approver.PostDecisionAsync($"/api/tasks/{task.Id}/decision", new { decision = "approve" }, key)).ReadOkAsync();

        var reject = await approver.PostDecisionAsync($"/api/tasks/{task.Id}/decision", new { decision = "reject", reasons = "改变主意" }, key);

        var problem = await reject.ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("another request", problem.GetProperty("detail").GetString());
        Assert.Equal(1, await Steps.SignOffsAsync(factory, project, task.Id));
        var again = await (await approver.PostDecisionAsync($"/api/tasks/{task.Id}/decision", new { decision = "approve" }, key)).ReadOkAsync();
        Assert.True(again.GetProperty("replayed").GetBoolean());
    }
}
