using Approval.Engine.Activities;
using Approval.Engine.Journal;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Testing;
using NodaTime;
using TaskStatus = Approval.Engine.Runtime.TaskStatus;

namespace Approval.Engine.Tests.Runtime;

/// <summary>
/// 竣工联合验收 (seeds/004: 由发改、住建、规划、人防、消防共同参与、联合验收、一次办结), the fourth shipped procedure: it
/// follows a completed construction permit of the same project code, and runs across 中秋 and 国庆 2026.
/// </summary>
public sealed class JointCompletionAcceptanceTests
{
    private const string Definition = "joint-completion-acceptance";
    private const string Permit = "industrial-construction-permit";

    /// <summary>A construction permit filed, accepted and completed on 2026-06-01; returns its project code.</summary>
    private static async Task<string> CompletedPermitAsync(EngineHarness h)
    {
        h.SetDate(new LocalDate(2026, 6, 1));
        var permit = await h.FileAndAcceptAsync(Permit);
        await h.CompleteAllApprovedAsync(permit);
        var completed = await h.LoadAsync(permit);
        Assert.Equal(InstanceStatus.Completed, completed.Status);
        return completed.ProjectCode!;
    }

    [Fact]
    public async Task Acceptance_inspects_on_one_date_decides_in_parallel_and_issues_one_document_across_national_day()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2026, 6, 1, 9));
        var calendar = h.Engine.Deadlines.Calendar;
        var code = await CompletedPermitAsync(h);

        // Thursday 2026-09-24, the day before 中秋 (9-25..9-27) and a week before 国庆 (10-01..10-07, 10-10 a working Saturday).
        h.SetDate(new LocalDate(2026, 9, 24));
        var id = await h.FileAsync(Definition, projectCode: code);
        await h.RunAsync(op => new AcceptApplication(op, EngineHarness.Window, id));
        var accepted = await h.LoadAsync(id);
        Assert.Equal(code, accepted.ProjectCode);
        // 9-28, 9-29, 9-30, 10-08, 10-09, 10-10 (调休), 10-12, 10-13, 10-14, 10-15: the 10th working day after acceptance.
        Assert.Equal(new LocalDate(2026, 10, 15), accepted.DueOn);
        Assert.Equal("joint-inspection", accepted.CurrentActivityId);
        // The inspection has 3 working days: 9-28, 9-29, 9-30 (中秋 takes 9-25).
        Assert.Equal(new LocalDate(2026, 9, 30), accepted.StepDueOn);

        // One combined on-site inspection: five departments, one date.
        await h.RunAsync(op => new ScheduleSurvey(op, EngineHarness.Window, id, new LocalDate(2026, 9, 29)));
        h.SetDate(new LocalDate(2026, 9, 29));
        var inspection = await h.OpenTasksAsync(id, TaskKind.SurveyFinding);
        Assert.Equal(["civil-air-defence", "development-reform", "fire-rescue", "housing-construction", "natural-resources"],
            inspection.Select(t => t.DepartmentId!).Order(StringComparer.Ordinal));
        foreach (var task in inspection)
            await h.RunAsync(op => new RecordFindings(op, EngineHarness.Approver(task.DepartmentId!), task.Id, true, "现场与竣工图一致"));

        // Parallel acceptance decisions: 竣工验收备案 waits for 规划核实, 人防 and 消防.
        var decisions = await h.LoadAsync(id);
        Assert.Equal("acceptance-decisions", decisions.CurrentActivityId);
        Assert.Equal(TaskStatus.Waiting, decisions.Tasks.Single(t => t.MatterCode == "ZJ-005").Status);
        var open = await h.OpenTasksAsync(id, TaskKind.MatterDecision);
        Assert.Equal(["FG-002", "RF-002", "ZJ-004", "ZRZY-003"], open.Select(t => t.MatterCode!).Order(StringComparer.Ordinal));
        // Three working days from 9-29: 9-30, 10-08, 10-09.
        Assert.All(open, t => Assert.Equal(new LocalDate(2026, 10, 9), t.DueOn));

        h.SetDate(new LocalDate(2026, 10, 8));
        foreach (var task in open)
            await h.RunAsync(op => new DecideMatter(op, EngineHarness.Approver(task.DepartmentId!), task.Id, MatterDecision.Approve, "验收合格", []));
        var filing = Assert.Single(await h.OpenTasksAsync(id, TaskKind.MatterDecision));
        Assert.Equal("ZJ-005", filing.MatterCode);
        // Two working days from 10-08: 10-09 and the working Saturday 10-10.
        Assert.Equal(new LocalDate(2026, 10, 10), filing.DueOn);
        Assert.Equal(calendar.Deadline(new LocalDate(2026, 10, 8), 2).Date, filing.DueOn);

        h.SetDate(new LocalDate(2026, 10, 10));
        await h.RunAsync(op => new DecideMatter(op, EngineHarness.Approver("housing-construction"), filing.Id, MatterDecision.Approve, "予以备案", []));
        Assert.Equal("completion", (await h.LoadAsync(id)).CurrentActivityId);

        h.SetDate(new LocalDate(2026, 10, 12));
        var issued = await h.RunAsync(op => new IssueResults(op, EngineHarness.Window, id));

        var completed = await h.LoadAsync(id);
        Assert.Equal(InstanceStatus.Completed, issued.Status);
        Assert.True(completed.OnTime);
        var journal = await h.JournalAsync(id);
        var link = Assert.Single(journal, j => j.Event == JournalEvents.FollowsApplication);
        Assert.Equal($"工业建设项目施工许可（投资项目统一代码 {code}，2026-06-01 办结）", link.Reasons);
        var done = Assert.Single(journal, j => j.Event == JournalEvents.Completed);
        Assert.StartsWith("出具联合验收意见书；用时 7 个工作日", done.Reasons);
    }

    [Fact]
    public async Task Filing_without_a_project_code_is_refused_on_the_code()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2026, 9, 24, 9));

        var refusal = await Assert.ThrowsAsync<InvalidInputException>(() => h.FileAsync(Definition, handIn: false));

        Assert.Equal("project.projectCode", refusal.Field);
        Assert.Contains("follows 工业建设项目施工许可 (industrial-construction-permit)", refusal.Message);
    }

    [Fact]
    public async Task Filing_on_a_permit_still_running_is_refused_and_nothing_is_stored()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2026, 9, 24, 9));
        var permit = await h.FileAndAcceptAsync(Permit);
        var code = (await h.LoadAsync(permit)).ProjectCode!;

        var refusal = await Assert.ThrowsAsync<InvalidInputException>(() => h.FileAsync(Definition, projectCode: code, handIn: false));

        Assert.Equal("project.projectCode", refusal.Field);
        Assert.Contains($"No completed application of 工业建设项目施工许可 (industrial-construction-permit) with project code {code}", refusal.Message);
        await using var db = h.Database.CreateContext();
        Assert.Equal(1, db.Instances.Count());
    }

    [Fact]
    public async Task Another_project_unit_cannot_follow_a_permit_that_is_not_its_own()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2026, 6, 1, 9));
        var code = await CompletedPermitAsync(h);
        var intake = h.Engine.Catalog.Latest(Definition).Intake;
        var other = new Actor("investor-2", ActorRole.Investor);
        var project = new ProjectDetails("某厂房项目", other.UserId, "另一家公司", "320193", "C26", 100m, code, "王五", "13812345678");

        var refusal = await Assert.ThrowsAsync<InvalidInputException>(() => h.Engine.ExecuteAsync(
            new FileApplication(h.NextOperation(), other, Definition, project, [.. intake.Materials.Select(m => m.Code)])));

        // The same answer as for a code that names nothing: nobody learns of another unit's projects.
        Assert.Equal("project.projectCode", refusal.Field);
        Assert.Contains("No completed application", refusal.Message);
    }

    [Fact]
    public async Task A_department_that_misses_the_inspection_blocks_the_step()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2026, 6, 1, 9));
        var code = await CompletedPermitAsync(h);
        h.SetDate(new LocalDate(2026, 9, 24));
        var id = await h.FileAsync(Definition, projectCode: code);
        await h.RunAsync(op => new AcceptApplication(op, EngineHarness.Window, id));
        await h.RunAsync(op => new ScheduleSurvey(op, EngineHarness.Window, id, new LocalDate(2026, 9, 28)));
        h.SetDate(new LocalDate(2026, 9, 28));
        foreach (var task in (await h.OpenTasksAsync(id, TaskKind.SurveyFinding)).Where(t => t.DepartmentId != "fire-rescue"))
            await h.RunAsync(op => new RecordFindings(op, EngineHarness.Approver(task.DepartmentId!), task.Id, true, "合格"));
        var absent = Assert.Single(await h.OpenTasksAsync(id, TaskKind.SurveyFinding));

        h.Clock.Reset(h.Engine.Deadlines.Calendar.EndOfDay(absent.DueOn!.Value) + Duration.FromMinutes(1));
        await h.Scheduler.RunDueAsync();

        var after = await h.LoadAsync(id);
        Assert.Equal("joint-inspection", after.CurrentActivityId);
        Assert.Equal(TaskStatus.Open, after.Tasks.Single(t => t.Id == absent.Id).Status);
        Assert.Contains(await h.JournalAsync(id), j => j.Event == JournalEvents.TaskOverdue && j.TaskId == absent.Id);
        Assert.DoesNotContain(after.Tasks, t => t.Outcome == Outcomes.DeemedAgreed);
    }
}
