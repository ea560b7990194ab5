using Approval.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Approval.Browser.Tests.Supervision.SupervisedProjects;

namespace Approval.Browser.Tests.Service;

/// <summary>The supervisor's 好差评与整改 (/supervision/ratings) and 绩效排名 (/supervision/ranking) pages.</summary>
public sealed class ServiceReportPagesTests(ProductServer product) : BrowserTest(product)
{
    [Fact]
    public async Task The_ratings_page_counts_the_bad_rating_and_lists_its_rectification_with_a_light()
    {
        var name = UniqueName("好差评统计页测试有限公司设立");
        await AfterServiceData.BadRatingAsync(Product.Services, name);
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "supervisor", "/supervision/ratings");

        Assert.Equal("好差评与整改", await HeadingAsync(page));
        var row = page.Locator("#rectifications tr", new() { HasText = name });
        await Assertions.Expect(row).ToContainTextAsync("绿灯");
        await Assertions.Expect(row).ToContainTextAsync("办理拖延，多次催办");
        await Assertions.Expect(page.Locator("#by-department")).ToContainTextAsync("市市场监督管理局");
        await Assertions.Expect(page.Locator("#by-clerk")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "supervision-ratings");

        await page.GetByLabel("评价日期自").EvaluateAsync("e => e.type = 'text'");
        await page.GetByLabel("评价日期自").FillAsync("2026/13/01");
        await page.GetByRole(AriaRole.Button, new() { Name = "统计" }).ClickAsync();
        await Assertions.Expect(page.Locator("#from-error")).ToContainTextAsync("请按“年-月-日”填写评价起始日期");
    }

    [Fact]
    public async Task The_ranking_page_ranks_the_departments_of_a_month_and_refuses_a_wrong_month()
    {
        await AfterServiceData.BadRatingAsync(Product.Services, UniqueName("绩效排名页测试有限公司设立"));
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "supervisor", "/supervision/ranking");

        Assert.Equal("部门绩效排名", await HeadingAsync(page));
        await Assertions.Expect(page.Locator("#ranking")).ToContainTextAsync("第 1 名");
        await Assertions.Expect(page.Locator("#ranking")).ToContainTextAsync("市市场监督管理局");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "supervision-ranking");

        await GotoAsync(page, "/supervision/ranking?month=2026-13");
        await Assertions.Expect(page.Locator("#month-error")).ToContainTextAsync("请按“年-月”填写月份");
    }

    [Fact]
    public async Task An_approver_gets_the_403_page()
    {
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "approver-market-regulation");

        await GotoAsync(page, "/supervision/ratings", 403);
        await GotoAsync(page, "/supervision/ranking", 403);
    }
}
