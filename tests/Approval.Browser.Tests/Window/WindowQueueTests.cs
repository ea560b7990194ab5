using Approval.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Approval.Browser.Tests.Window.WindowPages;

namespace Approval.Browser.Tests.Window;

/// <summary>综合窗口: the intake queue oldest first, the surveys and results waiting; only the window clerk gets in.</summary>
public sealed class WindowQueueTests(ProductServer product) : BrowserTest(product)
{
    [Fact]
    public async Task The_queue_lists_a_filing_with_procedure_applicant_and_agent_and_opens_its_review()
    {
        var earlier = UniqueName("窗口队列先申报项目");
        await FileAsync(Product.Services, Enterprise, earlier);
        var name = UniqueName("窗口队列测试项目");
        var id = await FileAsync(Product.Services, Industrial, name);
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "window");

        await GotoAsync(page, "/window");

        Assert.Equal("综合窗口", await HeadingAsync(page));
        var queue = page.GetByRole(AriaRole.Table, new() { Name = "待受理的申报" });
        var row = queue.GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        await Assertions.Expect(row).ToContainTextAsync("工业建设项目施工许可");
        await Assertions.Expect(row).ToContainTextAsync("某某新材料科技有限公司");
        await Assertions.Expect(row).ToContainTextAsync("代办员 李明");
        await Assertions.Expect(row).ToContainTextAsync("年");
        // Oldest first: the one filed before comes before.
        var names = (await queue.Locator("tbody tr td:first-child").AllInnerTextsAsync()).ToList();
        Assert.InRange(names.IndexOf(earlier), 0, names.IndexOf(name) - 1);
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "集中踏勘" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "待统一出件" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "window-queue");

        await row.GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync($"**/window/intake/{id}");
        Assert.Equal($"受理审查：{name}", await HeadingAsync(page));
    }

    [Fact]
    public async Task Projects_waiting_for_a_survey_date_and_for_results_are_listed_with_their_links()
    {
        var survey = await AtSurveyAsync(Product.Services, UniqueName("待踏勘项目"));
        var results = await AtCompletionAsync(Product.Services, UniqueName("待出件项目"));
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "window");

        await GotoAsync(page, "/window");

        var surveyName = (await ProjectAsync(Product.Services, survey)).ProjectName;
        var resultsName = (await ProjectAsync(Product.Services, results)).ProjectName;
        var surveyRow = page.GetByRole(AriaRole.Table, new() { Name = "集中踏勘" }).GetByRole(AriaRole.Row).Filter(new() { HasText = surveyName });
        await Assertions.Expect(surveyRow).ToContainTextAsync("待定");
        await Assertions.Expect(surveyRow.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", $"/window/survey/{survey}");
        var resultsRow = page.GetByRole(AriaRole.Table, new() { Name = "待统一出件" }).GetByRole(AriaRole.Row).Filter(new() { HasText = resultsName });
        await Assertions.Expect(resultsRow.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", $"/window/results/{results}");
    }

    [Fact]
    public async Task An_agent_gets_the_forbidden_page_and_an_anonymous_visitor_is_sent_to_sign_in()
    {
        var agent = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(agent, "agent");
        await GotoAsync(agent, "/window", 403);
        Assert.Equal("无权访问此页面", await HeadingAsync(agent));

        var anonymous = await OpenAsync("/window");
        Assert.Contains("/account/login", anonymous.Url);
        Assert.Contains("returnUrl=%2Fwindow", anonymous.Url);
    }
}
