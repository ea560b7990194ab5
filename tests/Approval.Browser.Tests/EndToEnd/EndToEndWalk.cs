using System.Text.RegularExpressions;
using Approval.Browser.Tests.Infrastructure;
using Approval.Browser.Tests.My;
using Approval.Engine.Runtime;
using Approval.Engine.Supervision;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Approval.Browser.Tests.EndToEnd;

/// <summary>
/// What the end-to-end walks share. Every action is a click in the browser of the person who takes it, each person in
/// a browser context of its own, signed in with its demo account. The product's reader is used only to find what a
/// person would find in its own lists (the project's id by its unique name, the id of a department's open task) and
/// to compare what the pages show with what is stored.
/// </summary>
public abstract partial class EndToEndWalk(ProductServer product) : BrowserTest(product)
{
    /// <summary>How long an expectation waits for a page (the shared machine answers form posts slowly).</summary>
    protected const float Slow = 30_000;

    private readonly Dictionary<string, IPage> _people = [];

    /// <summary>The browser of a demo account (one context per person, kept for the walk), signed in.</summary>
    protected async Task<IPage> PersonAsync(string userName)
    {
        if (_people.TryGetValue(userName, out var page)) return page;
        var context = await NewContextAsync();
        // The machine is shared and slow: the walk's waits are generous.
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(30_000);
        page = await context.NewPageAsync();
        await SignInAsync(page, userName);
        Assert.DoesNotContain("/account/login", page.Url);
        _people[userName] = page;
        return page;
    }

