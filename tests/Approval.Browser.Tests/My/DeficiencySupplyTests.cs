using Approval.Browser.Tests.Infrastructure;
using Approval.Browser.Tests.Window;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Approval.Browser.Tests.My.ApplicantPages;

namespace Approval.Browser.Tests.My;

/// <summary>
/// 补齐容缺材料 on the applicant's project page: the uploaded file is what fulfils the promise. Before the fix the page
/// ran SupplyDeficiencies before recording the file, which the engine refused every time ("not handed in yet").
/// </summary>
public sealed class DeficiencySupplyTests(ProductServer product) : BrowserTest(product)
{
    [Fact]
    public async Task The_agent_hands_in_the_promised_file_and_the_promise_is_fulfilled()
    {
        var name = UniqueName("容缺补齐测试项目");
        var id = await WindowPages.FileAsync(Product.Services, Industrial, name, "fire-design");
        var engine = Product.Services.GetRequiredService<WorkflowEngine>();
        var promisedBy = engine.Deadlines.Calendar.Deadline(engine.Deadlines.Calendar.LocalDateOf(NodaTime.SystemClock.Instance.GetCurrentInstant()), 5).Date;
        await engine.ExecuteAsync(new AcceptWithDeficiencies(Guid.NewGuid().ToString(), WindowPages.Window, id, promisedBy));
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "agent");
        await GotoAsync(page, $"/my/projects/{id}");

        // Without a file: the message next to the field, nothing stored.
        await page.Locator("#supply-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#supply-file-fire-design-error")).ToContainTextAsync("请选择要补交的容缺材料文件。");
        Assert.Equal(["fire-design"], (await ProjectsNamedAsync(Product.Services, name)).Single().Deficiencies);

        await page.Locator("#supply-file-fire-design").SetInputFilesAsync(new FilePayload { Name = "消防设计文件.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await page.Locator("#supply-submit").ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("容缺材料已提交。");
        var supplied = (await ProjectsNamedAsync(Product.Services, name)).Single();
        Assert.Empty(supplied.Deficiencies);
        Assert.Null(supplied.DeficienciesDueOn);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "消防设计文件.pdf" })).ToHaveCountAsync(1);
    }
}
