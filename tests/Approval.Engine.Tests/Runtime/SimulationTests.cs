using Approval.Engine.Activities;
using Approval.Engine.Journal;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Supervision;
using Approval.Engine.Timers;
using Approval.Testing;
using Approval.Testing.Persistence;
using NodaTime;
using TaskStatus = Approval.Engine.Runtime.TaskStatus;

namespace Approval.Engine.Tests.Runtime;

/// <summary>
/// 模拟审批 on the industrial construction permit (simulation allowed on its parallel approvals, converted on
/// 国有建设用地使用权出让合同, 3 working days to confirm, expiring 6 months after acceptance): filed without the land
/// contract, reviewed in simulation, converted, confirmed across the 2026 National Day week; one matter reopened; a
/// simulation that lapses by its timer. Acceptance on Thursday 2026-09-24 (9-25 中秋, 10-01..10-07 国庆, 10-10 a
/// working Saturday).
/// </summary>
public sealed class SimulationTests
{
    private const string Definition = "industrial-construction-permit";
    private const string LandContract = "land-transfer-contract";
    private static readonly LocalDate Acceptance = new(2026, 9, 24);

    /// <summary>Filed in simulation by the agent with every material but the land contract, handed in and accepted.</summary>
    private static async Task<Guid> SimulateAsync(EngineHarness h)
    {
        var intake = h.Engine.Catalog.Latest(Definition).Intake;
        List<string> materials = [.. intake.Materials.Select(m => m.Code).Where(c => c != LandContract)];
        var project = new ProjectDetails("年产10万吨新材料项目", EngineHarness.Investor.UserId, "某某新材料有限公司", "320193", "C26", 52000m, null, "张伟", "13812345678");
        var filed = await h.Engine.ExecuteAsync(new FileApplication(h.NextOperation(), EngineHarness.Agent, Definition, project, materials, Simulation: true));
        await h.HandInAsync(filed.InstanceId, materials);
        await h.RunAsync(op => new AcceptApplication(op, EngineHarness.Window, filed.InstanceId));
        return filed.InstanceId;
    }

    /// <summary>Every opinion passes, the survey is today, every finding agrees, every department records a simulated approval.</summary>
    private static async Task ReviewInSimulationAsync(EngineHarness h, Guid id, bool stopAtApprovals = false)
    {
        for (var guard = 0; guard < 100; guard++)
        {
            var project = await h.LoadAsync(id);
            var open = project.Tasks.Where(t => t.ActivityId == project.CurrentActivityId && t.Status == TaskStatus.Open).ToList();
            if ((open.Count == 0 || stopAtApprovals) && project.CurrentActivityId == "parallel-approvals") return;
            if (open.Any(t => t.Kind == TaskKind.SurveyFinding) && project.SurveyOn is null)
            {
                await h.RunAsync(op => new ScheduleSurvey(op, EngineHarness.Window, id, h.Today));
                continue;
            }
            var task = open.First();
            await h.RunAsync(op => task.Kind switch
            {
                TaskKind.PreReviewOpinion => new GiveOpinion(op, EngineHarness.Approver(task.DepartmentId!), task.Id, true, [], null),
                TaskKind.SurveyFinding => new RecordFindings(op, EngineHarness.Approver(task.DepartmentId!), task.Id, true, "现场情况与申报一致"),
                TaskKind.MatterDecision => new DecideMatter(op, EngineHarness.Approver(task.DepartmentId!), task.Id, MatterDecision.Approve, "模拟审批意见：符合条件", []),
                _ => throw new InvalidOperationException($"no one agrees to a {task.Kind} task"),
            });
        }
        throw new InvalidOperationException("the simulation did not reach the conversion");
    }

