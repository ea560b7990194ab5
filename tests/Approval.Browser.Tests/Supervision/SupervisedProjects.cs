using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Web.Api;
using Approval.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Approval.Browser.Tests.Supervision;

/// <summary>Projects the supervision tests arrange through the engine, each with its own name (the server is shared).</summary>
internal static class SupervisedProjects
{
    public const string Enterprise = "enterprise-establishment";
    public static readonly Actor Window = new("window", ActorRole.WindowClerk);
    public static readonly Actor Supervisor = new("supervisor", ActorRole.Supervisor);

    public static string UniqueName(string what) => $"{what}{Guid.NewGuid().ToString("N")[..6]}";

    public static string Op() => Guid.NewGuid().ToString("N");

    /// <summary>An enterprise establishment filed by the demo investor (with matters on commitment, 告知承诺, if given) and accepted: its four matters are open in parallel.</summary>
    public static async Task<Guid> RunningEnterpriseAsync(IServiceProvider services, string name, IReadOnlyList<string>? commitmentMatters = null)
    {
        var engine = services.GetRequiredService<WorkflowEngine>();
        var investor = new Actor(DemoData.InvestorId, ActorRole.Investor);
        var materials = engine.Catalog.Latest(Enterprise).Intake.Materials.Select(m => m.Code).ToList();
        var project = new ProjectDetails(name, DemoData.InvestorId, DemoData.InvestorName, "320193", "C2651", 52000m, null, "张伟", "13812345678");
        var id = (await engine.ExecuteAsync(new FileApplication(Op(), investor, Enterprise, project, materials, commitmentMatters))).InstanceId;
        await engine.ExecuteAsync(new RecordPaperOriginals(Op(), Window, id, materials));
        await engine.ExecuteAsync(new AcceptApplication(Op(), Window, id));
        return id;
    }

    /// <summary>The project's open matter decisions, in a stable order.</summary>
    public static async Task<List<WorkTask>> OpenMattersAsync(IServiceProvider services, Guid id) =>
        (await services.GetRequiredService<Engine.Supervision.ProjectReader>().GetAsync(Actor.System, id)).Tasks
            .Where(t => t.Kind == TaskKind.MatterDecision && t.IsOpen).OrderBy(t => t.MatterCode, StringComparer.Ordinal).ToList();

    public static Actor ApproverOf(WorkTask task) => new($"approver-{task.DepartmentId}", ActorRole.Approver, task.DepartmentId);

    public static SupervisionBoard Board(IServiceProvider services) => services.GetRequiredService<SupervisionBoard>();

    /// <summary>
    /// Other tests change the shared server's data while a page loads: the page agrees with the service when the
    /// service gave the same answer before and after the page was read. Tries a few times before failing.
    /// </summary>
    public static async Task AssertAgreesAsync<T>(IPage page, string path, Func<Task<T>> service, Func<IPage, Task<T>> onPage)
        where T : IEquatable<T>
    {
        (T Before, T Page, T After) last = default;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var before = await service();
            await page.GotoAsync(path);
            var shown = await onPage(page);
            var after = await service();
            if (before.Equals(after) && shown.Equals(after)) return;
            last = (before, shown, after);
        }
        Assert.Fail($"{path}: the page showed {last.Page}, the service {last.Before} then {last.After}.");
    }
}
