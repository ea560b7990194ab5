using Approval.Browser.Tests.Infrastructure;
using Approval.Engine.Activities;
using Approval.Engine.Definitions;
using Approval.Engine.Runtime;
using Approval.Engine.Supervision;
using Approval.Web.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Approval.Browser.Tests.Tasks.TaskData;

namespace Approval.Browser.Tests.Tasks;

public sealed partial class TaskDetailTests
{
    private static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    [Fact]
    public async Task An_approver_downloads_a_material_and_approves_the_matter()
    {
        var name = UniqueName("准予许可项目");
        var id = await AcceptedAsync(Product.Services, Enterprise, name);
        await UploadAsync(id, "articles-of-association", "公司章程.pdf");
        var task = await TaskOfAsync(Product.Services, id, MarketRegulation, TaskKind.MatterDecision);
        var page = await OpenTaskAsync(MarketRegulation, task.Id);
        Assert.StartsWith("审批办理：", await HeadingAsync(page));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("正在计时");

        // The material opens from the page, with the approver's own sign-in.
        var link = page.GetByRole(AriaRole.Link, new() { Name = "公司章程.pdf" });
        var download = await page.APIRequest.GetAsync((await link.GetAttributeAsync("href"))!);
        Assert.Equal(200, download.Status);
        Assert.Equal(Pdf, await download.BodyAsync());
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "task-decision");

        await page.GetByLabel("审批结论").SelectOptionAsync("approve");
        await SubmitAsync(page, "提交审批决定");

        await page.WaitForURLAsync($"**/tasks/{task.Id}?done=decision");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "办理结果" })).ToContainTextAsync("准予许可");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "提交审批决定" })).ToHaveCountAsync(0);
        Assert.Equal(Outcomes.Approved, (await TaskOfAsync(Product.Services, id, MarketRegulation, TaskKind.MatterDecision)).Outcome);
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "task-decided");
    }

    [Fact]
    public async Task A_rejection_needs_its_reasons_and_then_rejects()
    {
        var id = await AcceptedAsync(Product.Services, Enterprise, UniqueName("不予许可项目"));
        var task = await TaskOfAsync(Product.Services, id, MarketRegulation, TaskKind.MatterDecision);
        var page = await OpenTaskAsync(MarketRegulation, task.Id);

        await page.GetByLabel("审批结论").SelectOptionAsync("reject");
        await SubmitAsync(page, "提交审批决定");
        await ExpectFieldMessageAsync(page, "decision-reasons", "请填写不予许可的理由。");
        Assert.Equal(0, await SignOffsAsync(id, task.Id));
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "task-decision-error");

        await page.GetByLabel("理由（不予许可时必填）").FillAsync("拟设企业名称与已登记企业名称相同");
        await SubmitAsync(page, "提交审批决定");

        await page.WaitForURLAsync($"**/tasks/{task.Id}?done=decision");
        var result = page.GetByRole(AriaRole.Region, new() { Name = "办理结果" });
        await Assertions.Expect(result).ToContainTextAsync("不予许可");
        await Assertions.Expect(result).ToContainTextAsync("拟设企业名称与已登记企业名称相同");
        var stored = await TaskOfAsync(Product.Services, id, MarketRegulation, TaskKind.MatterDecision);
        Assert.Equal(Outcomes.Rejected, stored.Outcome);
        Assert.Equal(InstanceStatus.Rejected, (await ProjectAsync(Product.Services, id)).Status);
    }

    [Fact]
    public async Task A_correction_request_names_its_items_and_stops_the_clock_until_the_applicant_answers()
    {
        var id = await AcceptedAsync(Product.Services, Enterprise, UniqueName("要求补正项目"));
        var task = await TaskOfAsync(Product.Services, id, MarketRegulation, TaskKind.MatterDecision);
        var page = await OpenTaskAsync(MarketRegulation, task.Id);

        await page.GetByLabel("审批结论").SelectOptionAsync("requestCorrection");
        await SubmitAsync(page, "提交审批决定");
        await ExpectFieldMessageAsync(page, "decision-items", "请填写补正内容。");
        Assert.Empty((await ProjectAsync(Product.Services, id)).ClockStops);

        await page.GetByLabel("补正内容（要求补正时必填，每行一项）").FillAsync("公司章程缺少全体股东签字\n住所使用证明已过期");
        await SubmitAsync(page, "提交审批决定");

        await page.WaitForURLAsync($"**/tasks/{task.Id}?done=decision");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("计时已中止：申请人补正");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "恢复计时" })).ToHaveCountAsync(0);
        var project = await ProjectAsync(Product.Services, id);
        var correction = Assert.Single(project.Tasks, t => t.Kind == TaskKind.ApplicantCorrection && t.IsOpen);
        Assert.Equal(["公司章程缺少全体股东签字", "住所使用证明已过期"], correction.Asks.Single().Items.Select(i => i.Text));
        Assert.Equal(ClockStopReason.Correction, Assert.Single(project.ClockStops).Reason);
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "task-correction-requested");
    }

    [Fact]
    public async Task The_same_decision_posted_twice_signs_once()
    {
        var id = await AcceptedAsync(Product.Services, Enterprise, UniqueName("重复提交项目"));
        var task = await TaskOfAsync(Product.Services, id, MarketRegulation, TaskKind.MatterDecision);
        var page = await OpenTaskAsync(MarketRegulation, task.Id);
        var form = page.Locator("form").Filter(new() { Has = page.Locator("#decision-choice") });
        var fields = page.APIRequest.CreateFormData();
        foreach (var hidden in await form.Locator("input[type=hidden]").AllAsync())
            fields.Set((await hidden.GetAttributeAsync("name"))!, (await hidden.GetAttributeAsync("value")) ?? "");
        fields.Set("Decision.Choice", "approve");

        // A double click: the same form, with the same operation id, arrives twice.
        var first = await page.APIRequest.PostAsync($"/tasks/{task.Id}", new() { Form = fields, MaxRedirects = 0 });
        var second = await page.APIRequest.PostAsync($"/tasks/{task.Id}", new() { Form = fields, MaxRedirects = 0 });

        Assert.True(first.Status == 302, $"{first.Status}: {await first.TextAsync()}");
        Assert.Equal(302, second.Status);
        Assert.EndsWith($"/tasks/{task.Id}?done=decision", second.Headers["location"]);
        Assert.Equal(1, await SignOffsAsync(id, task.Id));
        Assert.Equal(Outcomes.Approved, (await TaskOfAsync(Product.Services, id, MarketRegulation, TaskKind.MatterDecision)).Outcome);
    }

    /// <summary>Keeps a PDF as one of the project's materials, as an upload through the API would.</summary>
    private async Task UploadAsync(Guid id, string materialCode, string fileName)
    {
        var files = Product.Services.GetRequiredService<MaterialFiles>();
        var project = await ProjectAsync(Product.Services, id);
        var intake = Product.Services.GetRequiredService<DefinitionCatalog>().Get(project.DefinitionId, project.DefinitionVersion).Intake;
        using var stream = new MemoryStream(Pdf);
        var file = new FormFile(stream, 0, Pdf.Length, "file", fileName) { Headers = new HeaderDictionary(), ContentType = "application/pdf" };
        using var upload = await files.CheckAsync(file, "file", CancellationToken.None);
        await files.RecordAsync(project, intake, materialCode, "materialCode", upload, Guid.NewGuid().ToString("N"),
            new Actor(Web.Hosting.DemoData.InvestorId, ActorRole.Investor), CancellationToken.None);
    }
}
