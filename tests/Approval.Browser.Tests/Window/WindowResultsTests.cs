using Approval.Browser.Tests.Infrastructure;
using Approval.Engine.Runtime;
using Microsoft.Playwright;
using static Approval.Browser.Tests.Window.WindowPages;

namespace Approval.Browser.Tests.Window;

/// <summary>统一出件: every matter's decision, on time or late; issuing the results completes the project.</summary>
public sealed class WindowResultsTests(ProductServer product) : BrowserTest(product)
{
    [Fact]
    public async Task Issuing_the_results_completes_the_project_on_time()
    {
        var id = await AtCompletionAsync(Product.Services, UniqueName("出件测试企业"));
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "window");
        await GotoAsync(page, $"/window/results/{id}");

        Assert.StartsWith("统一出件：", await HeadingAsync(page));
        var matters = page.GetByRole(AriaRole.Table, new() { Name = "各事项的审批决定" });
        var rows = matters.Locator("tbody tr");
        Assert.True(await rows.CountAsync() >= 2);
        foreach (var row in await rows.AllAsync())
            await Assertions.Expect(row).ToContainTextAsync("按时");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "window-results");

        await page.GetByRole(AriaRole.Button, new() { Name = "统一出件" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已统一出件，项目办结（按时办结）");
        var project = await ProjectAsync(Product.Services, id);
        Assert.Equal(InstanceStatus.Completed, project.Status);
        Assert.True(project.OnTime);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "统一出件" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_project_still_in_approval_cannot_be_issued()
    {
        var id = await AtSurveyAsync(Product.Services, UniqueName("未办结项目"));
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "window");
        await GotoAsync(page, $"/window/results/{id}");

        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("暂不能出件");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "统一出件" })).ToHaveCountAsync(0);
    }
}
