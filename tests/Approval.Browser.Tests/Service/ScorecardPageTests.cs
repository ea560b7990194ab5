using Approval.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Approval.Browser.Tests.Supervision.SupervisedProjects;

namespace Approval.Browser.Tests.Service;

/// <summary>The public 成绩单 (/public/scorecard): per department on-time rate, average working days and satisfaction, no sign-in.</summary>
public sealed class ScorecardPageTests(ProductServer product) : BrowserTest(product)
{
    [Fact]
    public async Task Anyone_reads_each_departments_on_time_rate_days_and_satisfaction()
    {
        await AfterServiceData.BadRatingAsync(Product.Services, UniqueName("成绩单页测试有限公司设立"));
        var page = await OpenAsync("/public/scorecard");

        Assert.Equal("审批部门成绩单", await HeadingAsync(page));
        var market = page.Locator("#scorecard tr", new() { HasText = "市市场监督管理局" });
        await Assertions.Expect(market).ToContainTextAsync("%");
        await Assertions.Expect(page.Locator("#scorecard")).Not.ToContainTextAsync("investor");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "public-scorecard");

        await GotoAsync(page, "/public/scorecard?from=2026-10-10&to=2026-10-01");
        await Assertions.Expect(page.Locator("#to-error")).ToContainTextAsync("统计截止日期不能早于起始日期");
        await Accessibility.AssertNoViolationsAsync(page);
    }
}
