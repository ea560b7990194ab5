using Approval.Engine.Persistence;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Tests.Persistence;
using Approval.Engine.Timers;
using Approval.Testing;
using Approval.Testing.Persistence;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using TaskStatus = Approval.Engine.Runtime.TaskStatus;

namespace Approval.Engine.Tests.Runtime;

/// <summary>
/// A task has one timer row: it fires at the follow-up date (预警), is re-armed for the deadline (超期), and moves when
/// the task's dates move. A firing applies only to the occurrence it was claimed for.
/// </summary>
public sealed class TaskTimerTests : IDisposable
{
    private const string Definition = "timers-fire-licence";
    private readonly string _workflows = WorkflowsWithFiveDayMatter();

    [Fact]
    public async Task One_timer_fires_the_warning_then_is_rearmed_for_the_deadline()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 3, 4, 10), configure: s => s.Engine.WorkflowsDirectory = _workflows);
        var (id, task) = await AcceptedWithWarnedTaskAsync(h);
        var timer = Assert.Single(await TimersOfAsync(h, task.Id));
        Assert.Equal((TimerKind.TaskWarning, TimerStatus.Pending, h.Engine.Deadlines.StartOf(task.WarnOn!.Value)),
            (timer.Kind, timer.Status, timer.DueAt));

        h.Clock.Reset(timer.DueAt + Duration.FromMinutes(1));
        Assert.Equal(1, await h.Scheduler.RunDueAsync());

        var rearmed = Assert.Single(await TimersOfAsync(h, task.Id));
        Assert.Equal(timer.Id, rearmed.Id);
        Assert.Equal((TimerKind.TaskDeadline, TimerStatus.Pending, h.Engine.Deadlines.EndOf(task.DueOn!.Value), 0, null),
            (rearmed.Kind, rearmed.Status, rearmed.DueAt, rearmed.Attempts, rearmed.LeaseOwner));
        Assert.Single(await h.JournalAsync(id), j => j.Event == "TaskWarning" && j.TaskId == task.Id);

        // Firing the warning's occurrence again (another node's late claim) changes nothing.
        await h.Engine.ExecuteAsync(FireTimer.Of(timer.Id, timer.DueAt));
        await h.Engine.ExecuteAsync(new FireTimer("late-node", timer.Id, timer.DueAt));
        Assert.Single(await h.JournalAsync(id), j => j.Event == "TaskWarning" && j.TaskId == task.Id);
        Assert.Equal(TimerStatus.Pending, Assert.Single(await TimersOfAsync(h, task.Id)).Status);

        h.Clock.Reset(rearmed.DueAt + Duration.FromMinutes(1));
        Assert.Equal(1, await h.Scheduler.RunDueAsync());
        // The task stays open past its deadline: besides the fired deadline, the 黄牌 timer now watches how late it stays.
        var timers = await TimersOfAsync(h, task.Id);
        var fired = Assert.Single(timers, t => t.Kind != TimerKind.YellowCard);
        Assert.Equal((TimerKind.TaskDeadline, TimerStatus.Fired), (fired.Kind, fired.Status));
        Assert.Equal(TimerStatus.Pending, Assert.Single(timers, t => t.Kind == TimerKind.YellowCard).Status);
        Assert.Single(await h.JournalAsync(id), j => j.Event is "TaskOverdue" && j.TaskId == task.Id);
    }

    [Fact]
    public async Task A_timer_is_not_fired_before_it_is_due_nor_for_an_occurrence_it_no_longer_has()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 3, 4, 10), configure: s => s.Engine.WorkflowsDirectory = _workflows);
        var (id, task) = await AcceptedWithWarnedTaskAsync(h);
        var timer = Assert.Single(await TimersOfAsync(h, task.Id));

        await h.Engine.ExecuteAsync(FireTimer.Of(timer.Id, timer.DueAt));   // early: not due yet
        await h.Engine.ExecuteAsync(FireTimer.Of(timer.Id, timer.DueAt - Duration.FromDays(1)));   // an occurrence it never had
        h.Clock.Reset(timer.DueAt + Duration.FromMinutes(1));
        await h.Engine.ExecuteAsync(FireTimer.Of(timer.Id, timer.DueAt - Duration.FromDays(1)));

        Assert.DoesNotContain(await h.JournalAsync(id), j => j.Event == "TaskWarning");
        var untouched = Assert.Single(await TimersOfAsync(h, task.Id));
        Assert.Equal((TimerKind.TaskWarning, TimerStatus.Pending), (untouched.Kind, untouched.Status));
        Assert.Equal(1, await h.Scheduler.RunDueAsync());
        Assert.Single(await h.JournalAsync(id), j => j.Event == "TaskWarning");
    }

    [Fact]
    public async Task A_claim_taken_before_the_dates_moved_fires_nothing_and_the_moved_timer_fires_on_time()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 3, 4, 10), configure: s => s.Engine.WorkflowsDirectory = _workflows);
        var (id, task) = await AcceptedWithWarnedTaskAsync(h);
        var timer = Assert.Single(await TimersOfAsync(h, task.Id));
        h.Clock.Reset(timer.DueAt + Duration.FromMinutes(1));
        var claim = Assert.Single(await h.Scheduler.ClaimAsync());

        // Before the claim is fired, the department stops the clock for an expert review, then resumes it a day later.
        await h.RunAsync(op => new StopClock(op, EngineHarness.Approver(task.DepartmentId!), task.Id, ClockStopReason.ExpertReview,
            "需组织专家评审", 1));
        Assert.Empty(await PendingTimersAsync(h, task.Id));
        h.Clock.Reset(h.Clock.GetCurrentInstant() + Duration.FromDays(1));
        await h.RunAsync(op => new ResumeClock(op, EngineHarness.Approver(task.DepartmentId!), task.Id, null));
        var moved = Assert.Single(await PendingTimersAsync(h, task.Id));

        await h.Engine.ExecuteAsync(claim.Fire());

        Assert.DoesNotContain(await h.JournalAsync(id), j => j.Event is "TaskWarning" or "TaskOverdue");
        Assert.Equal(moved.DueAt, Assert.Single(await PendingTimersAsync(h, task.Id)).DueAt);
        var resumed = (await h.LoadAsync(id)).Tasks.Single(t => t.Id == task.Id);
        Assert.Equal(TaskStatus.Open, resumed.Status);
        Assert.True(moved.DueAt > claim.DueAt);
    }

    [Fact]
    public async Task On_sqlite_a_claimed_timer_moved_by_an_approved_extension_is_released_at_once()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 3, 4, 10), configure: s => s.Engine.WorkflowsDirectory = _workflows);
        await ClaimedTimerMovedIsReleasedAsync(h);
    }

    [Fact]
    public async Task On_postgres_a_claimed_timer_moved_by_an_approved_extension_is_released_at_once()
    {
        await using var pg = await PostgresDatabase.CreateAsync(TestContext.Current.CancellationToken);
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 3, 4, 10), pg.ConnectionString,
            configure: s => s.Engine.WorkflowsDirectory = _workflows);
        await ClaimedTimerMovedIsReleasedAsync(h);
    }

    private static async Task ClaimedTimerMovedIsReleasedAsync(EngineHarness h)
    {
        var (_, task) = await AcceptedWithWarnedTaskAsync(h);
        var requested = await h.RunAsync(op => new RequestExtension(op, EngineHarness.Approver(task.DepartmentId!), task.Id, 3, "需补充现场核查"));
        var timer = Assert.Single(await TimersOfAsync(h, task.Id));
        h.Clock.Reset(timer.DueAt + Duration.FromMinutes(1));
        var claim = Assert.Single(await h.Scheduler.ClaimAsync());
        Assert.NotNull(Assert.Single(await TimersOfAsync(h, task.Id)).LeaseOwner);

        // Before the claim is fired, the supervisor approves the extension, which moves the task's dates and its timer.
        await h.RunAsync(op => new DecideExtension(op, EngineHarness.Supervisor, requested.ExtensionId!.Value, true, "同意延期"));

        var moved = Assert.Single(await PendingTimersAsync(h, task.Id));
        Assert.Equal(timer.Id, moved.Id);
        Assert.True(moved.DueAt > claim.DueAt);
        // The claim is released with the move, not left to run out, also when the command began from a project the
        // engine kept from before the claim.
        Assert.Equal((null, null, 0), (moved.LeaseOwner, moved.LeaseExpiresAt, moved.Attempts));
    }

    [Fact]
    public async Task A_task_armed_with_two_timers_by_an_earlier_release_keeps_one_when_its_dates_move()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 3, 4, 10), configure: s => s.Engine.WorkflowsDirectory = _workflows);
        var (_, task) = await AcceptedWithWarnedTaskAsync(h);
        await using (var db = h.Database.CreateContext())
        {
            db.Timers.Add(new DurableTimer
            {
                Id = Guid.NewGuid(), InstanceId = task.InstanceId, TaskId = task.Id, Kind = TimerKind.TaskDeadline,
                DueAt = h.Engine.Deadlines.EndOf(task.DueOn!.Value), Status = TimerStatus.Pending,
            });
            await db.SaveSeedAsync(TestContext.Current.CancellationToken);
        }
        // Rows of an earlier release are there before this release starts, with nothing kept in memory.
        h.Engine.Kept?.Forget(task.InstanceId);
        Assert.Equal(2, (await PendingTimersAsync(h, task.Id)).Count);

        await h.RunAsync(op => new StopClock(op, EngineHarness.Approver(task.DepartmentId!), task.Id, ClockStopReason.ExpertReview,
            "需组织专家评审", 1));
        Assert.Empty(await PendingTimersAsync(h, task.Id));
        await h.RunAsync(op => new ResumeClock(op, EngineHarness.Approver(task.DepartmentId!), task.Id, null));
        Assert.Single(await PendingTimersAsync(h, task.Id));
    }

    /// <summary>Accepts a filing and picks the matter task, whose follow-up date is still ahead.</summary>
    private static async Task<(Guid Id, WorkTask Task)> AcceptedWithWarnedTaskAsync(EngineHarness h)
    {
        var id = await h.FileAndAcceptAsync(Definition);
        var tasks = (await h.LoadAsync(id)).Tasks.Where(t => t.Status == TaskStatus.Open).ToList();
        var task = tasks.FirstOrDefault(t => t.WarnOn is { } warn && h.Engine.Deadlines.StartOf(warn) > h.Clock.GetCurrentInstant() && warn < t.DueOn);
        Assert.True(task is not null, $"no open task with a follow-up date ahead: {string.Join(", ", tasks.Select(t => $"{t.Title} {t.WarnOn}/{t.DueOn}"))}");
        return (id, task!);
    }

    private static async Task<List<DurableTimer>> TimersOfAsync(EngineHarness h, Guid taskId)
    {
        await using var db = h.Database.CreateContext();
        return await db.Timers.AsNoTracking().Where(t => t.TaskId == taskId).ToListAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<List<DurableTimer>> PendingTimersAsync(EngineHarness h, Guid taskId) =>
        (await TimersOfAsync(h, taskId)).Where(t => t.Status == TimerStatus.Pending).ToList();

    public void Dispose()
    {
        try { Directory.Delete(_workflows, recursive: true); } catch (IOException) { }
    }

    // The shipped definitions give their first tasks one working day, which leaves no follow-up date before the deadline.
    private static string WorkflowsWithFiveDayMatter()
    {
        var target = Path.Combine(Path.GetTempPath(), "approval-timers-" + Guid.NewGuid().ToString("N"));
        RepositoryPaths.CopyTree(RepositoryPaths.Workflows, target);
        File.WriteAllText(Path.Combine(target, $"{Definition}.v1.json"), $$"""
            {
              "$schema": "schema/workflow.schema.json",
              "id": "{{Definition}}", "version": 1, "name": "消防安全检查（测试）", "targetWorkingDays": 7,
              "activities": [
                { "id": "intake", "type": "OneWindowIntake", "name": "一窗受理", "budgetWorkingDays": 1, "maxDeficiencyWorkingDays": 0,
                  "materials": [ { "code": "application-form", "name": "申请表", "required": true },
                                 { "code": "business-licence", "name": "营业执照", "required": true },
                                 { "code": "fire-safety-plan", "name": "消防安全制度", "required": true } ] },
                { "id": "parallel-approvals", "type": "ParallelApprovals", "name": "并联审批", "budgetWorkingDays": 5,
                  "onRejection": "RejectProject", "matters": [ { "matter": "XF-001" } ] },
                { "id": "completion", "type": "DeadlineCompletion", "name": "出件", "budgetWorkingDays": 1 }
              ],
              "flow": [ { "from": "intake", "to": "parallel-approvals" }, { "from": "parallel-approvals", "to": "completion" } ]
            }
            """);
        return target;
    }
}
