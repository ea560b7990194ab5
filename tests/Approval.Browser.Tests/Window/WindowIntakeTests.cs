using Approval.Browser.Tests.Infrastructure;
using Approval.Engine.Runtime;
using Microsoft.Playwright;
using static Approval.Browser.Tests.Window.WindowPages;

namespace Approval.Browser.Tests.Window;

/// <summary>
/// 受理审查: the window checks a filing against its checklist and accepts, accepts with deficiencies, returns it with a
/// one-time notice or refuses it; each decision prints its numbered A4 document.
/// </summary>
public sealed class WindowIntakeTests(ProductServer product) : BrowserTest(product)
{
    [Fact]
    public async Task Accepting_prints_the_receipt_with_its_number_which_the_applicant_sees_too()
    {
        var name = UniqueName("受理测试项目");
        var id = await FileAsync(Product.Services, Industrial, name);
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "window");
        await GotoAsync(page, $"/window/intake/{id}");

        var checklist = page.GetByRole(AriaRole.Table, new() { Name = "材料清单" });
        await Assertions.Expect(checklist).ToContainTextAsync("必要材料齐全");
        await Assertions.Expect(checklist.GetByRole(AriaRole.Row).Filter(new() { HasText = "节能报告" })).ToContainTextAsync("已收取（纸质原件）");
        await Assertions.Expect(page.Locator("#project-code-check")).ToContainTextAsync("本中心赋码");
        // Whom the window calls about the filing.
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("张伟（13812345678）");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "window-intake");
        await page.GetByRole(AriaRole.Button, new() { Name = "受理", Exact = true }).ClickAsync();

        await page.WaitForURLAsync($"**/window/documents/{id}/receipt");
        Assert.Equal("受理通知书", await HeadingAsync(page));
        var project = await ProjectAsync(Product.Services, id);
        Assert.Equal(InstanceStatus.Running, project.Status);
        var main = await page.Locator("main").InnerTextAsync();
        var number = DocumentNumber().Match(main).Value;
        Assert.StartsWith("宁政务受〔", number);
        Assert.Contains(project.QueryKey!, main);
        Assert.Contains(project.ProjectCode!, main);
        Assert.Contains("50 个工作日", main);
        Assert.Contains("不计入办理时限", main);
        Assert.Contains("/track", main);
        // Fifty working days from December 2026 end in 2027, whose holiday notice the data does not have yet.
        Assert.Contains("（暂定）", main);
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "window-receipt");
        Assert.Equal(1, await PrintedPagesAsync(page));

        // Printed again, and by the applicant on its own page: the same document, the same number.
        await page.ReloadAsync();
        Assert.Contains(number, await page.Locator("main").InnerTextAsync());
        var applicant = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(applicant, "agent");
        await GotoAsync(applicant, $"/my/projects/{id}/receipt");
        Assert.Equal("受理通知书", await HeadingAsync(applicant));
        Assert.Contains(number, await applicant.Locator("main").InnerTextAsync());
        await GotoAsync(applicant, $"/window/documents/{id}/receipt");
        Assert.Contains(number, await applicant.Locator("main").InnerTextAsync());
    }

    [Fact]
    public async Task Accepting_with_deficiencies_refuses_a_date_outside_the_limit_then_records_the_promise()
    {
        var name = UniqueName("容缺受理测试项目");
        var id = await FileAsync(Product.Services, Enterprise, name, "bank-account");
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "window");
        await GotoAsync(page, $"/window/intake/{id}");

        await page.GetByLabel("承诺补齐日期").FillAsync("2020-01-06");
        await page.GetByRole(AriaRole.Button, new() { Name = "容缺受理" }).ClickAsync();

        await Assertions.Expect(page.Locator("#promised-by-error")).ToContainTextAsync("承诺补齐日期须在");
        await Assertions.Expect(page.Locator(".error-summary, [role=alert]").First).ToContainTextAsync("承诺补齐日期须在");
        Assert.Equal(InstanceStatus.Filed, (await ProjectAsync(Product.Services, id)).Status);
        await Accessibility.AssertNoViolationsAsync(page);

        var latest = await page.GetByLabel("承诺补齐日期").GetAttributeAsync("max");
        await page.GetByLabel("承诺补齐日期").FillAsync(latest!);
        await page.GetByRole(AriaRole.Button, new() { Name = "容缺受理" }).ClickAsync();

        await page.WaitForURLAsync($"**/window/documents/{id}/receipt");
        var main = await page.Locator("main").InnerTextAsync();
        Assert.Contains("容缺受理", main);
        Assert.Contains("容缺材料：单位银行结算账户信息", main);
        Assert.Equal(latest, (await ProjectAsync(Product.Services, id)).DeficienciesDueOn?.ToString("yyyy-MM-dd", null));
        Assert.Equal(1, await PrintedPagesAsync(page));
    }

    [Fact]
    public async Task Returning_needs_every_missing_required_item_ticked_and_the_notice_lists_exactly_the_ticked_ones()
    {
        var name = UniqueName("一次性告知测试项目");
        var id = await FileAsync(Product.Services, Enterprise, name, "articles-of-association", "premises-proof", "power-of-attorney");
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "window");
        await GotoAsync(page, $"/window/intake/{id}");

        // The missing required items come ticked; leaving one out is refused and nothing is stored.
        await Assertions.Expect(page.GetByLabel("公司章程（必要）")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("授权委托书（代办员代为申请时）（选交）")).Not.ToBeCheckedAsync();
        await page.GetByLabel("住所（经营场所）使用证明（必要）").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "出具一次性告知书" }).ClickAsync();
        await Assertions.Expect(page.Locator("#ticked-error")).ToContainTextAsync("住所（经营场所）使用证明");
        Assert.Equal(InstanceStatus.Filed, (await ProjectAsync(Product.Services, id)).Status);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("住所（经营场所）使用证明（必要）").CheckAsync();
        await page.GetByLabel("授权委托书（代办员代为申请时）（选交）").CheckAsync();
        await page.GetByLabel("其他需补正的内容（选填）").FillAsync("申请表须加盖公章");
        await page.GetByRole(AriaRole.Button, new() { Name = "出具一次性告知书" }).ClickAsync();

        await page.WaitForURLAsync($"**/window/documents/{id}/notice");
        Assert.Equal("一次性告知书", await HeadingAsync(page));
        Assert.Equal(InstanceStatus.Returned, (await ProjectAsync(Product.Services, id)).Status);
        var items = await page.GetByRole(AriaRole.Table, new() { Name = "需补正的材料" }).Locator("tbody tr td:nth-child(2)").AllInnerTextsAsync();
        Assert.Equal(["公司章程", "住所（经营场所）使用证明", "授权委托书（代办员代为申请时）"], items);
        var main = await page.Locator("main").InnerTextAsync();
        Assert.StartsWith("宁政务告〔", DocumentNumber().Match(main).Value);
        Assert.Contains("申请表须加盖公章", main);
        Assert.Contains("综合窗口", main);
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "window-notice");
        Assert.Equal(1, await PrintedPagesAsync(page));

        // The applicant reads the same notice from its project, and resubmits there.
        var applicant = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(applicant, "agent");
        await GotoAsync(applicant, $"/my/projects/{id}");
        await applicant.GetByRole(AriaRole.Link, new() { Name = "查看并打印一次性告知书" }).ClickAsync();
        Assert.Equal("一次性告知书", await HeadingAsync(applicant));
        Assert.Contains(DocumentNumber().Match(main).Value, await applicant.Locator("main").InnerTextAsync());
    }

    [Fact]
    public async Task Paper_originals_received_at_the_window_complete_the_checklist_so_the_filing_can_be_accepted()
    {
        var id = await FileAsync(Product.Services, Enterprise, UniqueName("纸质原件测试项目"), "articles-of-association");
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "window");
        await GotoAsync(page, $"/window/intake/{id}");

        await page.GetByRole(AriaRole.Button, new() { Name = "受理", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#accept-submit-error")).ToContainTextAsync("必要材料尚未齐全（公司章程）");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记收取" }).ClickAsync();
        await Assertions.Expect(page.Locator("#paper-error")).ToContainTextAsync("请勾选收到的纸质原件");

        await page.GetByRole(AriaRole.Group, new() { Name = "申请人在窗口交来的纸质原件" }).GetByLabel("公司章程").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "登记收取" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("纸质原件已登记收取");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "材料清单" })).ToContainTextAsync("必要材料齐全");
        Assert.Contains("articles-of-association", (await ProjectAsync(Product.Services, id)).PaperOriginals);
        await page.GetByRole(AriaRole.Button, new() { Name = "受理", Exact = true }).ClickAsync();
        await page.WaitForURLAsync($"**/window/documents/{id}/receipt");
        Assert.Equal(InstanceStatus.Running, (await ProjectAsync(Product.Services, id)).Status);
    }

    [Fact]
    public async Task Refusing_needs_a_reason_and_prints_the_refusal_with_the_right_to_review()
    {
        var name = UniqueName("不予受理测试项目");
        var id = await FileAsync(Product.Services, Enterprise, name);
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "window");
        await GotoAsync(page, $"/window/intake/{id}");

        await page.GetByRole(AriaRole.Button, new() { Name = "不予受理" }).ClickAsync();
        await Assertions.Expect(page.Locator("#refusal-reason-error")).ToContainTextAsync("请填写不予受理的理由");
        Assert.Equal(InstanceStatus.Filed, (await ProjectAsync(Product.Services, id)).Status);

        await page.GetByLabel("不予受理的理由").FillAsync("申请事项依法不属于本中心职权范围");
        await page.GetByRole(AriaRole.Button, new() { Name = "不予受理" }).ClickAsync();

        await page.WaitForURLAsync($"**/window/documents/{id}/refusal");
        Assert.Equal("不予受理通知书", await HeadingAsync(page));
        Assert.Equal(InstanceStatus.Refused, (await ProjectAsync(Product.Services, id)).Status);
        var main = await page.Locator("main").InnerTextAsync();
        Assert.StartsWith("宁政务不〔", DocumentNumber().Match(main).Value);
        Assert.Contains("申请事项依法不属于本中心职权范围", main);
        Assert.Contains("行政复议", main);
        Assert.Contains("六个月内", main);
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "window-refusal");
        Assert.Equal(1, await PrintedPagesAsync(page));
    }

    [Fact]
    public async Task An_agent_gets_the_forbidden_page_for_the_review()
    {
        var id = await FileAsync(Product.Services, Enterprise, UniqueName("权限测试项目"));
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "agent");
        await GotoAsync(page, $"/window/intake/{id}", 403);
    }
}
