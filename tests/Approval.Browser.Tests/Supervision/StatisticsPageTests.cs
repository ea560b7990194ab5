using System.Text;
using Approval.Browser.Tests.Infrastructure;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Supervision;
using Approval.Web.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Approval.Browser.Tests.Supervision.SupervisedProjects;

namespace Approval.Browser.Tests.Supervision;

/// <summary>统计分析 (/supervision/statistics): charts drawn on the server with their tables, a period filter, the CSV export.</summary>
public sealed class StatisticsPageTests(ProductServer product) : BrowserTest(product)
{
    [Fact]
    public async Task The_statistics_show_the_services_numbers_as_charts_with_tables()
    {
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "supervisor", "/supervision/statistics");
        var board = Board(Product.Services);

        Assert.Equal("统计分析", await HeadingAsync(page));
        await AssertAgreesAsync(page, "/supervision/statistics",
            async () => string.Join("\n", (await board.StatisticsAsync(StatisticsPeriod.AllTime)).Departments.Select(d =>
                $"{d.DepartmentName}|{d.Decisions.Open}|{d.Decisions.Decided}|{d.Decisions.DecidedLate}|{StatisticsFormat.Days(d.Decisions.AverageWorkingDays)}")),
            async p =>
            {
                var lines = new List<string>();
                foreach (var row in await p.Locator("#department-statistics tbody tr").AllAsync())
                {
                    var cells = (await row.Locator("th, td").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
                    lines.Add($"{cells[0]}|{cells[1]}|{cells[3]}|{cells[7]}|{cells[8]}");
                }
                return string.Join("\n", lines);
            });

        // Each chart is an image with a name that says what it shows, and a data table with the same numbers.
        var charts = page.Locator("figure.chart svg[role=img]");
        Assert.True(await charts.CountAsync() >= 3, "three charts: decided and average days per department, accepted per month");
        foreach (var chart in await charts.AllAsync())
        {
            var label = await chart.GetAttributeAsync("aria-label");
            Assert.False(string.IsNullOrWhiteSpace(label));
            Assert.Equal(label, (await chart.Locator("title").TextContentAsync())?.Trim());
        }
        await Assertions.Expect(page.Locator("#chart-department-decided svg")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("^各部门办结件数："));
        await Assertions.Expect(page.Locator("#procedure-statistics tr[data-definition=industrial-construction-permit]")).ToContainTextAsync("50 个工作日");
        await Assertions.Expect(page.Locator("#monthly-statistics")).ToContainTextAsync("年");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "supervision-statistics");
    }

    [Fact]
    public async Task Commitment_approvals_and_verifications_are_counted_per_department_as_the_service_counts_them()
    {
        // A matter approved on its commitment (告知承诺): its verification (事后核查) opens.
        var id = await RunningEnterpriseAsync(Product.Services, UniqueName("承诺统计"), ["SCJG-001"]);
        var licence = (await OpenMattersAsync(Product.Services, id)).Single(t => t.MatterCode == "SCJG-001");
        await Product.Services.GetRequiredService<WorkflowEngine>().ExecuteAsync(
            new DecideMatter(Op(), ApproverOf(licence), licence.Id, MatterDecision.ApproveOnCommitment, null, []));
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "supervisor", "/supervision/statistics");
        var board = Board(Product.Services);

        await AssertAgreesAsync(page, "/supervision/statistics",
            async () => string.Join("\n", (await board.StatisticsAsync(StatisticsPeriod.AllTime)).Departments
                .Where(d => d.Decisions.ApprovedOnCommitment + d.Decisions.VerificationsOpen + d.Decisions.CommitmentsConfirmed + d.Decisions.Revoked > 0)
                .Select(d => $"{d.DepartmentName}|{d.Decisions.ApprovedOnCommitment}|{d.Decisions.VerificationsOpen}|{d.Decisions.VerificationsOverdue}|{d.Decisions.CommitmentsConfirmed}|{d.Decisions.Revoked}")),
            async p =>
            {
                var lines = new List<string>();
                foreach (var row in await p.Locator("#commitment-statistics tbody tr:not([data-department=all])").AllAsync())
                    lines.Add(string.Join("|", (await row.Locator("th, td").AllInnerTextsAsync()).Select(t => t.Trim())));
                return string.Join("\n", lines);
            });

        var market = page.Locator("#commitment-statistics tr[data-department=market-regulation]");
        Assert.True(int.Parse(await market.Locator("td[data-label=告知承诺准予许可]").InnerTextAsync()) >= 1);
        Assert.True(int.Parse(await market.Locator("td[data-label=核查中]").InnerTextAsync()) >= 1);
        await Assertions.Expect(page.Locator("#commitment-statistics caption")).ToHaveTextAsync("各部门告知承诺审批和事后核查统计");
        await Assertions.Expect(page.Locator("#commitment-statistics tr[data-department=all] th")).ToHaveTextAsync("合计");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "supervision-statistics-commitments");
    }

    [Fact]
    public async Task Ratings_escalations_and_cards_are_counted_per_department_as_the_service_counts_them()
    {
        // A 差评 of the licence (市场监管): the department's ratings and 差评 count it.
        await Service.AfterServiceData.BadRatingAsync(Product.Services, UniqueName("评价统计"));
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "supervisor", "/supervision/statistics");
        var service = Product.Services.GetRequiredService<Approval.Engine.Service.ServiceReader>();
        var names = (await Board(Product.Services).StatisticsAsync(StatisticsPeriod.AllTime)).Departments.ToDictionary(d => d.DepartmentId, d => d.DepartmentName);

        await AssertAgreesAsync(page, "/supervision/statistics",
            async () => string.Join("\n", (await service.PerDepartmentAsync(null, null))
                .Where(d => names.ContainsKey(d.Key) && d.Value.Ratings.Total + d.Value.Escalations + d.Value.YellowCards + d.Value.RedCards > 0)
                .OrderBy(d => names.Keys.ToList().IndexOf(d.Key))
                .Select(d => $"{names[d.Key]}|{d.Value.Ratings.Total}|{d.Value.Ratings.Bad}|{d.Value.Escalations}|{d.Value.YellowCards}|{d.Value.RedCards}")),
            async p =>
            {
                var lines = new List<string>();
                foreach (var row in await p.Locator("#service-statistics tbody tr").AllAsync())
                {
                    var cells = (await row.Locator("th, td").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
                    cells.RemoveAt(2);  // 满意率, a percentage of the two counts either side
                    lines.Add(string.Join("|", cells));
                }
                return string.Join("\n", lines);
            });

        var market = page.Locator("#service-statistics tr[data-department=market-regulation]");
        Assert.True(int.Parse(await market.Locator("td[data-label=差评]").InnerTextAsync()) >= 1);
        await Assertions.Expect(market.Locator("td[data-label=满意率]")).ToContainTextAsync("%");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "supervision-statistics-service");
    }

    [Fact]
    public async Task A_period_filters_and_bad_dates_show_their_messages()
    {
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "supervisor", "/supervision/statistics");

        await page.GetByLabel("统计期间自").FillAsync("2020-01-01");
        await page.GetByLabel("至", new() { Exact = true }).FillAsync("2020-12-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "统计" }).ClickAsync();
        await Assertions.Expect(page.Locator("#period")).ToContainTextAsync("统计期间：2020年1月1日至2020年12月31日");
        // Nothing was decided in 2020: no decision counts, no month.
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("统计期间内没有受理的项目");
        Assert.All(await page.Locator("#department-statistics tbody td[data-label=办结]").AllInnerTextsAsync(), c => Assert.Equal("0", c.Trim()));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "导出 CSV（Excel 可直接打开）" }))
            .ToHaveAttributeAsync("href", "/api/supervision/statistics.csv?from=2020-01-01&to=2020-12-31");

        await GotoAsync(page, "/supervision/statistics?from=2024-12-31&to=2024-01-01");
        await Assertions.Expect(page.Locator("#to-error")).ToContainTextAsync("结束日期不能早于开始日期");
        await Assertions.Expect(page.Locator("figure.chart")).ToHaveCountAsync(0);
        await Accessibility.AssertNoViolationsAsync(page);

        await GotoAsync(page, "/supervision/statistics?from=2024-02-30");
        await Assertions.Expect(page.Locator("#from-error")).ToContainTextAsync("开始日期不是有效日期");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "开始日期不是有效日期，请按 年-月-日 填写，如 2024-10-08。" })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task The_csv_downloads_with_a_bom_chinese_headers_and_the_pages_numbers()
    {
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "supervisor", "/supervision/statistics");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "导出 CSV（Excel 可直接打开）" }).ClickAsync());
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal(string.Join(",", StatisticsCsv.DecisionHeader), lines[0]);
        Assert.Contains(string.Join(",", StatisticsCsv.ProcedureHeader), lines);
        Assert.Contains(string.Join(",", StatisticsCsv.MonthHeader), lines);
        // The industrial permit's promised limit and the page's numbers for it, read right after the download.
        var row = page.Locator("#procedure-statistics tr[data-definition=industrial-construction-permit]");
        var cells = (await row.Locator("th, td").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
        var csvRow = lines.Single(l => l.StartsWith(cells[0] + ",", StringComparison.Ordinal)).Split(',');
        Assert.Equal("50", csvRow[1]);
        Assert.Equal(cells[4], csvRow[4]);
        Assert.Equal(cells[11], csvRow[11]);
    }

    [Fact]
    public async Task An_approver_may_not_download_the_csv()
    {
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "approver-taxation");

        var response = await page.Context.APIRequest.GetAsync("/api/supervision/statistics.csv");

        Assert.Equal(403, response.Status);
    }
}
