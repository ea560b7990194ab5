using Approval.Browser.Tests.Infrastructure;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Supervision;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Approval.Browser.Tests.Supervision.SupervisedProjects;

namespace Approval.Browser.Tests.Supervision;

/// <summary>
/// 延期审批 (/supervision/extensions) a page at a time: oldest request first with the total, 下一页 follows the list's
/// cursor so that every request shows once, 第一页 goes back, and a request on a later page is decided there.
/// </summary>
public sealed class ExtensionPagingPageTests(ProductServer product) : BrowserTest(product)
{
    [Fact]
    public async Task Next_page_walks_every_pending_request_once_oldest_first_and_one_is_approved_on_a_later_page()
    {
        var mine = new List<Guid>();
        try
        {
            foreach (var (what, days) in new[] { ("监察延期分页甲公司设立", 1), ("监察延期分页乙公司设立", 2), ("监察延期分页丙公司设立", 3) })
                mine.Add(await RequestedAsync(what, days));
            var page = await (await NewContextAsync()).NewPageAsync();
            await SignInAsync(page, "supervisor", "/supervision/extensions?size=2");

            Assert.Equal("延期审批", await HeadingAsync(page));
            await Assertions.Expect(page.Locator("#extension-total")).ToContainTextAsync("件待审批，本页 2 件");
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "第一页" })).ToHaveCountAsync(0);
            var shown = new List<Guid>();
            var pages = 0;
            while (true)
            {
                pages++;
                var onPage = await page.Locator("section[data-extension]").EvaluateAllAsync<string[]>("s => s.map(e => e.dataset.extension)");
                Assert.InRange(onPage.Length, 1, 2);
                shown.AddRange(onPage.Select(Guid.Parse));
                if (pages == 2)
                {
                    Assert.Contains("续页", await page.TitleAsync());
                    await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "第一页" })).ToBeVisibleAsync();
                    await Accessibility.AssertNoViolationsAsync(page);
                    await Screenshots.SaveAsync(page, "supervision-extensions-page-2");
                }
                var next = page.GetByRole(AriaRole.Link, new() { Name = "下一页" });
                if (await next.CountAsync() == 0 || pages == 100) break;
                await next.ClickAsync();
                await page.WaitForURLAsync("**/supervision/extensions?size=2&cursor=*");
            }

            Assert.True(pages >= 2, $"{shown.Count} requests on {pages} page(s) of two");
            Assert.Equal(mine, shown.Where(mine.Contains));
            Assert.Equal(shown.Count, shown.Distinct().Count());

            // Decided on its own page: the form posts back to that page and the request leaves the list.
            await page.GotoAsync("/supervision/extensions?size=2");
            var last = page.Locator($"section[data-extension='{mine[^1]:N}']");
            for (var n = 0; n < 100 && await last.CountAsync() == 0; n++)
            {
                await page.GetByRole(AriaRole.Link, new() { Name = "下一页" }).ClickAsync();
                await page.WaitForURLAsync("**cursor=*");
            }
            Assert.Contains("cursor=", page.Url);
            await last.GetByLabel("审批意见（不予延期时必填）").FillAsync("同意延期");
            await last.GetByRole(AriaRole.Button, new() { Name = "批准延期" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已批准延期");
            Assert.DoesNotContain((await Board(Product.Services).PendingExtensionsAsync(new PageRequest(PageRequest.MaxSize))).Items,
                e => e.Extension.Id == mine[^1]);
        }
        finally
        {
            await DecideAllAsync(mine);
        }
    }

    [Fact]
    public async Task A_cursor_the_list_did_not_give_shows_the_first_page()
    {
        var mine = new List<Guid>();
        try
        {
            mine.Add(await RequestedAsync("监察延期坏游标公司设立", 2));
            var page = await (await NewContextAsync()).NewPageAsync();
            await SignInAsync(page, "supervisor", "/supervision/extensions?cursor=not-a-cursor");

            Assert.Equal("延期审批", await HeadingAsync(page));
            await Assertions.Expect(page.Locator("#extension-total")).ToContainTextAsync("件待审批");
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "第一页" })).ToHaveCountAsync(0);
            Assert.DoesNotContain("续页", await page.TitleAsync());
        }
        finally
        {
            await DecideAllAsync(mine);
        }
    }

    /// <summary>A new running project whose first matter's department asks for <paramref name="days"/> more working days.</summary>
    private async Task<Guid> RequestedAsync(string what, int days)
    {
        var id = await RunningEnterpriseAsync(Product.Services, UniqueName(what));
        var task = (await OpenMattersAsync(Product.Services, id)).First();
        var result = await Product.Services.GetRequiredService<WorkflowEngine>()
            .ExecuteAsync(new RequestExtension(Op(), ApproverOf(task), task.Id, days, "需组织现场核查"));
        return result.ExtensionId!.Value;
    }

    // The server is shared: requests this class made are not left pending for the other tests' pages.
    private async Task DecideAllAsync(IEnumerable<Guid> extensions)
    {
        var pending = (await Board(Product.Services).PendingExtensionsAsync(new PageRequest(PageRequest.MaxSize))).Items.Select(e => e.Extension.Id).ToHashSet();
        foreach (var id in extensions.Where(pending.Contains))
            await Product.Services.GetRequiredService<WorkflowEngine>().ExecuteAsync(new DecideExtension(Op(), Supervisor, id, false, "测试结束"));
    }
}
