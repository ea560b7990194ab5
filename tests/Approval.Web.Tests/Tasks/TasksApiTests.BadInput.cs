using Approval.Web.Tests.Infrastructure;
using TaskStatus = Approval.Engine.Runtime.TaskStatus;

namespace Approval.Web.Tests.Tasks;

public sealed partial class TasksApiTests
{
    [Theory]
    [InlineData("decision", """{}""", "decision")]
    [InlineData("decision", """{ "decision": "maybe" }""", "decision")]
    [InlineData("decision", """{ "decision": 7 }""", "decision")]
    [InlineData("decision", """{ "decision": "reject" }""", "reasons")]
    [InlineData("decision", """{ "decision": "reject", "reasons": "  " }""", "reasons")]
    [InlineData("decision", """{ "decision": "approve", "reasons": 5 }""", "reasons")]
    [InlineData("decision", """{ "decision": "requestCorrection", "items": [] }""", "items")]
    [InlineData("decision", """{ "decision": "requestCorrection", "items": "补充材料" }""", "items")]
    [InlineData("decision", """{ "decision": "approve", """, "body")]
    [InlineData("clock-stop", """{ "notice": "专家评审", "expectedWorkingDays": 3 }""", "reason")]
    [InlineData("clock-stop", """{ "reason": "lunch", "notice": "专家评审", "expectedWorkingDays": 3 }""", "reason")]
    [InlineData("clock-stop", """{ "reason": "correction", "notice": "补正", "expectedWorkingDays": 3 }""", "reason")]
    [InlineData("clock-stop", """{ "reason": "expertReview", "expectedWorkingDays": 3 }""", "notice")]
    [InlineData("clock-stop", """{ "reason": "expertReview", "notice": "专家评审" }""", "expectedWorkingDays")]
    [InlineData("clock-stop", """{ "reason": "expertReview", "notice": "专家评审", "expectedWorkingDays": 2.5 }""", "expectedWorkingDays")]
    [InlineData("clock-stop", """{ "reason": "expertReview", "notice": "专家评审", "expectedWorkingDays": 0 }""", "expectedWorkingDays")]
    [InlineData("clock-resume", """{ "resumesOn": "2024-13-01" }""", "resumesOn")]
    [InlineData("extension", """{ "reason": "核查" }""", "workingDays")]
    [InlineData("extension", """{ "workingDays": "five", "reason": "核查" }""", "workingDays")]
    [InlineData("extension", """{ "workingDays": 61, "reason": "核查" }""", "workingDays")]
    [InlineData("extension", """{ "workingDays": 2 }""", "reason")]
    public async Task Bad_matter_input_is_a_problem_naming_the_field_and_nothing_is_stored(string action, string json, string field)
    {
        var (project, task) = await BusinessLicenceAsync();
        var journal = (await Steps.JournalAsync(factory, project)).Count;
        var approver = await _clients.ApproverAsync("market-regulation");

        var response = await approver.PostRawAsync($"/api/tasks/{task.Id}/{action}", json);

        await response.AssertInvalidAsync(field);
        Assert.Equal(journal, (await Steps.JournalAsync(factory, project)).Count);
        var instance = await Steps.ProjectAsync(factory, project);
        Assert.Equal(TaskStatus.Open, instance.Tasks.Single(t => t.Id == task.Id).Status);
        Assert.Empty(instance.ClockStops);
        Assert.Empty(instance.Extensions);
    }

    [Fact]
    public async Task An_oversized_correction_item_is_a_problem_naming_its_position()
    {
        var (project, task) = await BusinessLicenceAsync();
        var approver = await _clients.ApproverAsync("market-regulation");

        var response = await approver.PostDecisionAsync($"/api/tasks/{task.Id}/decision",
            new { decision = "requestCorrection", items = new[] { "补充股东签字", new string('补', 201) } });

        await response.AssertInvalidAsync("items[1]");
        Assert.Equal(TaskStatus.Open, (await Steps.OpenTaskAsync(factory, project, "market-regulation")).Status);
    }

    [Fact]
    public async Task A_decision_without_a_body_is_a_problem()
    {
        var (project, task) = await BusinessLicenceAsync();
        var approver = await _clients.ApproverAsync("market-regulation");

        var response = await approver.PostRawAsync($"/api/tasks/{task.Id}/decision", "");

        await response.AssertInvalidAsync("body");
        Assert.Equal(0, await Steps.SignOffsAsync(factory, project, task.Id));
    }

    [Theory]
    [InlineData("""{}""", "passed")]
    [InlineData("""{ "passed": "yes" }""", "passed")]
    [InlineData("""{ "passed": false }""", "correctionItems")]
    [InlineData("""{ "passed": false, "correctionItems": [" ", null] }""", "correctionItems")]
    [InlineData("""{ "passed": true, "comment": { "text": "好" } }""", "comment")]
    public async Task Bad_opinion_input_is_a_problem_naming_the_field(string json, string field)
    {
        var id = await TestProjects.FileAndAcceptAsync(factory, "industrial-construction-permit");
        var task = await Steps.OpenTaskAsync(factory, id, "ecology-environment");
        var approver = await _clients.ApproverAsync("ecology-environment");

        var response = await approver.PostRawAsync($"/api/tasks/{task.Id}/opinion", json);

        await response.AssertInvalidAsync(field);
        Assert.Equal(TaskStatus.Open, (await Steps.OpenTaskAsync(factory, id, "ecology-environment")).Status);
    }

    [Theory]
    [InlineData("""{ "agrees": true }""", "findings")]
    [InlineData("""{ "findings": "现场一致" }""", "agrees")]
    [InlineData("""{ "agrees": 1, "findings": "现场一致" }""", "agrees")]
    public async Task Bad_findings_input_is_a_problem_naming_the_field(string json, string field)
    {
        var id = await Steps.AtSiteSurveyAsync(factory);
        var task = await Steps.OpenTaskAsync(factory, id, "civil-air-defence");
        var approver = await _clients.ApproverAsync("civil-air-defence");

        var response = await approver.PostRawAsync($"/api/tasks/{task.Id}/findings", json);

        await response.AssertInvalidAsync(field);
        Assert.Equal(TaskStatus.Open, (await Steps.OpenTaskAsync(factory, id, "civil-air-defence")).Status);
    }

    [Fact]
    public async Task An_unknown_kind_filter_is_a_problem_naming_it()
    {
        var approver = await _clients.ApproverAsync("market-regulation");

        var response = await approver.GetAsync("/api/tasks?kind=applicantCorrection");

        await response.AssertInvalidAsync("kind");
    }
}
