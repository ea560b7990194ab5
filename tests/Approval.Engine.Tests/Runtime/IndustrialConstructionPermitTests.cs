using Approval.Engine.Activities;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Testing;
using NodaTime;
using TaskStatus = Approval.Engine.Runtime.TaskStatus;

namespace Approval.Engine.Tests.Runtime;

/// <summary>The 50-working-day permit through all five activities, across the 2024 National Day week.</summary>
public sealed class IndustrialConstructionPermitTests
{
    private const string Definition = "industrial-construction-permit";

    [Fact]
    public async Task Fifty_day_permit_crosses_national_day_with_corrections_absence_stops_extension_and_deemed_approval()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 9, 20, 9));
        var calendar = h.Engine.Deadlines.Calendar;
        var intake = h.Engine.Catalog.Latest(Definition).Intake;
        var id = await h.FileAsync(Definition, intake.Materials.Where(m => m.Code != "fire-design").Select(m => m.Code));

        // 容缺受理: the fire design is promised for 2024-09-27.
        await h.RunAsync(op => new AcceptWithDeficiencies(op, EngineHarness.Window, id, new LocalDate(2024, 9, 27)));
        var accepted = await h.LoadAsync(id);
        var due = calendar.Deadline(new LocalDate(2024, 9, 20), 50).Date;
        Assert.Equal(due, accepted.DueOn);
        Assert.Equal(["fire-design"], accepted.Deficiencies);
        Assert.Equal("joint-pre-review", accepted.CurrentActivityId);

        // Joint pre-review: two departments ask for corrections, merged into one notice.
        foreach (var task in await h.OpenTasksAsync(id, TaskKind.PreReviewOpinion))
        {
            var asks = task.DepartmentId is "natural-resources" or "fire-rescue";
            await h.RunAsync(op => new GiveOpinion(op, EngineHarness.Approver(task.DepartmentId!), task.Id, !asks,
                asks ? [$"{task.DepartmentId} 补充说明"] : [], null));
        }
        var correction = Assert.Single(await h.OpenTasksAsync(id, TaskKind.ApplicantCorrection));
        Assert.Equal(2, correction.Items.Count);
        // The 容缺 item arrives on paper at the window, which fulfils the promise.
        await h.HandInAsync(id, ["fire-design"]);

        // The applicant corrects three days later (9-24 Tue); only the two departments that asked re-check.
        h.SetDate(new LocalDate(2024, 9, 24));
        await h.RunAsync(op => new SubmitCorrection(op, EngineHarness.Agent, correction.Id, ["design-scheme"], "已补充"));
        var recheck = await h.OpenTasksAsync(id, TaskKind.PreReviewOpinion);
        Assert.Equal(["fire-rescue", "natural-resources"], recheck.Select(t => t.DepartmentId!).Order().ToArray());
        Assert.All(recheck, t => Assert.Equal(2, t.Round));
        var stopped = await h.LoadAsync(id);
        // 9-23 (Mon) and 9-24 were the applicant's time: the project deadline moves out by two working days.
        Assert.Equal(calendar.Deadline(due, 2).Date, stopped.DueOn);
        foreach (var task in recheck)
            await h.RunAsync(op => new GiveOpinion(op, EngineHarness.Approver(task.DepartmentId!), task.Id, true, [], "已补正"));
        Assert.Equal("site-survey", (await h.LoadAsync(id)).CurrentActivityId);

        // Combined site survey on 9-25; the civil air defence office never records findings: 缺席默认.
        await h.RunAsync(op => new ScheduleSurvey(op, EngineHarness.Window, id, new LocalDate(2024, 9, 25)));
        h.SetDate(new LocalDate(2024, 9, 25));
        foreach (var task in (await h.OpenTasksAsync(id, TaskKind.SurveyFinding)).Where(t => t.DepartmentId != "civil-air-defence"))
            await h.RunAsync(op => new RecordFindings(op, EngineHarness.Approver(task.DepartmentId!), task.Id, true, "现场与方案一致"));
        var silent = Assert.Single(await h.OpenTasksAsync(id, TaskKind.SurveyFinding));
        h.Clock.Reset(calendar.EndOfDay(silent.DueOn!.Value) + Duration.FromMinutes(1));
        await h.Scheduler.RunDueAsync();
        var afterSurvey = await h.LoadAsync(id);
        Assert.Equal(Outcomes.DeemedAgreed, afterSurvey.Tasks.Single(t => t.Id == silent.Id).Outcome);
        Assert.Equal("parallel-approvals", afterSurvey.CurrentActivityId);

        // Parallel approvals: dependencies hold back the construction permit and the planning permit.
        var open = await h.OpenTasksAsync(id, TaskKind.MatterDecision);
        Assert.DoesNotContain(open, t => t.MatterCode is "ZRZY-002" or "ZJ-003");
        Assert.Equal(TaskStatus.Waiting, afterSurvey.Tasks.Single(t => t.MatterCode == "ZJ-003").Status);

        var eia = open.Single(t => t.MatterCode == "HB-001");
        await h.RunAsync(op => new StopClock(op, EngineHarness.Approver("ecology-environment"), eia.Id, ClockStopReason.ExpertReview,
            "环评报告需组织专家评审，预计5个工作日，评审时间不计入审批时限。", 5));
        var fire = open.Single(t => t.MatterCode == "ZJ-002");
        var ext = await h.RunAsync(op => new RequestExtension(op, EngineHarness.Approver("housing-construction"), fire.Id, 5, "图纸涉及特殊消防设计，需延长审查"));
        await h.RunAsync(op => new DecideExtension(op, EngineHarness.Supervisor, ext.ExtensionId!.Value, true, "同意延期"));
        var extended = (await h.LoadAsync(id)).Tasks.Single(t => t.Id == fire.Id);
        Assert.Equal(calendar.Deadline(fire.OpenedOn!.Value, 15).Date, extended.DueOn);

        foreach (var task in open.Where(t => t.MatterCode is not ("HB-001" or "RF-001")))
            await h.RunAsync(op => new DecideMatter(op, EngineHarness.Approver(task.DepartmentId!), task.Id, MatterDecision.Approve, null, []));
        var planning = Assert.Single(await h.OpenTasksAsync(id, TaskKind.MatterDecision), t => t.MatterCode == "ZRZY-002");
        await h.RunAsync(op => new DecideMatter(op, EngineHarness.Approver("natural-resources"), planning.Id, MatterDecision.Approve, null, []));

        // The expert review ends on 10-11; counting resumes 10-12 (an adjusted Saturday).
        h.SetDate(new LocalDate(2024, 10, 11));
        await h.RunAsync(op => new ResumeClock(op, EngineHarness.Approver("ecology-environment"), eia.Id, new LocalDate(2024, 10, 12)));
        await h.RunAsync(op => new DecideMatter(op, EngineHarness.Approver("ecology-environment"), eia.Id, MatterDecision.Approve, null, []));

        // The civil air defence office lets its 7 days run out: 超时默许.
        var airDefence = (await h.LoadAsync(id)).Tasks.Single(t => t.MatterCode == "RF-001");
        Assert.Equal(TaskStatus.Open, airDefence.Status);
        h.Clock.Reset(calendar.EndOfDay(airDefence.DueOn!.Value) + Duration.FromMinutes(5));
        await h.Scheduler.RunDueAsync();
        Assert.Equal(Outcomes.DeemedApproved, (await h.LoadAsync(id)).Tasks.Single(t => t.Id == airDefence.Id).Outcome);

        var permit = Assert.Single(await h.OpenTasksAsync(id, TaskKind.MatterDecision));
        Assert.Equal("ZJ-003", permit.MatterCode);
        await h.RunAsync(op => new DecideMatter(op, EngineHarness.Approver("housing-construction"), permit.Id, MatterDecision.Approve, null, []));

        var done = await h.RunAsync(op => new IssueResults(op, EngineHarness.Window, id));
        var completed = await h.LoadAsync(id);
        Assert.Equal(InstanceStatus.Completed, done.Status);
        Assert.True(completed.OnTime);
        Assert.Equal(5, completed.ExtensionWorkingDays);
        var journal = await h.JournalAsync(id);
        Assert.Equal(Enumerable.Range(1, journal.Count), journal.Select(j => j.Sequence));
        foreach (var evt in new[] { "AcceptedWithDeficiencies", "CorrectionRequested", "DeficienciesSupplied", "SurveyScheduled",
                     "ClockStopped", "ClockResumed", "ExtensionRequested", "ExtensionApproved", "Completed" })
            Assert.Contains(journal, j => j.Event == evt);
    }
}
