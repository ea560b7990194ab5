using Approval.Browser.Tests.Infrastructure;
using Approval.Engine.Calendar;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Supervision;
using Approval.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NodaTime;
using static Approval.Browser.Tests.Window.WindowPages;

namespace Approval.Browser.Tests.Window;

/// <summary>集中踏勘安排: the departments and their findings, and one date that must be a working day.</summary>
public sealed class WindowSurveyTests(ProductServer product) : BrowserTest(product)
{
    [Fact]
    public async Task A_non_working_day_is_refused_next_to_the_field_and_a_working_day_is_fixed()
    {
        var id = await AtSurveyAsync(Product.Services, UniqueName("踏勘测试项目"));
        var calendar = Product.Services.GetRequiredService<IWorkingDayCalendars>().National;
        var today = Product.Services.GetRequiredService<ProjectReader>().Today;
        var restDay = Next(today, d => !calendar.IsWorkingDay(d));
        var workingDay = Next(today, calendar.IsWorkingDay);
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "window");
        await GotoAsync(page, $"/window/survey/{id}");

        Assert.StartsWith("集中踏勘安排：", await HeadingAsync(page));
        var departments = page.GetByRole(AriaRole.Table, new() { Name = "参加踏勘的部门" });
        await Assertions.Expect(departments.Locator("tbody tr").First).ToContainTextAsync("待确定踏勘日期");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("缺席");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "window-survey");

        await page.GetByLabel("踏勘日期").FillAsync(restDay.ToString("yyyy-MM-dd", null));
        await page.GetByRole(AriaRole.Button, new() { Name = "确定踏勘日期" }).ClickAsync();
        await Assertions.Expect(page.Locator("#survey-date-error")).ToContainTextAsync("不是工作日");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("不是工作日");
        Assert.Null((await ProjectAsync(Product.Services, id)).SurveyOn);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("踏勘日期").FillAsync(workingDay.ToString("yyyy-MM-dd", null));
        await page.GetByRole(AriaRole.Button, new() { Name = "确定踏勘日期" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("踏勘日期已确定");
        Assert.Equal(workingDay, (await ProjectAsync(Product.Services, id)).SurveyOn);
        await Assertions.Expect(departments.Locator("tbody tr").First).ToContainTextAsync("尚未录入");
    }

    [Fact]
    public async Task Findings_show_who_recorded_them_and_the_departments_still_absent()
    {
        var id = await AtSurveyAsync(Product.Services, UniqueName("踏勘意见测试项目"));
        var calendar = Product.Services.GetRequiredService<IWorkingDayCalendars>().National;
        var today = Product.Services.GetRequiredService<ProjectReader>().Today;
        Assert.SkipUnless(calendar.IsWorkingDay(today), "Findings are recorded from the survey day on, which must be a working day: today is not.");
        var engine = Product.Services.GetRequiredService<WorkflowEngine>();
        await engine.ExecuteAsync(new ScheduleSurvey(Guid.NewGuid().ToString(), WindowPages.Window, id, today));
        var task = (await ProjectAsync(Product.Services, id)).Tasks.First(t => t.Kind == TaskKind.SurveyFinding && t.IsOpen);
        await using (var scope = Product.Services.CreateAsyncScope())
        {
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync($"approver-{task.DepartmentId}");
            await engine.ExecuteAsync(new RecordFindings(Guid.NewGuid().ToString(), new Actor(user!.Id, ActorRole.Approver, task.DepartmentId),
                task.Id, true, "现场与规划条件一致"));
        }
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "window");

        await GotoAsync(page, $"/window/survey/{id}");

        var rows = page.GetByRole(AriaRole.Table, new() { Name = "参加踏勘的部门" }).Locator("tbody tr");
        var recorded = rows.Filter(new() { HasText = "现场与规划条件一致" });
        await Assertions.Expect(recorded).ToContainTextAsync("审批员");
        await Assertions.Expect(rows.Filter(new() { HasText = "尚未录入（缺席）" }).First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_agent_gets_the_forbidden_page()
    {
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "agent");
        await GotoAsync(page, $"/window/survey/{Guid.NewGuid()}", 403);
    }

    private static LocalDate Next(LocalDate today, Func<LocalDate, bool> wanted)
    {
        var day = today.PlusDays(1);
        while (!wanted(day)) day = day.PlusDays(1);
        return day;
    }
}
