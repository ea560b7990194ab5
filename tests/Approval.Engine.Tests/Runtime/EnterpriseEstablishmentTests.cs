using Approval.Engine.Activities;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Testing;
using NodaTime;

namespace Approval.Engine.Tests.Runtime;

public sealed class EnterpriseEstablishmentTests
{
    [Fact]
    public async Task Accepted_before_national_day_completes_on_time_through_parallel_matters()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 9, 27, 10));
        var id = await h.FileAsync("enterprise-establishment");

        var accepted = await h.RunAsync(op => new AcceptApplication(op, EngineHarness.Window, id));

        Assert.Equal(InstanceStatus.Running, accepted.Status);
        Assert.NotNull(accepted.ProjectCode);
        Assert.Equal(10, accepted.QueryKey!.Length);
        Assert.All(accepted.QueryKey, c => Assert.Contains(c, "23456789ABCDEFGHJKMNPQRSTUVWXYZ"));
        var instance = await h.LoadAsync(id);
        Assert.True(instance.ProjectCodeLocallyIssued);
        Assert.StartsWith("2409-", instance.ProjectCode);
        // 9-29 (adjusted Sunday), 9-30, then 10-08 after the National Day week.
        Assert.Equal(new LocalDate(2024, 10, 8), instance.DueOn);

        var licence = Assert.Single(await h.OpenTasksAsync(id));
        Assert.Equal("SCJG-001", licence.MatterCode);
        Assert.Equal(new LocalDate(2024, 9, 29), licence.DueOn);

        h.SetDate(new LocalDate(2024, 9, 29));
        await h.RunAsync(op => new DecideMatter(op, EngineHarness.Approver("market-regulation"), licence.Id, MatterDecision.Approve, null, []));
        var afterLicence = await h.OpenTasksAsync(id);
        Assert.Equal(["GA-001", "RS-001", "SW-001"], afterLicence.Select(t => t.MatterCode!).Order().ToArray());

        foreach (var task in afterLicence)
            await h.RunAsync(op => new DecideMatter(op, EngineHarness.Approver(task.DepartmentId!), task.Id, MatterDecision.Approve, "符合条件", []));
        Assert.Equal("completion", (await h.LoadAsync(id)).CurrentActivityId);

        h.SetDate(new LocalDate(2024, 9, 30));
        var done = await h.RunAsync(op => new IssueResults(op, EngineHarness.Window, id));

        Assert.Equal(InstanceStatus.Completed, done.Status);
        var completed = await h.LoadAsync(id);
        Assert.True(completed.OnTime);
        Assert.All(completed.Timers, t => Assert.NotEqual(Timers.TimerStatus.Pending, t.Status));
        var journal = await h.JournalAsync(id);
        Assert.Equal(Enumerable.Range(1, journal.Count), journal.Select(j => j.Sequence));
        Assert.Equal(4, journal.Count(j => j.Event == "TaskDecided" && j.Decision == Outcomes.Approved));
        Assert.Contains(journal, j => j.Event == "Completed" && j.Decision == "按时办结");
    }

    [Fact]
    public async Task A_rejected_licence_rejects_the_project_with_the_departments_reasons_and_cancels_the_rest()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 3, 4, 9));
        var id = await h.FileAndAcceptAsync("enterprise-establishment");
        var licence = Assert.Single(await h.OpenTasksAsync(id));

        var result = await h.RunAsync(op => new DecideMatter(op, EngineHarness.Approver("market-regulation"), licence.Id,
            MatterDecision.Reject, "企业名称与已登记名称近似", []));

        Assert.Equal(InstanceStatus.Rejected, result.Status);
        var instance = await h.LoadAsync(id);
        Assert.Contains("企业名称与已登记名称近似", instance.OutcomeReason);
        Assert.All(instance.Tasks.Where(t => t.MatterCode != "SCJG-001"), t => Assert.Equal(global::Approval.Engine.Runtime.TaskStatus.Cancelled, t.Status));
    }

    [Fact]
    public async Task Approver_of_another_department_deciding_the_matter_finds_no_such_task()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 3, 4, 9));
        var id = await h.FileAndAcceptAsync("enterprise-establishment");
        var licence = Assert.Single(await h.OpenTasksAsync(id));

        await Assert.ThrowsAsync<NotFoundException>(() => h.RunAsync(op =>
            new DecideMatter(op, EngineHarness.Approver("taxation"), licence.Id, MatterDecision.Approve, null, [])));
        Assert.Equal(global::Approval.Engine.Runtime.TaskStatus.Open, (await h.LoadAsync(id)).Tasks.Single(t => t.Id == licence.Id).Status);
    }

    [Fact]
    public async Task Replaying_an_operation_id_returns_the_first_result_and_signs_once()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 3, 4, 9));
        var id = await h.FileAndAcceptAsync("enterprise-establishment");
        var licence = Assert.Single(await h.OpenTasksAsync(id));
        var sign = new DecideMatter("sign-once", EngineHarness.Approver("market-regulation"), licence.Id, MatterDecision.Approve, null, []);

        var first = await h.Engine.ExecuteAsync(sign);
        var second = await h.Engine.ExecuteAsync(sign);

        Assert.False(first.Replayed);
        Assert.True(second.Replayed);
        Assert.Equal(first with { Replayed = true }, second);
        var journal = await h.JournalAsync(id);
        Assert.Single(journal, j => j.Event == "TaskDecided" && j.TaskId == licence.Id);
    }

    [Fact]
    public async Task Deciding_a_task_that_is_no_longer_open_is_a_conflict()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 3, 4, 9));
        var id = await h.FileAndAcceptAsync("enterprise-establishment");
        var licence = Assert.Single(await h.OpenTasksAsync(id));
        await h.RunAsync(op => new DecideMatter(op, EngineHarness.Approver("market-regulation"), licence.Id, MatterDecision.Approve, null, []));

        await Assert.ThrowsAsync<ConflictException>(() => h.RunAsync(op =>
            new DecideMatter(op, EngineHarness.Approver("market-regulation"), licence.Id, MatterDecision.Reject, "再议", [])));
    }

    [Fact]
    public async Task An_operation_id_reused_for_another_task_is_refused_not_replayed()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 3, 4, 9));
        var first = await h.FileAndAcceptAsync("enterprise-establishment");
        var second = await h.FileAndAcceptAsync("enterprise-establishment");
        var a = Assert.Single(await h.OpenTasksAsync(first));
        var b = Assert.Single(await h.OpenTasksAsync(second));
        var approver = EngineHarness.Approver("market-regulation");
        await h.Engine.ExecuteAsync(new DecideMatter("reused", approver, a.Id, MatterDecision.Approve, null, []));

        await Assert.ThrowsAsync<IdempotencyKeyReusedException>(() => h.Engine.ExecuteAsync(new DecideMatter("reused", approver, b.Id, MatterDecision.Approve, null, [])));
        Assert.Equal(global::Approval.Engine.Runtime.TaskStatus.Open, (await h.LoadAsync(second)).Tasks.Single(t => t.Id == b.Id).Status);
    }
}
