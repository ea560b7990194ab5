using Approval.Browser.Tests.Infrastructure;
using Approval.Engine.Runtime;
using Microsoft.Playwright;
using static Approval.Browser.Tests.Tasks.TaskData;

namespace Approval.Browser.Tests.Tasks;

/// <summary>
/// 审批办理 (/tasks/{id}): an approver opens its department's task and acts on it, each action a form of its own that
/// comes back to the task showing the new state; a bad input shows its message and stores nothing; another
/// department's task is the 404 page, as the API answers it.
/// </summary>
public sealed partial class TaskDetailTests(ProductServer product) : BrowserTest(product)
{
    private const string MarketRegulation = "market-regulation";

    /// <summary>A new browser signed in as the department's approver, at the task's page.</summary>
    private async Task<IPage> OpenTaskAsync(string departmentId, Guid taskId, bool javaScript = true)
    {
        var page = await (await NewContextAsync(javaScript: javaScript)).NewPageAsync();
        await SignInAsync(page, $"approver-{departmentId}");
        await GotoAsync(page, $"/tasks/{taskId}");
        return page;
    }

    /// <summary>Submits a form by its button and waits for the page it leads to.</summary>
    private static async Task SubmitAsync(IPage page, string button)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    /// <summary>The message next to a field (its FieldError) and the same message in the error summary.</summary>
    private static async Task ExpectFieldMessageAsync(IPage page, string fieldId, string message)
    {
        await Assertions.Expect(page.Locator($"#{fieldId}-error")).ToContainTextAsync(message);
        await Assertions.Expect(page.Locator($"#{fieldId}")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator(".error-summary, [role=alert]").First).ToContainTextAsync(message);
    }

    private async Task<int> SignOffsAsync(Guid projectId, Guid taskId) =>
        (await JournalAsync(Product.Services, projectId)).Count(e => e.Event == "TaskDecided" && e.TaskId == taskId);

    [Fact]
    public async Task Another_departments_task_is_the_not_found_page()
    {
        var name = UniqueName("他部门办件");
        var id = await AcceptedAsync(Product.Services, Enterprise, name);
        var task = await TaskOfAsync(Product.Services, id, MarketRegulation, TaskKind.MatterDecision);
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "approver-taxation");

        await GotoAsync(page, $"/tasks/{task.Id}", 404);

        Assert.Equal("页面不存在", await HeadingAsync(page));
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(name);
    }
}
