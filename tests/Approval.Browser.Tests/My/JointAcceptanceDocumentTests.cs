using Approval.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Approval.Browser.Tests.Tasks.TaskData;

namespace Approval.Browser.Tests.My;

/// <summary>
/// 竣工联合验收 on the applicant's pages: the project lists the permit it follows under the same code, and its one
/// document, the 联合验收意见书, prints with each department's finding and decision; the window prints the same.
/// </summary>
public sealed class JointAcceptanceDocumentTests(ProductServer product) : BrowserTest(product)
{
    [Fact]
    public async Task The_completed_acceptance_links_its_permit_and_prints_the_joint_acceptance_document()
    {
        var name = UniqueName("竣工联合验收项目");
        var (permit, acceptance) = await CompletedJointAcceptanceAsync(Product.Services, name);
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "investor");
        await GotoAsync(page, $"/my/projects/{acceptance}");

        var others = page.GetByRole(AriaRole.Region, new() { Name = "同一项目的其他办件" });
        await Assertions.Expect(others.GetByRole(AriaRole.Link, new() { Name = "工业建设项目施工许可" })).ToHaveAttributeAsync("href", $"/my/projects/{permit}");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "my-project-joint-acceptance");

        await page.GetByRole(AriaRole.Link, new() { Name = "查看并打印联合验收意见书" }).ClickAsync();

        Assert.Equal("联合验收意见书", await HeadingAsync(page));
        var table = page.GetByRole(AriaRole.Table, new() { Name = "各部门验收意见" });
        await Assertions.Expect(table).ToContainTextAsync("房屋建筑和市政基础设施工程竣工验收备案");
        await Assertions.Expect(table).ToContainTextAsync("市消防救援支队");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "joint-acceptance-document");
    }

    [Fact]
    public async Task The_window_sees_no_joint_acceptance_document_for_a_permit()
    {
        var (permit, _) = await CompletedJointAcceptanceAsync(Product.Services, UniqueName("无意见书项目"));
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "window");

        await GotoAsync(page, $"/window/documents/{permit}/joint-acceptance");

        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("尚未统一出件，出件后可打印联合验收意见书。");
    }
}
