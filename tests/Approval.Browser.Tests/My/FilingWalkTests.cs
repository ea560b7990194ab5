using Approval.Browser.Tests.Infrastructure;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Supervision;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Approval.Browser.Tests.My.ApplicantPages;

namespace Approval.Browser.Tests.My;

/// <summary>
/// An agent files an industrial construction permit with its materials in the browser and follows it: 我的项目, the
/// window's acceptance (through the engine until the window's pages exist), the receipt, the investor's tracking by
/// code and key, and a 补正 answered on the page that restarts the clock.
/// </summary>
public sealed class FilingWalkTests(ProductServer product) : BrowserTest(product)
{
    private static readonly Actor Window = new("window", ActorRole.WindowClerk);

    [Fact]
    public async Task An_agent_files_with_uploads_the_window_accepts_the_investor_tracks_and_a_correction_restarts_the_clock()
    {
        var name = UniqueName("年产3万吨改性塑料项目");
        var checklist = Checklist(Product.Services, Industrial);
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "agent");

        // 申报: choose the procedure, fill the form, choose a file per material.
        await GotoAsync(page, "/my/projects/new");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "my-projects-new-choose");
        await page.GetByRole(AriaRole.Link, new() { Name = "工业建设项目施工许可" }).ClickAsync();
        Assert.Equal("申报新项目", await HeadingAsync(page));
        await FillProjectAsync(page, name);
        await AttachAsync(page, checklist);
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "my-projects-new-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交申报" }).ClickAsync();

        await page.WaitForURLAsync(ProjectUrl());
        var id = IdIn(page.Url);
        Assert.Equal(name, await HeadingAsync(page));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("申报已提交");
        // The contact as the engine stored it (spaces dropped), where the window will call.
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("张伟（13812345678）");
        foreach (var material in checklist)
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = material.Code + ".pdf" })).ToBeVisibleAsync();
        var filed = Assert.Single(await ProjectsNamedAsync(Product.Services, name));
        Assert.Equal(checklist.Select(m => m.Code).Order(), filed.SubmittedMaterials.Order());

        // 我的项目: the new project with its state and who holds it.
        await GotoAsync(page, "/my/projects");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        await Assertions.Expect(row).ToContainTextAsync("待受理");
        await Assertions.Expect(row).ToContainTextAsync("综合窗口");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "my-projects");

        // The window accepts (the window's pages come with the next issue).
        var engine = Product.Services.GetRequiredService<WorkflowEngine>();
        await engine.ExecuteAsync(new AcceptApplication(Guid.NewGuid().ToString(), Window, id));
        await GotoAsync(page, $"/my/projects/{id}");
        var receipt = page.GetByRole(AriaRole.Region, new() { Name = "受理通知书" });
        var code = (await receipt.Locator("dd.code").Nth(0).InnerTextAsync()).Trim();
        var key = (await receipt.Locator("dd.code").Nth(1).InnerTextAsync()).Trim();
        Assert.Matches(@"^\d{4}-\d{6}-\d{2}-\d{2}-[0-9A-Z]{6}$", code);
        await Assertions.Expect(page.Locator("[aria-current=step]")).ToContainTextAsync("联合预审");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "my-project-detail");
        await receipt.GetByRole(AriaRole.Link, new() { Name = "查看并打印受理通知书" }).ClickAsync();
        Assert.Equal("受理通知书", await HeadingAsync(page));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(key);
        // A due date in a year whose holiday notice is not published is marked as such, as the API's receipt says.
        var accepted = (await Product.Services.GetRequiredService<ProjectReader>().RunningAsync()).Single(p => p.ProjectCode == code);
        var note = Product.Services.GetRequiredService<WorkflowEngine>().Deadlines.ProjectDueProvisional(accepted);
        var receiptText = await page.Locator("main").InnerTextAsync();
        Assert.Equal(note is not null, receiptText.Contains("（暂定）"));
        if (note is not null) Assert.Contains(note.DeadlineNotice, receiptText);
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "my-project-receipt");

        // A department asks for a correction (补正): the clock stops; the agent answers on the page and it restarts.
        var reader = Product.Services.GetRequiredService<ProjectReader>();
        // Joint pre-review: the first department asks for it, the others pass; the applicant's turn comes when all have spoken.
        var opinions = (await reader.GetAsync(Actor.System, id)).Tasks.Where(t => t.Kind == TaskKind.PreReviewOpinion && t.IsOpen).ToList();
        foreach (var (opinion, i) in opinions.Select((o, i) => (o, i)))
            await engine.ExecuteAsync(new GiveOpinion(Guid.NewGuid().ToString(),
                new Actor($"approver-{opinion.DepartmentId}", ActorRole.Approver, opinion.DepartmentId), opinion.Id, i > 0,
                i == 0 ? ["总平面图缺少消防车道标注"] : [], null));
        await GotoAsync(page, $"/my/projects/{id}");
        var stops = page.GetByRole(AriaRole.Table, new() { Name = "暂停计时（不计入办理时限）" });
        await Assertions.Expect(stops).ToContainTextAsync("暂停中");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("总平面图缺少消防车道标注");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "my-project-correction");

        var design = checklist.First(m => m.Code == "design-scheme");
        await page.Locator("#correct-file-design-scheme").SetInputFilesAsync(new FilePayload
        {
            Name = "总平面图（修改）.pdf", MimeType = "application/pdf", Buffer = Pdf,
        });
        await page.GetByLabel("补正说明").FillAsync("已在总平面图上标注消防车道");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交补正" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("补正已提交");
        await Assertions.Expect(stops).Not.ToContainTextAsync("暂停中");
        await Assertions.Expect(stops).ToContainTextAsync("年");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "总平面图（修改）.pdf" })).ToBeVisibleAsync();
        Assert.DoesNotContain((await reader.GetAsync(Actor.System, id)).Tasks, t => t.Kind == TaskKind.ApplicantCorrection && t.IsOpen);
        Assert.Contains(design.Code, (await reader.GetAsync(Actor.System, id)).SubmittedMaterials);

        // The investor tracks it with the receipt's code and key, without signing in: the stage and the days left.
        var investor = await OpenAsync("/track");
        await investor.GetByLabel("项目代码").FillAsync(code);
        await investor.GetByLabel("查询码").FillAsync(key);
        await investor.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Assertions.Expect(investor.GetByRole(AriaRole.Heading, new() { Name = name })).ToBeVisibleAsync();
        await Assertions.Expect(investor.Locator("[aria-current=step]")).ToContainTextAsync("联合预审");
        await Assertions.Expect(investor.Locator("main")).ToContainTextAsync("剩余");

        await Screenshots.SaveAsync(await OpenPhoneAsync(page, $"/my/projects/{id}"), "my-project-detail");
    }

    /// <summary>The same signed-in browser (its cookies) at phone size.</summary>
    private async Task<IPage> OpenPhoneAsync(IPage signedIn, string path)
    {
        var phone = await signedIn.Context.NewPageAsync();
        await phone.SetViewportSizeAsync(Phone.Width, Phone.Height);
        await GotoAsync(phone, path);
        return phone;
    }
}
