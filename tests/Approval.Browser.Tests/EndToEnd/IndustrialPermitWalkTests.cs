using Approval.Browser.Tests.Infrastructure;
using Approval.Browser.Tests.My;
using Approval.Engine.Calendar;
using Approval.Engine.Runtime;
using Approval.Engine.Supervision;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Approval.Browser.Tests.EndToEnd;

/// <summary>
/// 工业建设项目施工许可 (50 working days) through all five steps, every action in the browser of the person who takes
/// it: the agent files leaving materials out; the window returns it with a one-time notice; the agent resubmits part
/// and the window accepts with 容缺; the agent supplies the rest; the pre-review departments give opinions (one asks
/// for a correction that the agent answers); the window fixes the survey date and the departments record findings;
/// one approver's extension is approved by the supervisor and the due dates move; the last two matters are decided
/// at the same moment in two browsers; the window issues the results and the investor tracks it completed on time.
/// </summary>
public sealed partial class IndustrialPermitWalkTests(ProductServer product) : EndToEndWalk(product)
{
    private const string Industrial = "industrial-construction-permit";
    private const string ProcedureName = "工业建设项目施工许可";
    private const string EnergyReport = "energy-report";      // required, never 容缺
    private const string FireDesign = "fire-design";          // required, 容缺 allowed
    private const string CivilAirDefence = "civil-air-defence";

    [Fact]
    public async Task An_industrial_permit_goes_through_all_five_steps_in_the_browser()
    {
        var name = ApplicantPages.UniqueName("e2e年产5万吨新型建材项目");

        // 一窗受理: filed without two required materials, returned, resubmitted in part, accepted with 容缺.
        var id = await FileAsync(Industrial, ProcedureName, name, EnergyReport, FireDesign);
        await ReturnWithNoticeAsync(id);
        await ResubmitAsync(id);
        var (code, key) = await AcceptWithDeficiencyAsync(id);
        await SupplyDeficiencyAsync(id);

        // 联合预审: one department asks for a correction, the agent answers, the department passes.
        await PreReviewAsync(id);

        // 集中踏勘: the window fixes today; the departments record their findings from that day on.
        var calendar = Product.Services.GetRequiredService<IWorkingDayCalendars>().National;
        var today = Product.Services.GetRequiredService<ProjectReader>().Today;
        // The product's clock is the machine's and the browser cannot move it: findings may be recorded from the
        // survey day on, which must be a working day. On a rest day the rest of the walk cannot be done (as in
        // WindowSurveyTests).
        Assert.SkipUnless(calendar.IsWorkingDay(today), "Findings are recorded from the survey day on, which must be a working day: today is not.");
        await SurveyAsync(id, today);

        // 并联审批: an extension approved by the supervisor moves the due dates; the last two matters at once.
        await ExtensionAsync(id, code, key, name);
        await DecideMattersAsync(id);

        // 限时办结、统一窗口出件; the investor's tracking.
        await IssueResultsAsync(id, "e2e-industrial-results");
        var agent = await PersonAsync("agent");
        await GotoAsync(agent, $"/my/projects/{id}");
        await Assertions.Expect(Fact(agent, "办结日期")).ToContainTextAsync("（按时办结）", new() { Timeout = Slow });
        await Screenshots.SaveAsync(agent, "e2e-industrial-completed");
        await TrackCompletedAsync(code, key, name, "e2e-industrial-track");
        var project = await ProjectAsync(id);
        Assert.Equal(InstanceStatus.Completed, project.Status);
        Assert.True(project.OnTime);
    }
}
