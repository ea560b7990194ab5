using Approval.Engine.Activities;
using Approval.Engine.Journal;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Supervision;
using Approval.Testing;
using NodaTime;
using TaskStatus = Approval.Engine.Runtime.TaskStatus;

namespace Approval.Engine.Tests.Runtime;

/// <summary>
/// 告知承诺 on 企业开办's 营业执照 (SCJG-001, 住所承诺, verified within 10 working days): chosen and signed at filing, approved
/// on commitment on the day of acceptance, verified after the project's completion — on time, late, or false (撤销).
/// Acceptance on Thursday 2026-09-24, before 中秋 (9-25) and 国庆 (10-01..10-07, 10-10 a working Saturday).
/// </summary>
public sealed class CommitmentTests
{
    private const string Definition = "enterprise-establishment";
    private static readonly LocalDate Acceptance = new(2026, 9, 24);

    /// <summary>9-28, 9-29, 9-30, 10-08, 10-09, 10-10, 10-12, 10-13, 10-14, 10-15: ten working days after acceptance.</summary>
    private static readonly LocalDate VerificationDue = new(2026, 10, 15);

    private static async Task<Guid> FileOnCommitmentAsync(EngineHarness h, params string[] matters)
    {
        var intake = h.Engine.Catalog.Latest(Definition).Intake;
        var project = new ProjectDetails("某某贸易有限公司设立", EngineHarness.Investor.UserId, "某某新材料有限公司", "320193", "F51", 100m, null, "张伟", "13812345678");
        List<string> materials = [.. intake.Materials.Select(m => m.Code)];
        var filed = await h.Engine.ExecuteAsync(new FileApplication(h.NextOperation(), EngineHarness.Agent, Definition, project, materials, matters));
        await h.HandInAsync(filed.InstanceId, materials);
        return filed.InstanceId;
    }

    /// <summary>Filed on commitment for SCJG-001, accepted and approved on commitment on the day of acceptance.</summary>
    private static async Task<(Guid Id, WorkTask Verification)> ApprovedOnCommitmentAsync(EngineHarness h)
    {
        var id = await FileOnCommitmentAsync(h, "SCJG-001");
        await h.RunAsync(op => new AcceptApplication(op, EngineHarness.Window, id));
        var licence = Assert.Single(await h.OpenTasksAsync(id, TaskKind.MatterDecision));
        await h.RunAsync(op => new DecideMatter(op, EngineHarness.Approver("market-regulation"), licence.Id, MatterDecision.ApproveOnCommitment, null, []));
        var verification = Assert.Single(await h.OpenTasksAsync(id, TaskKind.CommitmentVerification));
        return (id, verification);
    }

    /// <summary>The other three matters approved and the results issued on 2026-09-28.</summary>
    private static async Task CompleteAsync(EngineHarness h, Guid id)
    {
        h.SetDate(new LocalDate(2026, 9, 28));
        foreach (var task in await h.OpenTasksAsync(id, TaskKind.MatterDecision))
            await h.RunAsync(op => new DecideMatter(op, EngineHarness.Approver(task.DepartmentId!), task.Id, MatterDecision.Approve, null, []));
        await h.RunAsync(op => new IssueResults(op, EngineHarness.Window, id));
        Assert.Equal(InstanceStatus.Completed, (await h.LoadAsync(id)).Status);
    }