    [Fact]
    public async Task Simulation_is_accepted_without_the_land_contract_and_journalled_with_its_expiry_timer()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2026, 9, 24, 9));

        var id = await SimulateAsync(h);

        var project = await h.LoadAsync(id);
        Assert.Equal((InstanceStatus.Running, SimulationState.Simulating), (project.Status, project.Simulation));
        Assert.Equal(new LocalDate(2027, 3, 24), project.SimulationExpiresOn);
        var expiry = Assert.Single(project.Timers, t => t.Kind == TimerKind.SimulationExpiry);
        Assert.Equal((TimerStatus.Pending, h.Engine.Deadlines.EndOf(new LocalDate(2027, 3, 24))), (expiry.Status, expiry.DueAt));
        // No formal deadline is watched while in simulation.
        Assert.DoesNotContain(project.Timers, t => t.Kind == TimerKind.ProjectDeadline && t.Status == TimerStatus.Pending);
        var journal = await h.JournalAsync(id);
        var chosen = Assert.Single(journal, j => j.Event == JournalEvents.SimulationChosen);
        Assert.Equal(EngineHarness.Agent.UserId, chosen.UserId);
        Assert.Contains("土地未摘牌", chosen.Reasons);
        Assert.Contains("2027-03-24 前）未转为正式审批即失效", journal.Single(j => j.Event == JournalEvents.Accepted).Reasons);
    }

    [Fact]
    public async Task A_formal_filing_without_the_land_contract_cannot_be_accepted()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2026, 9, 24, 9));
        var intake = h.Engine.Catalog.Latest(Definition).Intake;
        var id = await h.FileAsync(Definition, intake.Materials.Select(m => m.Code).Where(c => c != LandContract));

        var refusal = await Assert.ThrowsAsync<ConflictException>(() => h.RunAsync(op => new AcceptApplication(op, EngineHarness.Window, id)));

        Assert.Contains("国有建设用地使用权出让合同", refusal.Message);
    }

    [Fact]
    public async Task Departments_record_simulated_decisions_with_the_usual_deadlines_and_nothing_completes()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2026, 9, 24, 9));
        var id = await SimulateAsync(h);

        await ReviewInSimulationAsync(h, id);

        var project = await h.LoadAsync(id);
        Assert.Equal(("parallel-approvals", InstanceStatus.Running), (project.CurrentActivityId, project.Status));
        var decisions = project.Tasks.Where(t => t.Kind == TaskKind.MatterDecision).ToList();
        Assert.Equal(7, decisions.Count);
        Assert.All(decisions, t => Assert.Equal(Outcomes.SimulatedApproved, t.Outcome));
        // The same limits as a formal review: 节能审查 FG-001 has its catalogue's promised days from 9-24.
        var energy = decisions.Single(t => t.MatterCode == "FG-001");
        Assert.Equal(h.Engine.Catalog.Matter("FG-001").PromisedWorkingDays, energy.LimitWorkingDays);
        Assert.Equal(h.Engine.Deadlines.Calendar.Deadline(Acceptance, energy.LimitWorkingDays).Date, energy.DueOn);
        Assert.Single(await h.JournalAsync(id), j => j.Event == JournalEvents.SimulationAwaitingConversion);
        Assert.Equal("模拟审批意见：同意", Outcomes.Label(Outcomes.SimulatedApproved));
    }

    [Fact]
    public async Task Conversion_on_the_land_contract_makes_every_simulated_approval_formal_within_three_working_days_across_national_day()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2026, 9, 24, 9));
        var calendar = h.Engine.Deadlines.Calendar;
        var id = await SimulateAsync(h);
        await ReviewInSimulationAsync(h, id);

        // Wednesday 9-30: the land contract arrives on paper and the window converts.
        h.SetDate(new LocalDate(2026, 9, 30));
        await h.HandInAsync(id, [LandContract]);
        var result = await h.RunAsync(op => new ConvertSimulation(op, EngineHarness.Window, id, [], "土地已摘牌"));

        var converted = await h.LoadAsync(id);
        Assert.Equal((SimulationState.Converted, new LocalDate(2026, 9, 30)), (converted.Simulation, converted.ConvertedOn));
        // The formal clock starts on the conversion day: 50 working days from 9-30.
        Assert.Equal(calendar.Deadline(new LocalDate(2026, 9, 30), 50).Date, converted.DueOn);
        Assert.Contains(converted.Timers, t => t.Kind == TimerKind.ProjectDeadline && t.Status == TimerStatus.Pending);
        Assert.Equal(TimerStatus.Cancelled, converted.Timers.Single(t => t.Kind == TimerKind.SimulationExpiry).Status);
        var confirmations = converted.Tasks.Where(t => t.Kind == TaskKind.SimulationConfirmation).ToList();
        Assert.Equal(7, confirmations.Count);
        Assert.Equal(7, result.OpenedTasks!.Count);
        // 3 working days after 9-30: 10-08, 10-09 and the working Saturday 10-10.
        Assert.All(confirmations, t => Assert.Equal((TaskStatus.Open, 3, new LocalDate(2026, 10, 10)), (t.Status, t.LimitWorkingDays, t.DueOn)));
        Assert.Contains("自 2026-09-30 起按正式审批计时", (await h.JournalAsync(id)).Single(j => j.Event == JournalEvents.SimulationConverted).Reasons);

        // Friday 10-09: each department confirms, the results are issued at the window.
        h.SetDate(new LocalDate(2026, 10, 9));
        foreach (var task in confirmations)
            await h.RunAsync(op => new DecideMatter(op, EngineHarness.Approver(task.DepartmentId!), task.Id, MatterDecision.Approve, null, []));
        Assert.Equal("completion", (await h.LoadAsync(id)).CurrentActivityId);
        await h.RunAsync(op => new IssueResults(op, EngineHarness.Window, id));

        var done = await h.LoadAsync(id);
        Assert.Equal((InstanceStatus.Completed, true), (done.Status, done.OnTime));
        Assert.All(done.Tasks.Where(t => t.Kind == TaskKind.SimulationConfirmation), t =>
        {
            Assert.Equal(Outcomes.Approved, t.Outcome);
            Assert.False(calendar.IsPastDeadline(t.DecidedAt!.Value, t.DueOn!.Value));
        });
        // Used: 10-08 and 10-09, counted from the conversion, not from the acceptance.
        Assert.StartsWith("用时 2 个工作日", (await h.JournalAsync(id)).Single(j => j.Event == JournalEvents.Completed).Reasons);
    }

    [Fact]
    public async Task Reopened_matter_goes_to_a_full_review_and_the_confirmations_that_depend_on_it_wait()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2026, 9, 24, 9));
        var id = await SimulateAsync(h);
        await ReviewInSimulationAsync(h, id);
        h.SetDate(new LocalDate(2026, 9, 30));
        await h.HandInAsync(id, [LandContract]);

        await h.RunAsync(op => new ConvertSimulation(op, EngineHarness.Window, id, ["ZRZY-001"]));

        var converted = await h.LoadAsync(id);
        var review = Assert.Single(converted.Tasks, t => t.Kind == TaskKind.MatterDecision && t.IsOpen);
        Assert.Equal("ZRZY-001", review.MatterCode);
        var promised = h.Engine.Catalog.Matter("ZRZY-001").PromisedWorkingDays;
        Assert.Equal(promised, review.LimitWorkingDays);
        Assert.Equal(h.Engine.Deadlines.Calendar.Deadline(new LocalDate(2026, 9, 30), promised).Date, review.DueOn);
        // 建设工程规划许可 waits for 用地规划许可, and 施工许可 for 规划许可: their confirmations wait.
        var waiting = converted.Tasks.Where(t => t.Status == TaskStatus.Waiting).Select(t => t.MatterCode).Order(StringComparer.Ordinal);
        Assert.Equal(["ZJ-003", "ZRZY-002"], waiting);
        Assert.Single(await h.JournalAsync(id), j => j.Event == JournalEvents.MatterReopened && j.MatterCode == "ZRZY-001");

        await h.RunAsync(op => new DecideMatter(op, EngineHarness.Approver("natural-resources"), review.Id, MatterDecision.Approve, "复核通过", []));

        var after = await h.LoadAsync(id);
        Assert.Equal(TaskStatus.Open, after.Tasks.Single(t => t.Kind == TaskKind.SimulationConfirmation && t.MatterCode == "ZRZY-002").Status);
        Assert.Equal(TaskStatus.Waiting, after.Tasks.Single(t => t.Kind == TaskKind.SimulationConfirmation && t.MatterCode == "ZJ-003").Status);
        Assert.Equal(Outcomes.Approved, after.Tasks.Single(t => t.Id == review.Id).Outcome);
    }

    [Fact]
    public async Task A_confirmation_only_confirms()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2026, 9, 24, 9));
        var id = await SimulateAsync(h);
        await ReviewInSimulationAsync(h, id);
        await h.HandInAsync(id, [LandContract]);
        await h.RunAsync(op => new ConvertSimulation(op, EngineHarness.Window, id, []));
        var task = (await h.OpenTasksAsync(id, TaskKind.SimulationConfirmation)).First();

        var refusal = await Assert.ThrowsAsync<ConflictException>(() => h.RunAsync(op =>
            new DecideMatter(op, EngineHarness.Approver(task.DepartmentId!), task.Id, MatterDecision.Reject, "条件变化", [])));

        Assert.Contains("only confirms", refusal.Message);
    }

    [Fact]
    public async Task Conversion_is_refused_without_the_land_contract_and_for_a_matter_without_a_simulated_approval()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2026, 9, 24, 9));
        var id = await SimulateAsync(h);
        await ReviewInSimulationAsync(h, id);

        var missing = await Assert.ThrowsAsync<ConflictException>(() => h.RunAsync(op => new ConvertSimulation(op, EngineHarness.Window, id, [])));
        Assert.Equal("The land contract (land-transfer-contract) has not been handed in: upload its file or record its paper original before converting.", missing.Message);

        await h.HandInAsync(id, [LandContract]);
        var unknown = await Assert.ThrowsAsync<InvalidInputException>(() => h.RunAsync(op => new ConvertSimulation(op, EngineHarness.Window, id, ["SCJG-001"])));
        Assert.Equal("reopenMatters", unknown.Field);
        Assert.Equal(SimulationState.Simulating, (await h.LoadAsync(id)).Simulation);

        var byApprover = await Assert.ThrowsAsync<ForbiddenException>(() => h.RunAsync(op => new ConvertSimulation(op, EngineHarness.Approver("housing-construction"), id, [])));
        Assert.Contains("WindowClerk", byApprover.Message);
    }

    [Fact]
    public async Task A_formal_project_has_nothing_to_convert_and_other_procedures_do_not_allow_simulation()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2026, 9, 24, 9));
        var formal = await h.FileAndAcceptAsync(Definition);

        var notSimulated = await Assert.ThrowsAsync<ConflictException>(() => h.RunAsync(op => new ConvertSimulation(op, EngineHarness.Window, formal, [])));
        Assert.Contains("not a simulated approval", notSimulated.Message);

        var project = new ProjectDetails("某某贸易有限公司设立", EngineHarness.Investor.UserId, "某某新材料有限公司", "320193", "F51", 100m, null, "张伟", "13812345678");
        var refusal = await Assert.ThrowsAsync<InvalidInputException>(() => h.Engine.ExecuteAsync(
            new FileApplication(h.NextOperation(), EngineHarness.Agent, "enterprise-establishment", project, [], Simulation: true)));
        Assert.Equal("simulation", refusal.Field);
    }

    [Fact]
    public async Task Simulation_never_converted_expires_by_its_timer_and_cannot_be_converted_afterwards()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2026, 9, 24, 9));
        var id = await SimulateAsync(h);
        await ReviewInSimulationAsync(h, id);

        // The day after 2027-03-24, six months after acceptance.
        h.SetDate(new LocalDate(2027, 3, 25));
        await h.Scheduler.RunDueAsync();

        var expired = await h.LoadAsync(id);
        Assert.Equal((InstanceStatus.Terminated, SimulationState.Expired), (expired.Status, expired.Simulation));
        Assert.Contains("已于 2027-03-24 失效", expired.OutcomeReason);
        var entry = Assert.Single(await h.JournalAsync(id), j => j.Event == JournalEvents.SimulationExpired);
        Assert.Equal("System", entry.ActorRole);
        Assert.Equal("模拟审批逾期失效", JournalEvents.Label(JournalEvents.SimulationExpired));

        var refusal = await Assert.ThrowsAsync<ConflictException>(() => h.RunAsync(op => new ConvertSimulation(op, EngineHarness.Window, id, [])));
        Assert.Equal("The simulated approval expired on 2027-03-24 and can no longer be converted; file a new application.", refusal.Message);
    }

    [Fact]
    public async Task A_simulated_rejection_ends_the_simulation_without_a_formal_decision()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2026, 9, 24, 9));
        var id = await SimulateAsync(h);
        await ReviewInSimulationAsync(h, id, stopAtApprovals: true);
        var eia = (await h.OpenTasksAsync(id, TaskKind.MatterDecision)).Single(t => t.MatterCode == "HB-001");

        await h.RunAsync(op => new DecideMatter(op, EngineHarness.Approver("ecology-environment"), eia.Id, MatterDecision.Reject, "选址位于水源保护区", []));

        var ended = await h.LoadAsync(id);
        Assert.Equal(InstanceStatus.Terminated, ended.Status);
        Assert.Equal(Outcomes.SimulatedRejected, ended.Tasks.Single(t => t.Id == eia.Id).Outcome);
        Assert.StartsWith("模拟审批意见不同意", ended.OutcomeReason);
    }

    [Fact]
    public async Task Statistics_count_no_simulated_decision_and_count_the_confirmed_ones()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2026, 9, 24, 9));
        var id = await SimulateAsync(h);
        await ReviewInSimulationAsync(h, id);
        var calendar = h.Engine.Deadlines.Calendar;

        var simulated = Statistics.Compute([await h.LoadAsync(id)], h.Engine.Catalog, calendar, h.Clock.GetCurrentInstant());
        Assert.All(simulated.Departments, d => Assert.Equal((0, 0), (d.Decisions.Open, d.Decisions.Decided)));

        await h.HandInAsync(id, [LandContract]);
        await h.RunAsync(op => new ConvertSimulation(op, EngineHarness.Window, id, []));
        var open = Statistics.Compute([await h.LoadAsync(id)], h.Engine.Catalog, calendar, h.Clock.GetCurrentInstant());
        Assert.Equal(7, open.Departments.Sum(d => d.Decisions.Open));
        foreach (var task in await h.OpenTasksAsync(id, TaskKind.SimulationConfirmation))
            await h.RunAsync(op => new DecideMatter(op, EngineHarness.Approver(task.DepartmentId!), task.Id, MatterDecision.Approve, null, []));

        var formal = Statistics.Compute([await h.LoadAsync(id)], h.Engine.Catalog, calendar, h.Clock.GetCurrentInstant());
        Assert.Equal((7, 7), (formal.Departments.Sum(d => d.Decisions.Decided), formal.Departments.Sum(d => d.Decisions.Approved)));
    }

    [Fact]
    public async Task On_postgres_a_simulation_is_converted_and_confirmed_and_another_expires_by_its_timer()
    {
        await using var pg = await PostgresDatabase.CreateAsync(TestContext.Current.CancellationToken);
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2026, 9, 24, 9), pg.ConnectionString);
        var converted = await SimulateAsync(h);
        var lapsing = await SimulateAsync(h);
        await ReviewInSimulationAsync(h, converted);
        await h.HandInAsync(converted, [LandContract]);
        await h.RunAsync(op => new ConvertSimulation(op, EngineHarness.Window, converted, ["HB-001"]));
        foreach (var task in (await h.LoadAsync(converted)).Tasks.Where(t => t.IsOpen))
            await h.RunAsync(op => new DecideMatter(op, EngineHarness.Approver(task.DepartmentId!), task.Id, MatterDecision.Approve, null, []));
        await h.RunAsync(op => new IssueResults(op, EngineHarness.Window, converted));

        h.SetDate(new LocalDate(2027, 3, 25));
        await h.Scheduler.RunDueAsync();

        var done = await h.LoadAsync(converted);
        Assert.Equal((InstanceStatus.Completed, SimulationState.Converted, Acceptance), (done.Status, done.Simulation, done.ConvertedOn));
        Assert.Equal(6, done.Tasks.Count(t => t.Kind == TaskKind.SimulationConfirmation && t.Outcome == Outcomes.Approved));
        var expired = await h.LoadAsync(lapsing);
        Assert.Equal((InstanceStatus.Terminated, SimulationState.Expired), (expired.Status, expired.Simulation));
    }
}
