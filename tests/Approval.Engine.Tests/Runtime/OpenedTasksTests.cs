using Approval.Engine.Definitions;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Testing;
using NodaTime;

namespace Approval.Engine.Tests.Runtime;

/// <summary>
/// A command's result names exactly the tasks it opened (<see cref="CommandResult.OpenedTasks"/>): what a client
/// shows after acting, and what lets the load benchmark act without reading to-do lists.
/// </summary>
public sealed class OpenedTasksTests
{
    private const string Definition = "industrial-construction-permit";

    [Fact]
    public async Task Every_command_of_the_permit_reports_the_tasks_that_became_open_and_nothing_else()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 3, 4, 10));
        var id = await h.FileAsync(Definition);

        var accepted = await Checked(h, id, op => new AcceptApplication(op, EngineHarness.Window, id));
        var preReview = h.Engine.Catalog.Latest(Definition).Activities.OfType<JointPreReviewDefinition>().Single();
        Assert.Equal(preReview.Departments.Order(StringComparer.Ordinal),
            accepted.OpenedTasks!.Select(t => t.DepartmentId!).Order(StringComparer.Ordinal));
        Assert.All(accepted.OpenedTasks!, t => Assert.Equal((TaskKind.PreReviewOpinion, preReview.Id), (t.Kind, t.ActivityId)));

        // One department asks for a correction: the last opinion opens the applicant's task, the correction the re-check.
        var opinions = accepted.OpenedTasks!.ToList();
        CommandResult last = accepted;
        foreach (var task in opinions)
        {
            var asks = task.DepartmentId == opinions[0].DepartmentId;
            last = await Checked(h, id, op => new GiveOpinion(op, EngineHarness.Approver(task.DepartmentId!), task.TaskId, !asks,
                asks ? ["补充说明"] : [], null));
            Assert.Equal(task.TaskId, last.TaskId);
        }
        var correction = Assert.Single(last.OpenedTasks!);
        Assert.Equal(TaskKind.ApplicantCorrection, correction.Kind);
        var corrected = await Checked(h, id, op => new SubmitCorrection(op, EngineHarness.Agent, correction.TaskId, ["design-scheme"], "已补充"));
        var recheck = Assert.Single(corrected.OpenedTasks!);
        Assert.Equal(opinions[0].DepartmentId, recheck.DepartmentId);
        var reviewed = await Checked(h, id, op => new GiveOpinion(op, EngineHarness.Approver(recheck.DepartmentId!), recheck.TaskId, true, [], "已补正"));
        Assert.NotEmpty(reviewed.OpenedTasks!);
        Assert.All(reviewed.OpenedTasks!, t => Assert.Equal(TaskKind.SurveyFinding, t.Kind));

        var scheduled = await Checked(h, id, op => new ScheduleSurvey(op, EngineHarness.Window, id, h.Today));
        Assert.Empty(scheduled.OpenedTasks!);
        foreach (var task in reviewed.OpenedTasks!)
            last = await Checked(h, id, op => new RecordFindings(op, EngineHarness.Approver(task.DepartmentId!), task.TaskId, true, "一致"));

        // Parallel approvals: matters waiting for others are reported when their predecessors' approval opens them.
        var pending = new Queue<OpenedTask>(last.OpenedTasks!);
        var decided = 0;
        while (pending.TryDequeue(out var matter))
        {
            Assert.Equal(TaskKind.MatterDecision, matter.Kind);
            Assert.NotNull(matter.MatterCode);
            var result = await Checked(h, id, op => new DecideMatter(op, EngineHarness.Approver(matter.DepartmentId!), matter.TaskId,
                MatterDecision.Approve, "符合条件", []));
            foreach (var opened in result.OpenedTasks!) pending.Enqueue(opened);
            decided++;
        }
        var approvals = h.Engine.Catalog.Latest(Definition).Activities.OfType<ParallelApprovalsDefinition>().Single();
        Assert.Equal(approvals.Matters.Count, decided);
        Assert.Contains(approvals.Matters, m => m.After.Count > 0);
        var issued = await Checked(h, id, op => new IssueResults(op, EngineHarness.Window, id));
        Assert.Equal(InstanceStatus.Completed, issued.Status);
    }

    [Fact]
    public async Task A_replay_returns_the_same_opened_tasks()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 3, 4, 10));
        var id = await h.FileAsync(Definition);
        var command = new AcceptApplication(h.NextOperation(), EngineHarness.Window, id);

        var first = await h.Engine.ExecuteAsync(command);
        var again = await h.Engine.ExecuteAsync(command);

        Assert.True(again.Replayed);
        Assert.NotEmpty(first.OpenedTasks!);
        Assert.Equal(first with { Replayed = true }, again);
        Assert.Equal(first.OpenedTasks, again.OpenedTasks!);
    }

    /// <summary>Runs a command and checks its opened tasks against the database: exactly those open now and not before.</summary>
    private static async Task<CommandResult> Checked(EngineHarness h, Guid id, Func<string, Command> command)
    {
        var before = (await h.OpenTasksAsync(id)).Select(t => t.Id).ToHashSet();
        var result = await h.RunAsync(command);
        var now = await h.OpenTasksAsync(id);
        var newlyOpen = now.Where(t => !before.Contains(t.Id)).ToList();
        Assert.Equal(newlyOpen.Select(t => t.Id).Order(), result.OpenedTasks!.Select(t => t.TaskId).Order());
        foreach (var reported in result.OpenedTasks!)
        {
            var task = newlyOpen.Single(t => t.Id == reported.TaskId);
            Assert.Equal((task.Kind, task.ActivityId, task.DepartmentId, task.MatterCode),
                (reported.Kind, reported.ActivityId, reported.DepartmentId, reported.MatterCode));
        }
        return result;
    }
}
