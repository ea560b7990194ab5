using Approval.Browser.Tests.Infrastructure;
using Approval.Engine.Definitions;
using Approval.Engine.Supervision;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Approval.Browser.Tests.Supervision.SupervisedProjects;

namespace Approval.Browser.Tests.Supervision;

/// <summary>
/// 电子监察 (/supervision): each department's open tasks by light, overdue and near-due, and each procedure's results,
/// as the service the API uses computes them; the drill-down to a department's open tasks and on to a project.
/// </summary>
public sealed class SupervisionBoardTests(ProductServer product) : BrowserTest(product)
{
    [Fact]
    public async Task The_board_shows_each_departments_counts_as_the_service_computes_them()
    {
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "supervisor", "/supervision");
        var board = Board(Product.Services);

        await AssertAgreesAsync(page, "/supervision",
            async () => string.Join("\n", (await board.DepartmentsAsync(null)).Select(d =>
                $"{d.DepartmentName}|{d.Open}|{d.Green}|{d.Yellow}|{d.Red}|{d.Overdue.Count}|{d.NearDue.Count}")),
            p => TableAsync(p, "#departments tbody tr", 0, 1, 2, 3, 4, 5, 6));

        Assert.Equal("电子监察", await HeadingAsync(page));
        await AssertAgreesAsync(page, "/supervision",
            async () => string.Join("\n", (await board.StatisticsAsync(Engine.Supervision.StatisticsPeriod.AllTime)).Definitions.Select(d =>
                $"{d.DefinitionName}|{d.Running}|{d.RunningOverdue}|{d.CompletedOnTime}|{d.Completed - d.CompletedOnTime}")),
            p => TableAsync(p, "#procedures tbody tr", 0, 2, 3, 4, 5));
        // The promised limits of the 3-5-50 procedures stand next to their results.
        await Assertions.Expect(page.Locator("#procedures tr[data-definition=enterprise-establishment]")).ToContainTextAsync("3 个工作日");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "supervision-home");
    }

    [Fact]
    public async Task A_department_drills_down_to_its_open_tasks_by_light_and_on_to_a_project()
    {
        var name = UniqueName("监察钻取测试有限公司设立");
        var id = await RunningEnterpriseAsync(Product.Services, name);
        var task = (await OpenMattersAsync(Product.Services, id)).First();
        var catalog = Product.Services.GetRequiredService<DefinitionCatalog>();
        var department = catalog.Departments.Single(d => d.Id == task.DepartmentId);
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "supervisor", "/supervision");

        await page.Locator($"#departments tr[data-department='{department.Id}'] th a").ClickAsync();

        Assert.Equal($"{department.Name}在办事项", await HeadingAsync(page));
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        var light = (await Board(Product.Services).TasksAsync(null, department.Id, new PageRequest(PageRequest.MaxSize))).Items.Single(t => t.Id == task.Id).Light;
        await Assertions.Expect(row).ToContainTextAsync(Words[light]);
        // Every row is the department's: the service's list for it, soonest due first.
        var shown = await page.Locator("#tasks tbody tr td[data-label=审批部门]").AllInnerTextsAsync();
        Assert.All(shown, d => Assert.Equal(department.Name, d.Trim()));
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "supervision-tasks");

        // By light: my task is among the department's tasks of its light, and not among those of another.
        await GotoAsync(page, $"/supervision/tasks?department={department.Id}&light={light.ToString().ToLowerInvariant()}");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = name })).ToHaveCountAsync(1);
        var other = light == Light.Red ? Light.Green : Light.Red;
        await GotoAsync(page, $"/supervision/tasks?department={department.Id}&light={other.ToString().ToLowerInvariant()}");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = name })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByLabel("灯色")).ToHaveValueAsync(other.ToString().ToLowerInvariant());

        await GotoAsync(page, $"/supervision/tasks?department={department.Id}");
        await row.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        Assert.Equal($"办件全程：{name}", await HeadingAsync(page));
        Assert.EndsWith($"/supervision/projects/{id}", page.Url);
    }

    [Fact]
    public async Task A_filter_that_is_not_in_the_lists_shows_its_message_next_to_the_field()
    {
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "supervisor", "/supervision");

        await GotoAsync(page, "/supervision/tasks?light=purple&department=nowhere");

        await Assertions.Expect(page.Locator("#light-error")).ToContainTextAsync("请从列表中选择灯色");
        await Assertions.Expect(page.Locator("#department-error")).ToContainTextAsync("请从列表中选择审批部门");
        await Assertions.Expect(page.GetByLabel("灯色")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#tasks")).ToHaveCountAsync(0);
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task An_approver_gets_the_403_page_and_an_anonymous_visitor_the_sign_in()
    {
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "approver-taxation");

        foreach (var path in new[] { "/supervision", "/supervision/tasks", "/supervision/extensions", "/supervision/statistics" })
        {
            await GotoAsync(page, path, 403);
            Assert.Equal("无权访问此页面", await HeadingAsync(page));
        }
        await Accessibility.AssertNoViolationsAsync(page);

        var anonymous = await OpenAsync("/account/login");
        await GotoAsync(anonymous, "/supervision");
        Assert.Contains("/account/login?returnUrl=", anonymous.Url);
    }

    private static readonly Dictionary<Light, string> Words = new() { [Light.Green] = "绿灯", [Light.Yellow] = "黄灯", [Light.Red] = "红灯" };

    /// <summary>The chosen cells of each row, "|" between cells and a line per row.</summary>
    private static async Task<string> TableAsync(IPage page, string rows, params int[] cells)
    {
        var lines = new List<string>();
        foreach (var row in await page.Locator(rows).AllAsync())
        {
            var texts = (await row.Locator("th, td").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
            lines.Add(string.Join("|", cells.Select(i => texts[i])));
        }
        return string.Join("\n", lines);
    }
}