    [Fact]
    public async Task Choosing_commitment_at_filing_journals_the_signature_with_its_text_user_and_time()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2026, 9, 24, 9));

        var id = await FileOnCommitmentAsync(h, "SCJG-001");

        Assert.Equal(["SCJG-001"], (await h.LoadAsync(id)).CommitmentMatters);
        var signed = Assert.Single(await h.JournalAsync(id), j => j.Event == JournalEvents.CommitmentSigned);
        Assert.Equal(EngineHarness.Agent.UserId, signed.UserId);
        Assert.Equal(h.Clock.GetCurrentInstant(), signed.At);
        Assert.StartsWith("企业设立登记（核发营业执照）（SCJG-001）：本企业承诺所申报的住所（经营场所）真实", signed.Reasons);
    }

    [Fact]
    public async Task A_matter_the_catalogue_does_not_allow_on_commitment_is_refused_at_filing()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2026, 9, 24, 9));

        var refusal = await Assert.ThrowsAsync<InvalidInputException>(() => FileOnCommitmentAsync(h, "GA-001"));

        Assert.Equal("commitmentMatters", refusal.Field);
        Assert.Contains("eligible: SCJG-001", refusal.Message);
    }

    [Fact]
    public async Task Department_approves_on_commitment_on_the_day_of_acceptance_and_the_verification_opens_with_its_own_deadline()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2026, 9, 24, 9));
        var id = await FileOnCommitmentAsync(h, "SCJG-001");
        await h.RunAsync(op => new AcceptApplication(op, EngineHarness.Window, id));
        var licence = Assert.Single(await h.OpenTasksAsync(id, TaskKind.MatterDecision));
        // Taken up on the day of acceptance, decided within one working day (9-25 is 中秋).
        Assert.Equal(1, licence.LimitWorkingDays);
        Assert.Equal(new LocalDate(2026, 9, 28), licence.DueOn);

        var result = await h.RunAsync(op => new DecideMatter(op, EngineHarness.Approver("market-regulation"), licence.Id,
            MatterDecision.ApproveOnCommitment, null, []));

        var project = await h.LoadAsync(id);
        var decided = project.Tasks.Single(t => t.Id == licence.Id);
        Assert.Equal(Outcomes.ApprovedOnCommitment, decided.Outcome);
        Assert.Equal(Acceptance, h.Engine.Deadlines.Calendar.LocalDateOf(decided.DecidedAt!.Value));
        var verification = Assert.Single(project.Tasks, t => t.Kind == TaskKind.CommitmentVerification);
        Assert.Equal(("market-regulation", "SCJG-001", TaskStatus.Open), (verification.DepartmentId, verification.MatterCode, verification.Status));
        Assert.Equal(10, verification.LimitWorkingDays);
        Assert.Equal(VerificationDue, verification.DueOn);
        Assert.Contains(result.OpenedTasks!, t => t.TaskId == verification.Id);
        // The approval counts: the seal, invoice and social-insurance matters open.
        Assert.Equal(["GA-001", "RS-001", "SW-001"], (await h.OpenTasksAsync(id, TaskKind.MatterDecision)).Select(t => t.MatterCode!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Approving_on_commitment_a_matter_not_chosen_so_is_refused()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2026, 9, 24, 9));
        var id = await h.FileAndAcceptAsync(Definition);
        var licence = Assert.Single(await h.OpenTasksAsync(id, TaskKind.MatterDecision));

        await Assert.ThrowsAsync<ConflictException>(() => h.RunAsync(op => new DecideMatter(op, EngineHarness.Approver("market-regulation"),
            licence.Id, MatterDecision.ApproveOnCommitment, null, [])));

        Assert.Equal(TaskStatus.Open, (await h.LoadAsync(id)).Tasks.Single(t => t.Id == licence.Id).Status);
    }

    [Fact]
    public async Task Verification_confirmed_on_time_after_the_results_were_issued()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2026, 9, 24, 9));
        var (id, verification) = await ApprovedOnCommitmentAsync(h);
        await CompleteAsync(h, id);
        Assert.Equal(TaskStatus.Open, (await h.LoadAsync(id)).Tasks.Single(t => t.Id == verification.Id).Status);

        h.SetDate(new LocalDate(2026, 10, 14));
        await h.Scheduler.RunDueAsync();
        await h.RunAsync(op => new VerifyCommitment(op, EngineHarness.Approver("market-regulation"), verification.Id, true, "实地核查，住所与申报一致"));

        var project = await h.LoadAsync(id);
        var done = project.Tasks.Single(t => t.Id == verification.Id);
        Assert.Equal(Outcomes.CommitmentConfirmed, done.Outcome);
        Assert.Equal(InstanceStatus.Completed, project.Status);
        Assert.False(project.InvestorCreditMarked);
        var journal = await h.JournalAsync(id);
        // The follow-up date came (预警) after completion; the deadline did not.
        Assert.Contains(journal, j => j.Event == JournalEvents.TaskWarning && j.TaskId == verification.Id);
        Assert.DoesNotContain(journal, j => j.Event == JournalEvents.TaskOverdue && j.TaskId == verification.Id);
    }

    [Fact]
    public async Task Verification_left_past_its_deadline_turns_red_then_a_false_commitment_revokes_and_marks_the_unit()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2026, 9, 24, 9));
        var (id, verification) = await ApprovedOnCommitmentAsync(h);
        await CompleteAsync(h, id);

        h.Clock.Reset(h.Engine.Deadlines.Calendar.EndOfDay(VerificationDue) + Duration.FromMinutes(1));
        await h.Scheduler.RunDueAsync();
        var late = await h.Engine.ExecuteAsync(new VerifyCommitment(h.NextOperation(), EngineHarness.Approver("market-regulation"),
            verification.Id, false, "住所为虚假地址，无法联系"));

        var project = await h.LoadAsync(id);
        Assert.Equal(InstanceStatus.Completed, late.Status);
        Assert.True(project.InvestorCreditMarked);
        Assert.Equal(Outcomes.CommitmentFalse, project.Tasks.Single(t => t.Id == verification.Id).Outcome);
        var journal = await h.JournalAsync(id);
        Assert.Contains(journal, j => j.Event == JournalEvents.TaskOverdue && j.TaskId == verification.Id);
        var revoked = Assert.Single(journal, j => j.Event == JournalEvents.ApprovalRevoked);
        Assert.Equal("撤销企业设立登记（核发营业执照）（告知承诺）：住所为虚假地址，无法联系；项目单位 某某新材料有限公司 记入信用记录", revoked.Reasons);
        Assert.Equal("market-regulation", revoked.DepartmentId);

        // E-supervision counts the approval on commitment, the late verification and the revocation.
        var statistics = Statistics.Compute([project], h.Engine.Catalog, h.Engine.Deadlines.Calendar, h.Clock.GetCurrentInstant());
        var regulation = statistics.Departments.Single(d => d.DepartmentId == "market-regulation").Decisions;
        Assert.Equal((1, 0, 0, 1), (regulation.ApprovedOnCommitment, regulation.VerificationsOpen, regulation.CommitmentsConfirmed, regulation.Revoked));
    }

    [Fact]
    public async Task A_false_commitment_must_say_what_was_found_and_another_department_cannot_verify()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2026, 9, 24, 9));
        var (_, verification) = await ApprovedOnCommitmentAsync(h);

        var silent = await Assert.ThrowsAsync<InvalidInputException>(() => h.RunAsync(op =>
            new VerifyCommitment(op, EngineHarness.Approver("market-regulation"), verification.Id, false, " ")));
        await Assert.ThrowsAsync<NotFoundException>(() => h.RunAsync(op =>
            new VerifyCommitment(op, EngineHarness.Approver("taxation"), verification.Id, true, null)));

        Assert.Equal("findings", silent.Field);
    }

    [Fact]
    public async Task Open_verification_is_counted_overdue_while_it_waits()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2026, 9, 24, 9));
        var (id, _) = await ApprovedOnCommitmentAsync(h);
        await CompleteAsync(h, id);
        h.SetDate(new LocalDate(2026, 10, 16));

        var statistics = Statistics.Compute([await h.LoadAsync(id)], h.Engine.Catalog, h.Engine.Deadlines.Calendar, h.Clock.GetCurrentInstant());

        var regulation = statistics.Departments.Single(d => d.DepartmentId == "market-regulation").Decisions;
        Assert.Equal((1, 1), (regulation.VerificationsOpen, regulation.VerificationsOverdue));
    }
}
