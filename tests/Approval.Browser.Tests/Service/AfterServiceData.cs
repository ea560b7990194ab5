using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Service;
using Approval.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using static Approval.Browser.Tests.Supervision.SupervisedProjects;

namespace Approval.Browser.Tests.Service;

/// <summary>Projects the 好差评 and 督办 page tests arrange through the engine, each under its own name.</summary>
internal static class AfterServiceData
{
    public static readonly Actor Investor = new(DemoData.InvestorId, ActorRole.Investor);
    public static readonly Actor MarketRegulation = new("approver-market-regulation", ActorRole.Approver, "market-regulation");

    /// <summary>A running 企业开办 whose business licence (SCJG-001, 市场监管) is approved; the other matters open.</summary>
    public static async Task<Guid> LicenceApprovedAsync(IServiceProvider services, string name)
    {
        var id = await RunningEnterpriseAsync(services, name);
        var licence = (await OpenMattersAsync(services, id)).Single(t => t.MatterCode == "SCJG-001");
        await Engine(services).ExecuteAsync(new DecideMatter(Op(), ApproverOf(licence), licence.Id, MatterDecision.Approve, "符合条件", []));
        return id;
    }

    /// <summary>A 差评 on the licence: returns the rectification task.</summary>
    public static async Task<Guid> BadRatingAsync(IServiceProvider services, string name)
    {
        var id = await LicenceApprovedAsync(services, name);
        var result = await Engine(services).ExecuteAsync(new RateService(Op(), Investor, id, "SCJG-001", RatingLevel.Dissatisfied, "slow", "办理拖延，多次催办"));
        return result.OpenedTasks!.Single(t => t.Kind == TaskKind.Rectification).TaskId;
    }

    public static WorkflowEngine Engine(IServiceProvider services) => services.GetRequiredService<WorkflowEngine>();
}
