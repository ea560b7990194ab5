using Approval.Browser.Tests.Infrastructure;
using Approval.Engine.Definitions;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Browser.Tests.Public;

/// <summary>Every public page: Chinese, one h1, landmarks, no axe violations (WCAG 2 A/AA), screenshots at both sizes.</summary>
public sealed class PublicPagesTests(ProductServer product) : BrowserTest(product)
{
    public static TheoryData<string, string, string> Pages => new()
    {
        { "/", "home", "投资项目并联审批服务" },
        { "/guide", "guide", "办事指南" },
        { "/track", "track", "办件进度查询" },
        { "/publicity", "publicity", "审批结果公示" },
        { "/calendar?month=2024-10", "calendar", "工作日计算" },
        { "/account/login", "login", "登录" },
        { "/no-such-page", "error-404", "页面不存在" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_renders_in_Chinese_with_landmarks_and_no_axe_violations(string path, string name, string heading)
    {
        foreach (var viewport in new[] { Desktop, Phone })
        {
            var page = await (await NewContextAsync(viewport)).NewPageAsync();
            var response = await page.GotoAsync(path);
            Assert.Equal(name == "error-404" ? 404 : 200, response!.Status);

            Assert.Equal(heading, await HeadingAsync(page));
            Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));
            Assert.Equal(1, await page.Locator("main").CountAsync());
            Assert.Equal(1, await page.Locator("header nav[aria-label]").CountAsync());
            Assert.Equal(1, await page.Locator("footer").CountAsync());
            if (viewport == Desktop) await Accessibility.AssertNoViolationsAsync(page);
            await Screenshots.SaveAsync(page, name);
        }
    }

    [Fact]
    public async Task Guide_of_a_matter_shows_its_materials_time_limits_and_procedure()
    {
        var catalog = Product.Services.GetRequiredService<DefinitionCatalog>();
        var matter = catalog.Matters.First(m => m.Materials.Count > 0);
        var page = await OpenAsync("/guide");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = matter.Name, Exact = true }).First.ClickAsync();

        Assert.Equal(matter.Name, await HeadingAsync(page));
        var text = await page.Locator("main").InnerTextAsync();
        Assert.Contains(catalog.Department(matter.DepartmentId).Name, text);
        Assert.Contains($"{matter.PromisedWorkingDays} 个工作日", text);
        Assert.Contains(matter.Materials[0].Name, text);
        Assert.Contains("所属办理流程", text);
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "guide-matter");
        await page.SetViewportSizeAsync(Phone.Width, Phone.Height);
        await Screenshots.SaveAsync(page, "guide-matter");
    }

    [Fact]
    public async Task Each_page_has_its_own_title()
    {
        var page = await (await NewContextAsync()).NewPageAsync();
        var titles = new List<string>();
        foreach (var path in new[] { "/", "/guide", "/track", "/publicity", "/calendar", "/account/login" })
        {
            await GotoAsync(page, path);
            titles.Add(await page.TitleAsync());
        }
        Assert.Equal(titles.Count, titles.Distinct().Count());
    }

    [Fact]
    public async Task Home_lists_the_three_procedures_with_their_promised_working_days()
    {
        var page = await OpenAsync("/");
        var cards = await page.Locator(".cards").First.InnerTextAsync();
        Assert.Contains("企业开办", cards);
        Assert.Contains("不动产登记", cards);
        Assert.Contains("工业建设项目施工许可", cards);
        foreach (var days in new[] { "3", "5", "50" }) Assert.Contains(days, await page.Locator(".big-number").AllInnerTextsAsync());
    }

    [Fact]
    public async Task Publicity_lists_decisions_of_the_ended_demo_project_and_filters_by_department()
    {
        var page = await OpenAsync("/publicity");
        var rows = page.Locator("main table tbody tr");
        Assert.True(await rows.CountAsync() > 0);
        Assert.Contains("某某新材料科技（南京）有限公司设立", await page.Locator("main table").InnerTextAsync());

        await page.GetByLabel("审批部门").SelectOptionAsync(new Microsoft.Playwright.SelectOptionValue { Label = "国家税务总局市税务局" });
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        Assert.Contains("department=taxation", page.Url);
        foreach (var department in await page.Locator("main table tbody td[data-label='审批部门']").AllInnerTextsAsync())
            Assert.Equal("国家税务总局市税务局", department.Trim());
    }
}
