using Approval.Engine.Activities;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Testing;
using NodaTime;

namespace Approval.Engine.Tests.Runtime;

/// <summary>Rules a definition chooses: a survey absence that blocks, and approvals that continue past a rejection.</summary>
public sealed class DefinitionRuleTests : IDisposable
{
    private readonly string _workflows = CopyWorkflows();

    [Fact]
    public async Task An_absent_department_blocks_the_survey_when_the_definition_says_so()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 11, 4, 9), configure: s => s.Engine.WorkflowsDirectory = _workflows);
        var id = await h.FileAndAcceptAsync("rules-survey-blocks");
        await h.RunAsync(op => new ScheduleSurvey(op, EngineHarness.Window, id, new LocalDate(2024, 11, 5)));
        h.SetDate(new LocalDate(2024, 11, 5));
        var tasks = await h.OpenTasksAsync(id, TaskKind.SurveyFinding);
        var present = tasks.Single(t => t.DepartmentId == "natural-resources");
        await h.RunAsync(op => new RecordFindings(op, EngineHarness.Approver("natural-resources"), present.Id, true, "符合规划条件"));

        h.Clock.Reset(h.Engine.Deadlines.EndOf(tasks.Single(t => t.DepartmentId == "fire-rescue").DueOn!.Value) + Duration.FromMinutes(1));
        await h.Scheduler.RunDueAsync();

        var instance = await h.LoadAsync(id);
        Assert.Equal("site-survey", instance.CurrentActivityId);
        Assert.Equal(global::Approval.Engine.Runtime.TaskStatus.Open, instance.Tasks.Single(t => t.DepartmentId == "fire-rescue").Status);
        Assert.Contains(await h.JournalAsync(id), j => j.Event == "TaskOverdue" && j.DepartmentId == "fire-rescue");
    }

    [Fact]
    public async Task Approvals_continue_past_a_rejection_when_the_definition_says_so()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 11, 4, 9), configure: s => s.Engine.WorkflowsDirectory = _workflows);
        var id = await h.FileAndAcceptAsync("rules-continue");
        var licence = Assert.Single(await h.OpenTasksAsync(id, TaskKind.MatterDecision));
        await h.RunAsync(op => new DecideMatter(op, EngineHarness.Approver("market-regulation"), licence.Id, MatterDecision.Approve, null, []));
        var open = await h.OpenTasksAsync(id, TaskKind.MatterDecision);

        var seal = open.Single(t => t.MatterCode == "GA-001");
        await h.RunAsync(op => new DecideMatter(op, EngineHarness.Approver("public-security"), seal.Id, MatterDecision.Reject, "印章样式不符合规定", []));
        foreach (var task in open.Where(t => t.Id != seal.Id))
            await h.RunAsync(op => new DecideMatter(op, EngineHarness.Approver(task.DepartmentId!), task.Id, MatterDecision.Approve, null, []));

        var instance = await h.LoadAsync(id);
        Assert.Equal(InstanceStatus.Running, instance.Status);
        Assert.Equal("completion", instance.CurrentActivityId);
        Assert.Equal(Outcomes.Rejected, instance.Tasks.Single(t => t.Id == seal.Id).Outcome);
    }

    public void Dispose()
    {
        try { Directory.Delete(_workflows, recursive: true); } catch (IOException) { }
    }

    private static string CopyWorkflows()
    {
        var target = Path.Combine(Path.GetTempPath(), "approval-rules-" + Guid.NewGuid().ToString("N"));
        RepositoryPaths.CopyTree(RepositoryPaths.Workflows, target);
        var enterprise = File.ReadAllText(Path.Combine(target, "enterprise-establishment.v1.json"));
        File.WriteAllText(Path.Combine(target, "rules-continue.v1.json"), enterprise
            .Replace("\"id\": \"enterprise-establishment\"", "\"id\": \"rules-continue\"")
            .Replace("\"onRejection\": \"RejectProject\"", "\"onRejection\": \"ContinueWithOthers\""));
        File.WriteAllText(Path.Combine(target, "rules-survey-blocks.v1.json"), """
            {
              "$schema": "schema/workflow.schema.json",
              "id": "rules-survey-blocks", "version": 1, "name": "踏勘缺席阻断（测试）", "targetWorkingDays": 6,
              "activities": [
                { "id": "intake", "type": "OneWindowIntake", "name": "一窗受理", "budgetWorkingDays": 1, "maxDeficiencyWorkingDays": 0,
                  "materials": [ { "code": "application-form", "name": "申请表", "required": true } ] },
                { "id": "site-survey", "type": "CombinedSiteSurvey", "name": "集中踏勘", "budgetWorkingDays": 2,
                  "departments": ["natural-resources", "fire-rescue"], "absence": "Blocks" },
                { "id": "parallel-approvals", "type": "ParallelApprovals", "name": "并联审批", "budgetWorkingDays": 3,
                  "onRejection": "RejectProject", "matters": [ { "matter": "SCJG-001" } ] },
                { "id": "completion", "type": "DeadlineCompletion", "name": "出件", "budgetWorkingDays": 1 }
              ],
              "flow": [ { "from": "intake", "to": "site-survey" }, { "from": "site-survey", "to": "parallel-approvals" },
                        { "from": "parallel-approvals", "to": "completion" } ]
            }
            """);
        return target;
    }
}
