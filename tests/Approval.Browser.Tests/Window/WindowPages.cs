using System.Text;
using System.Text.RegularExpressions;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Supervision;
using Approval.Web.Hosting;
using Approval.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Approval.Browser.Tests.Window;

/// <summary>What the window's tests share: projects filed through the engine in known states, and the A4 check.</summary>
internal static partial class WindowPages
{
    public const string Industrial = "industrial-construction-permit";
    public const string Enterprise = "enterprise-establishment";
    public static readonly Actor Window = new("window", ActorRole.WindowClerk);

    /// <summary>A project name no other test uses.</summary>
    public static string UniqueName(string what) => $"{what}{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>
    /// Files a project as the demo agent for the demo investor, listing the checklist but <paramref name="missing"/>, and
    /// records the paper originals of what it lists (handed in at the window).
    /// </summary>
    public static Task<Guid> FileAsync(IServiceProvider services, string definitionId, string name, params string[] missing) =>
        FileAsAsync(services, "agent", (DemoData.InvestorId, DemoData.InvestorName), definitionId, name, missing);

    /// <summary>
    /// Files a project as the agent <paramref name="agentUserName"/> for <paramref name="investor"/> (which has authorised
    /// it), as <see cref="FileAsync"/> does for the demo agent and investor.
    /// </summary>
    public static async Task<Guid> FileAsAsync(IServiceProvider services, string agentUserName, (string Id, string Name) investor,
        string definitionId, string name, params string[] missing)
    {
        var engine = services.GetRequiredService<WorkflowEngine>();
        await using var scope = services.CreateAsyncScope();
        var agentUser = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync(agentUserName);
        var agent = new Actor(agentUser!.Id, ActorRole.Agent);
        var materials = engine.Catalog.Latest(definitionId).Intake.Materials.Select(m => m.Code).Except(missing).ToList();
        var project = new ProjectDetails(name, investor.Id, investor.Name, "320193", "C2651", 52000m, null, "张伟", "13812345678");
        var id = (await engine.ExecuteAsync(new FileApplication(Guid.NewGuid().ToString(), agent, definitionId, project, materials))).InstanceId;
        await engine.ExecuteAsync(new RecordPaperOriginals(Guid.NewGuid().ToString(), Window, id, materials));
        return id;
    }

    /// <summary>An industrial project at the combined site survey: accepted, every pre-review opinion a pass.</summary>
    public static async Task<Guid> AtSurveyAsync(IServiceProvider services, string name)
    {
        var id = await FileAsync(services, Industrial, name, "power-of-attorney");
        var engine = services.GetRequiredService<WorkflowEngine>();
        await engine.ExecuteAsync(new AcceptApplication(Guid.NewGuid().ToString(), Window, id));
        foreach (var task in (await ProjectAsync(services, id)).Tasks.Where(t => t.Kind == TaskKind.PreReviewOpinion && t.IsOpen).ToList())
            await engine.ExecuteAsync(new GiveOpinion(Guid.NewGuid().ToString(), Approver(task), task.Id, true, [], null));
        return id;
    }

    /// <summary>An enterprise establishment with every matter approved, waiting for the window to issue the results.</summary>
    public static async Task<Guid> AtCompletionAsync(IServiceProvider services, string name)
    {
        var id = await FileAsync(services, Enterprise, name);
        var engine = services.GetRequiredService<WorkflowEngine>();
        await engine.ExecuteAsync(new AcceptApplication(Guid.NewGuid().ToString(), Window, id));
        // The business licence comes first; the others open once it is approved.
        for (var round = 0; round < 2; round++)
            foreach (var task in (await ProjectAsync(services, id)).Tasks.Where(t => t.Kind == TaskKind.MatterDecision && t.IsOpen).ToList())
                await engine.ExecuteAsync(new DecideMatter(Guid.NewGuid().ToString(), Approver(task), task.Id, MatterDecision.Approve, "准予办理", []));
        return id;
    }

    public static Task<ProjectInstance> ProjectAsync(IServiceProvider services, Guid id) =>
        services.GetRequiredService<ProjectReader>().GetAsync(Actor.System, id);

    private static Actor Approver(WorkTask task) => new($"approver-{task.DepartmentId}", ActorRole.Approver, task.DepartmentId);

    /// <summary>How many A4 pages the page prints to (print media emulated, as Chromium's print preview lays it out).</summary>
    public static async Task<int> PrintedPagesAsync(IPage page)
    {
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        var pdf = await page.PdfAsync(new() { Format = "A4" });
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        return PageObject().Matches(Encoding.Latin1.GetString(pdf)).Count;
    }

    /// <summary>A document number as the window prints it: 宁政务受〔2026〕15号.</summary>
    [GeneratedRegex(@"宁政务[受告不]〔\d{4}〕\d+号")]
    public static partial Regex DocumentNumber();

    [GeneratedRegex(@"/Type\s*/Page(?!s)")]
    private static partial Regex PageObject();
}
