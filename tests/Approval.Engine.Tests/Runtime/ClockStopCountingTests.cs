using Approval.Engine.Calendar;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Supervision;
using Approval.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Approval.Engine.Tests.Runtime;

/// <summary>
/// One rule for the days a clock stop covers (PRODUCT.md, Time): a 补正 asked on D and answered on E stops D+1 … E,
/// and the task, its step, the project and the calendar (with the same days as <c>stops=</c>) all count exactly those.
/// </summary>
public sealed class ClockStopCountingTests
{
    private const string Permit = "industrial-construction-permit";
    private const int PermitDays = 50;
    private const int PreReviewDays = 5;

    /// <summary>Asked on, answered on, and the days stopped as the calendar API's <c>stops=</c> writes them.</summary>
    public static TheoryData<string, string, string, string> Corrections => new()
    {
        // The day of the request is used; counting restarts the day after the answer: nothing is stopped.
        { "answer the same day", "2026-12-02", "2026-12-02", "" },
        { "answer the next day", "2026-12-02", "2026-12-03", "2026-12-03" },
        // Friday to Monday: Saturday and Sunday are inside the stop but only Monday is a working day.
        { "answer across a weekend", "2026-12-04", "2026-12-07", "2026-12-05..2026-12-07" },
        // A Saturday answer stops a Saturday: no working day.
        { "answer on a Saturday", "2026-12-04", "2026-12-05", "2026-12-05" },
        // 国庆 2026 (10-01 … 10-07): only 10-08 is a working day inside the stop.
        { "answer across national day", "2026-09-30", "2026-10-08", "2026-10-01..2026-10-08" },
    };

    [Theory]
    [MemberData(nameof(Corrections))]
    public async Task A_pre_review_correction_stops_the_same_days_for_the_recheck_the_step_the_project_and_the_calendar(
        string _, string asked, string answered, string stopped)
    {
        var (askedOn, answeredOn) = (Date(asked), Date(answered));
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(askedOn.Year, askedOn.Month, askedOn.Day, 9));
        var id = await h.FileAndAcceptAsync(Permit);
        await AskCorrectionAsync(h, id, "natural-resources");
        h.SetDate(answeredOn);

        await AnswerCorrectionAsync(h, id);