    /// <summary>
    /// The agent files a project on /my/projects/new for the demo investor, uploading a PDF for every material of
    /// the checklist but <paramref name="leftOut"/>; returns the new project's id (from the address it lands on).
    /// </summary>
    protected async Task<Guid> FileAsync(string definitionId, string procedureName, string name, params string[] leftOut)
    {
        var agent = await PersonAsync("agent");
        await GotoAsync(agent, "/my/projects/new");
        await agent.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("申报此事项.*" + Regex.Escape(procedureName)) }).ClickAsync();
        Assert.Equal("申报新项目", await HeadingAsync(agent));
        await ApplicantPages.FillProjectAsync(agent, name);
        var checklist = ApplicantPages.Checklist(Product.Services, definitionId);
        await ApplicantPages.AttachAsync(agent, checklist.Where(m => !leftOut.Contains(m.Code)));
        await Screenshots.SaveAsync(agent, $"e2e-{definitionId}-file");
        await agent.GetByRole(AriaRole.Button, new() { Name = "提交申报" }).ClickAsync();
        await agent.WaitForURLAsync(ApplicantPages.ProjectUrl());
        var id = ApplicantPages.IdIn(agent.Url);
        Assert.Equal(name, await HeadingAsync(agent));
        await Assertions.Expect(agent.GetByRole(AriaRole.Status)).ToContainTextAsync("申报已提交", new() { Timeout = Slow });
        // The project the page shows is the one stored under this unique name.
        Assert.Equal(id, Assert.Single(await ApplicantPages.ProjectsNamedAsync(Product.Services, name)).Id);
        return id;
    }

    /// <summary>The window accepts the filing on /window/intake/{id} and lands on the printed 受理通知书.</summary>
    protected async Task<IPage> AcceptAsync(Guid id, string screenshot)
    {
        var window = await PersonAsync("window");
        await GotoAsync(window, $"/window/intake/{id}");
        await window.GetByRole(AriaRole.Button, new() { Name = "受理", Exact = true }).ClickAsync();
        await window.WaitForURLAsync($"**/window/documents/{id}/receipt");
        Assert.Equal("受理通知书", await HeadingAsync(window));
        await Screenshots.SaveAsync(window, screenshot);
        return window;
    }

    /// <summary>The receipt's project code and query key, as the applicant reads them on its project page.</summary>
    protected async Task<(string Code, string Key)> ReceiptCodesAsync(Guid id)
    {
        var agent = await PersonAsync("agent");
        await GotoAsync(agent, $"/my/projects/{id}");
        var receipt = agent.GetByRole(AriaRole.Region, new() { Name = "受理通知书" });
        var code = (await receipt.Locator("dd.code").Nth(0).InnerTextAsync()).Trim();
        var key = (await receipt.Locator("dd.code").Nth(1).InnerTextAsync()).Trim();
        Assert.Matches(@"^\d{4}-\d{6}-\d{2}-\d{2}-[0-9A-Z]{6}$", code);
        Assert.NotEmpty(key);
        return (code, key);
    }

    /// <summary>The open tasks of a kind, as each department finds them in its 部门待办.</summary>
    protected async Task<List<WorkTask>> OpenTasksAsync(Guid id, TaskKind kind) =>
        (await ProjectAsync(id)).Tasks.Where(t => t.Kind == kind && t.IsOpen).OrderBy(t => t.MatterCode).ThenBy(t => t.DepartmentId).ToList();

    protected Task<ProjectInstance> ProjectAsync(Guid id) =>
        Product.Services.GetRequiredService<ProjectReader>().GetAsync(Actor.System, id);

    /// <summary>The department's approver opens its task on /tasks/{id} (the 办理 link of its 部门待办 leads there).</summary>
    protected async Task<IPage> OpenTaskAsync(WorkTask task)
    {
        var approver = await PersonAsync($"approver-{task.DepartmentId}");
        await GotoAsync(approver, $"/tasks/{task.Id}");
        Assert.StartsWith("审批办理：", await HeadingAsync(approver));
        return approver;
    }

    /// <summary>Approves a matter on its task page: 审批结论 准予许可, 提交审批决定.</summary>
    protected async Task ApproveAsync(WorkTask task, string screenshot)
    {
        var approver = await OpenTaskAsync(task);
        await approver.GetByLabel("审批结论").SelectOptionAsync("approve");
        await approver.GetByRole(AriaRole.Button, new() { Name = "提交审批决定", Exact = true }).ClickAsync();
        await approver.WaitForURLAsync($"**/tasks/{task.Id}?done=decision");
        await Assertions.Expect(approver.GetByRole(AriaRole.Region, new() { Name = "办理结果" })).ToContainTextAsync("准予许可", new() { Timeout = Slow });
        await Screenshots.SaveAsync(approver, screenshot);
    }

    /// <summary>Approves every matter decision as its task opens (matters that wait for others open after them).</summary>
    protected async Task ApproveAllMattersAsync(Guid id, string screenshotPrefix)
    {
        for (var round = 0; round < 10; round++)
        {
            var open = await OpenTasksAsync(id, TaskKind.MatterDecision);
            if (open.Count == 0) return;
            foreach (var task in open) await ApproveAsync(task, $"{screenshotPrefix}-{task.MatterCode}");
        }
        Assert.Fail("The matters did not all close.");
    }

    /// <summary>The window issues the results on /window/results/{id}: the project completes on time.</summary>
    protected async Task IssueResultsAsync(Guid id, string screenshot)
    {
        var window = await PersonAsync("window");
        await GotoAsync(window, $"/window/results/{id}");
        Assert.StartsWith("统一出件：", await HeadingAsync(window));
        foreach (var row in await window.GetByRole(AriaRole.Table, new() { Name = "各事项的审批决定" }).Locator("tbody tr").AllAsync())
            await Assertions.Expect(row).ToContainTextAsync("按时", new() { Timeout = Slow });
        await window.GetByRole(AriaRole.Button, new() { Name = "统一出件" }).ClickAsync();
        await Assertions.Expect(window.GetByRole(AriaRole.Status)).ToContainTextAsync("已统一出件，项目办结（按时办结）", new() { Timeout = Slow });
        await Screenshots.SaveAsync(window, screenshot);
        var project = await ProjectAsync(id);
        Assert.Equal(InstanceStatus.Completed, project.Status);
        Assert.True(project.OnTime);
    }

    /// <summary>The investor's /track with the receipt's code and key (a browser of its own, not signed in).</summary>
    protected async Task<ILocator> TrackAsync(string code, string key, string name, string screenshot)
    {
        var investor = await PersonAsync("investor");
        await GotoAsync(investor, "/track");
        await investor.GetByLabel("项目代码").FillAsync(code);
        await investor.GetByLabel("查询码").FillAsync(key);
        await investor.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        var result = investor.Locator(".track-result");
        await Assertions.Expect(result.Locator("h2").First).ToHaveTextAsync(name, new() { Timeout = Slow });
        await Screenshots.SaveAsync(investor, screenshot);
        return result;
    }

    /// <summary>The investor's /track shows the project completed on time (按期办结).</summary>
    protected async Task TrackCompletedAsync(string code, string key, string name, string screenshot)
    {
        var result = await TrackAsync(code, key, name, screenshot);
        await Assertions.Expect(Fact(result, "办理状态")).ToHaveTextAsync("已办结", new() { Timeout = Slow });
        await Assertions.Expect(Fact(result, "办结日期")).ToContainTextAsync("（按期办结）", new() { Timeout = Slow });
    }

    /// <summary>The &lt;dd&gt; of a fact list whose &lt;dt&gt; reads <paramref name="term"/>.</summary>
    protected static ILocator Fact(ILocator scope, string term) =>
        scope.Locator($"xpath=.//dt[normalize-space()='{term}']/following-sibling::dd[1]").First;

    protected static ILocator Fact(IPage page, string term) => Fact(page.Locator("main"), term);

    [GeneratedRegex(@"宁政务[受告不]〔\d{4}〕\d+号")]
    protected static partial Regex DocumentNumber();
}
