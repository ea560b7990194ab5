using Approval.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Approval.Browser.Tests.Public;

/// <summary>
/// 审批结果公示 (/publicity) a page at a time by keyset: 下一页 carries the cursor of the last row shown and the filter,
/// 第一页 goes back; no page numbers and no total (counting the whole history would cost more than the page).
/// </summary>
public sealed class PublicityPagingTests(ProductServer product) : BrowserTest(product)
{
    private const string Rows = "#publicity tbody tr";

    [Fact]
    public async Task Next_page_shows_older_decisions_and_first_page_goes_back()
    {
        var page = await OpenAsync("/publicity?size=2");
        Assert.Equal("审批结果公示", await HeadingAsync(page));
        await Assertions.Expect(page.Locator(Rows)).ToHaveCountAsync(2);
        var first = await RowsAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "第一页" })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "下一页" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("cursor="));

        Assert.Contains("size=2", page.Url);
        var second = await RowsAsync(page);
        Assert.InRange(second.Count, 1, 2);
        Assert.Empty(second.Intersect(first));
        // Newest first: the second page's decisions are no newer than the first page's last.
        Assert.True(string.CompareOrdinal(second[0].DecidedOn, first[^1].DecidedOn) <= 0, $"{second[0].DecidedOn} after {first[^1].DecidedOn}");
        await Assertions.Expect(page.Locator("#publicity-status")).ToContainTextAsync("续页");
        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^审批结果公示（续页）"));
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "publicity-second-page");

        await page.GetByRole(AriaRole.Link, new() { Name = "第一页" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("cursor="));
        Assert.Contains("size=2", page.Url);
        Assert.DoesNotContain(await RowsAsync(page), second.Contains);
    }

    [Fact]
    public async Task The_next_page_keeps_the_filter_and_a_broken_cursor_starts_again_from_the_first_page()
    {
        var page = await OpenAsync("/publicity?size=1&from=2000-01-01");
        await page.GetByRole(AriaRole.Link, new() { Name = "下一页" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("cursor="));

        Assert.Contains("from=2000-01-01", page.Url);
        await Assertions.Expect(page.Locator("#from")).ToHaveValueAsync("2000-01-01");
        await Assertions.Expect(page.Locator(Rows)).ToHaveCountAsync(1);

        await GotoAsync(page, "/publicity?size=1&cursor=not-a-cursor");
        await Assertions.Expect(page.Locator(Rows)).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "第一页" })).ToHaveCountAsync(0);
    }

    private static async Task<List<Row>> RowsAsync(IPage page)
    {
        var rows = new List<Row>();
        foreach (var row in await page.Locator(Rows).AllAsync())
        {
            var cells = (await row.Locator("td").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
            rows.Add(new Row(cells[0], cells[1], cells[2], await row.Locator("td[data-label='决定日期'] time").GetAttributeAsync("datetime") ?? cells[5]));
        }
        return rows;
    }

    private sealed record Row(string ProjectCode, string ProjectName, string Matter, string DecidedOn);
}