        var project = await h.LoadAsync(id);
        var stops = ClockStops.Parse(stopped);
        var calendar = h.Engine.Deadlines.Calendar;
        Assert.Equal(stops.ToString(), h.Engine.Deadlines.StopsOf(project, _ => true).ToString());
        Assert.Equal(calendar.Deadline(askedOn, PermitDays, stops).Date, project.DueOn);
        Assert.Equal(calendar.Deadline(askedOn, PreReviewDays, stops).Date, project.StepDueOn);
        var recheck = Assert.Single(project.Tasks, t => t.Kind == TaskKind.PreReviewOpinion && t.Round == 2);
        Assert.Equal(project.StepDueOn, recheck.DueOn);
        Assert.Equal(calendar.WorkingDaysBetween(askedOn, answeredOn, stops).Days, h.Engine.Deadlines.WorkingDaysUsed(project, answeredOn));
    }

    [Fact]
    public async Task Two_corrections_in_one_step_each_stop_their_own_days()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2026, 12, 2, 9));
        var id = await h.FileAndAcceptAsync(Permit);
        await AskCorrectionAsync(h, id, "natural-resources");
        h.SetDate(new LocalDate(2026, 12, 4));
        await AnswerCorrectionAsync(h, id);
        h.SetDate(new LocalDate(2026, 12, 7));
        await AskCorrectionAsync(h, id, "natural-resources");
        h.SetDate(new LocalDate(2026, 12, 9));

        await AnswerCorrectionAsync(h, id);

        var project = await h.LoadAsync(id);
        var stops = ClockStops.Parse("2026-12-03..2026-12-04,2026-12-08..2026-12-09");
        var calendar = h.Engine.Deadlines.Calendar;
        var accepted = new LocalDate(2026, 12, 2);
        Assert.Equal(calendar.Deadline(accepted, PermitDays, stops).Date, project.DueOn);
        Assert.Equal(calendar.Deadline(accepted, PreReviewDays, stops).Date, project.StepDueOn);
        var recheck = Assert.Single(project.Tasks, t => t.Kind == TaskKind.PreReviewOpinion && t.Round == 3);
        Assert.Equal(project.StepDueOn, recheck.DueOn);
    }

    [Fact]
    public async Task Overlapping_stops_of_two_matters_count_once_for_the_project_and_each_for_its_own_matter()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2026, 12, 1, 9));
        var id = await h.FileAndAcceptAsync("enterprise-establishment");
        await ApproveBusinessLicenceAsync(h, id);
        var tax = await MatterAsync(h, id, "SW-001");
        var seal = await MatterAsync(h, id, "GA-001");
        await StopAsync(h, seal);                          // 12-01: the seal's clock stops from 12-02
        h.SetDate(new LocalDate(2026, 12, 2));
        await StopAsync(h, tax);                           // 12-02: the tax matter's from 12-03
        h.SetDate(new LocalDate(2026, 12, 3));
        await h.RunAsync(op => new ResumeClock(op, EngineHarness.Approver(seal.DepartmentId!), seal.Id, null));
        h.SetDate(new LocalDate(2026, 12, 7));

        await h.RunAsync(op => new ResumeClock(op, EngineHarness.Approver(tax.DepartmentId!), tax.Id, null));

        var project = await h.LoadAsync(id);
        var calendar = h.Engine.Deadlines.Calendar;
        var accepted = new LocalDate(2026, 12, 1);
        var sealStops = ClockStops.Parse("2026-12-02..2026-12-03");
        var taxStops = ClockStops.Parse("2026-12-03..2026-12-07");
        var both = ClockStops.Parse("2026-12-02..2026-12-03,2026-12-03..2026-12-07");
        Assert.Equal("2026-12-02..2026-12-07", both.ToString());
        Assert.Equal(calendar.Deadline(accepted, seal.LimitWorkingDays, sealStops).Date, project.Tasks.Single(t => t.Id == seal.Id).DueOn);
        Assert.Equal(calendar.Deadline(accepted, tax.LimitWorkingDays, taxStops).Date, project.Tasks.Single(t => t.Id == tax.Id).DueOn);
        Assert.Equal(calendar.Deadline(accepted, 3, both).Date, project.DueOn);
        Assert.Equal(calendar.Deadline(accepted, 2, both).Date, project.StepDueOn);
    }

    [Fact]
    public async Task A_stopped_project_is_not_yellow_for_the_days_its_clock_stood_still()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2026, 12, 1, 9), configure: s =>
        {
            s.Engine.YellowWhenWorkingDaysLeft = 0;
            s.Engine.YellowWhenShareUsed = 0.5;
        });
        var id = await h.FileAndAcceptAsync("enterprise-establishment");
        var licence = await MatterAsync(h, id, "SCJG-001");
        await StopAsync(h, licence, expectedWorkingDays: 5);   // 12-02 … 12-08 do not count
        h.SetDate(new LocalDate(2026, 12, 3));

        var project = await h.LoadAsync(id);
        var lights = h.Services.GetRequiredService<LightPolicy>();

        // Two working days have passed, none of them counted: 0 of 3 used.
        Assert.Equal(0, h.Engine.Deadlines.WorkingDaysUsed(project, h.Today));
        Assert.Equal(3, h.Engine.Deadlines.WorkingDaysLeft(project, h.Today));
        Assert.Equal(Light.Green, lights.Of(h.Clock.GetCurrentInstant(), project));
    }

    private static LocalDate Date(string text) => NodaTime.Text.LocalDatePattern.Iso.Parse(text).Value;

    /// <summary>Every pre-review department answers today; one asks for a correction.</summary>
    private static async Task AskCorrectionAsync(EngineHarness h, Guid id, string asking)
    {
        foreach (var task in await h.OpenTasksAsync(id, TaskKind.PreReviewOpinion))
        {
            var asks = task.DepartmentId == asking;
            await h.RunAsync(op => new GiveOpinion(op, EngineHarness.Approver(task.DepartmentId!), task.Id, !asks,
                asks ? ["宗地图与出让合同不一致"] : [], null));
        }
    }

    private static async Task AnswerCorrectionAsync(EngineHarness h, Guid id)
    {
        var correction = Assert.Single(await h.OpenTasksAsync(id, TaskKind.ApplicantCorrection));
        await h.RunAsync(op => new SubmitCorrection(op, EngineHarness.Agent, correction.Id, ["cadastral-map"], "已更正"));
    }

    private static async Task ApproveBusinessLicenceAsync(EngineHarness h, Guid id)
    {
        var licence = await MatterAsync(h, id, "SCJG-001");
        await h.RunAsync(op => new DecideMatter(op, EngineHarness.Approver(licence.DepartmentId!), licence.Id, MatterDecision.Approve, "准予登记", []));
    }

    private static async Task<WorkTask> MatterAsync(EngineHarness h, Guid id, string matter) =>
        Assert.Single(await h.OpenTasksAsync(id, TaskKind.MatterDecision), t => t.MatterCode == matter);

    private static Task StopAsync(EngineHarness h, WorkTask task, int expectedWorkingDays = 3) =>
        h.RunAsync(op => new StopClock(op, EngineHarness.Approver(task.DepartmentId!), task.Id, ClockStopReason.ExpertReview,
            "组织专家评审", expectedWorkingDays));
}
