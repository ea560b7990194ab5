using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Supervision;
using Approval.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Web.Tests.Supervision;

/// <summary>
/// Drives enterprise-establishment projects through the engine to the state a supervision, tracking or disclosure
/// test reads. Staff actors carry recognisable user ids so that tests can look for them in public answers.
/// </summary>
internal static class Scenario
{
    public const string Definition = "enterprise-establishment";
    public const string Window = "window-user-7f3a";

    public static Actor Approver(string departmentId) => new($"approver-user-{departmentId}", ActorRole.Approver, departmentId);

    public static Actor WindowClerk { get; } = new(Window, ActorRole.WindowClerk);

    public static Task<ProjectInstance> ProjectAsync(ApprovalWebFactory factory, Guid id) =>
        factory.Services.GetRequiredService<ProjectReader>().GetAsync(Actor.System, id);

    private static WorkflowEngine Engine(ApprovalWebFactory factory) => factory.Services.GetRequiredService<WorkflowEngine>();

    /// <summary>A running project whose business licence (SCJG-001) is open at market regulation.</summary>
    public static Task<Guid> RunningAsync(ApprovalWebFactory factory) => TestProjects.FileAndAcceptAsync(factory, Definition);

    /// <summary>Decides the open matter of a department.</summary>
    public static async Task DecideAsync(ApprovalWebFactory factory, Guid id, string departmentId,
        MatterDecision decision = MatterDecision.Approve, string reasons = "符合条件，准予办理")
    {
        var task = (await ProjectAsync(factory, id)).Tasks.Single(t => t.DepartmentId == departmentId && t.IsOpen && t.Kind == TaskKind.MatterDecision);
        await Engine(factory).ExecuteAsync(new DecideMatter(Guid.NewGuid().ToString(), Approver(departmentId), task.Id, decision, reasons, []));
    }

    /// <summary>A completed project: every matter approved (the licence first, then the three that wait for it), results issued.</summary>
    public static async Task<Guid> CompletedAsync(ApprovalWebFactory factory)
    {
        var id = await RunningAsync(factory);
        await DecideAsync(factory, id, "market-regulation");
        foreach (var department in new[] { "public-security", "taxation", "human-resources" })
            await DecideAsync(factory, id, department);
        await Engine(factory).ExecuteAsync(new IssueResults(Guid.NewGuid().ToString(), WindowClerk, id));
        return id;
    }

    /// <summary>A department asks a supervisor for more working days on its open matter; returns the request's id.</summary>
    public static async Task<Guid> RequestExtensionAsync(ApprovalWebFactory factory, Guid id, string departmentId, int workingDays, string reason)
    {
        var task = (await ProjectAsync(factory, id)).Tasks.Single(t => t.DepartmentId == departmentId && t.IsOpen && t.Kind == TaskKind.MatterDecision);
        var result = await Engine(factory).ExecuteAsync(new RequestExtension(Guid.NewGuid().ToString(), Approver(departmentId), task.Id, workingDays, reason));
        return result.ExtensionId!.Value;
    }
}
