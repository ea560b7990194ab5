using Approval.Browser.Tests.Infrastructure;
using Approval.Engine.Journal;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Supervision;
using Approval.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Approval.Browser.Tests.Supervision.SupervisedProjects;

namespace Approval.Browser.Tests.Supervision;

/// <summary>延期审批 (/supervision/extensions): a department's request approved (the deadlines move) or refused with a note.</summary>
public sealed class ExtensionDecisionPageTests(ProductServer product) : BrowserTest(product)
{
    [Fact]
    public async Task An_approved_extension_moves_the_due_dates_shown_before_and_a_second_submit_decides_nothing_more()
    {
        var (id, task, extension) = await RequestedAsync("监察延期批准测试有限公司设立", 2);
        var effect = (await PendingAsync()).Single(e => e.Extension.Id == extension);
        Assert.NotEqual(effect.TaskDueOn, effect.TaskDueOnIfApproved);
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "supervisor", "/supervision/extensions");

        Assert.Equal("延期审批", await HeadingAsync(page));
        var request = page.Locator($"section[data-extension='{extension:N}']");
        await Assertions.Expect(request).ToContainTextAsync("需组织现场核查");
        await Assertions.Expect(request).ToContainTextAsync("2 个工作日");
        await Assertions.Expect(request.Locator(".task-effect")).ToHaveTextAsync(
            $"{ChineseFormat.Date(effect.TaskDueOn)} → 批准后 {ChineseFormat.Date(effect.TaskDueOnIfApproved)}");
        await Assertions.Expect(request.Locator(".project-effect")).ToContainTextAsync(ChineseFormat.Date(effect.ProjectDueOnIfApproved));
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "supervision-extensions");
        await request.GetByLabel("审批意见（不予延期时必填）").FillAsync("同意延期，请抓紧办理");
        var posted = await request.Locator("form").EvaluateAsync<string[][]>(
            "f => Array.from(new FormData(f).entries()).map(([k, v]) => [k, String(v)])");
        await request.GetByRole(AriaRole.Button, new() { Name = "批准延期" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已批准延期");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(ChineseFormat.Date(effect.TaskDueOnIfApproved));
        await Assertions.Expect(page.Locator($"section[data-extension='{extension:N}']")).ToHaveCountAsync(0);

        // The same form posted again (a double click, a reload) replays the first decision instead of a conflict.
        var again = page.Context.APIRequest.CreateFormData();
        foreach (var field in posted) again.Append(field[0], field[1]);
        again.Append("Input.Decision", "approve");
        var replay = await page.Context.APIRequest.PostAsync("/supervision/extensions", new() { Form = again, MaxRedirects = 0 });
        Assert.True(replay.Status is 302 or 303, $"the replayed post answered {replay.Status}: {await replay.TextAsync()}");
        var journal = await Product.Services.GetRequiredService<ProjectReader>().JournalAsync(id);
        Assert.Single(journal, j => j.Event == JournalEvents.ExtensionApproved);

        await page.GetByRole(AriaRole.Link, new() { Name = "查看办件全程" }).ClickAsync();
        await Assertions.Expect(page.Locator($"tr[data-task='{task}'] .task-due")).ToHaveTextAsync(ChineseFormat.Date(effect.TaskDueOnIfApproved));
        await Assertions.Expect(page.Locator("#project-due")).ToHaveTextAsync(ChineseFormat.Date(effect.ProjectDueOnIfApproved));
        await Assertions.Expect(page.Locator("li[data-event=extensionApproved]")).ToContainTextAsync("计时·延期");
        // Decided on the page: the supervisor is named as the account's display name, not its id.
        await Assertions.Expect(page.Locator("li[data-event=extensionApproved]")).ToContainTextAsync(
            $"办理人：{await SupervisorNameAsync()}（电子监察）");
    }

    [Fact]
    public async Task Refusing_without_a_note_shows_the_message_and_decides_nothing()
    {
        var (_, _, extension) = await RequestedAsync("监察延期不予测试有限公司设立", 3);
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "supervisor", "/supervision/extensions");
        var request = page.Locator($"section[data-extension='{extension:N}']");

        await request.GetByRole(AriaRole.Button, new() { Name = "不予延期" }).ClickAsync();

        request = page.Locator($"section[data-extension='{extension:N}']");
        await Assertions.Expect(page.Locator($"#note-{extension:N}-error")).ToContainTextAsync("不予延期时请填写审批意见");
        await Assertions.Expect(request.GetByLabel("审批意见（不予延期时必填）")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Contains(await PendingAsync(), e => e.Extension.Id == extension);
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "supervision-extensions-refusal-error");

        await request.GetByLabel("审批意见（不予延期时必填）").FillAsync("材料齐全，应按时办结");
        await request.GetByRole(AriaRole.Button, new() { Name = "不予延期" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已不予延期");
        Assert.DoesNotContain(await PendingAsync(), e => e.Extension.Id == extension);
    }

    /// <summary>Every pending request, on one page (a page cut short would let "not among them" pass unseen).</summary>
    private async Task<IReadOnlyList<Web.Api.Contracts.PendingExtensionDto>> PendingAsync()
    {
        var page = await Board(Product.Services).PendingExtensionsAsync(new PageRequest(PageRequest.MaxSize));
        Assert.Null(page.NextCursor);
        return page.Items;
    }

    private async Task<string> SupervisorNameAsync()
    {
        await using var scope = Product.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Web.Identity.ApplicationUser>>()
            .FindByNameAsync("supervisor");
        return user!.DisplayName is { Length: > 0 } name ? name : user.UserName!;
    }

    /// <summary>A new running project whose first matter's department asks for <paramref name="days"/> more working days.</summary>
    private async Task<(Guid Project, Guid Task, Guid Extension)> RequestedAsync(string what, int days)
    {
        var id = await RunningEnterpriseAsync(Product.Services, UniqueName(what));
        var task = (await OpenMattersAsync(Product.Services, id)).First();
        var result = await Product.Services.GetRequiredService<WorkflowEngine>()
            .ExecuteAsync(new RequestExtension(Op(), ApproverOf(task), task.Id, days, "需组织现场核查"));
        return (id, task.Id, result.ExtensionId!.Value);
    }
}
