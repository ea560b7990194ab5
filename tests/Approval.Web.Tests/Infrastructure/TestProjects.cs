using Approval.Engine.Definitions;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Web.Hosting;
using Approval.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Web.Tests.Infrastructure;

/// <summary>
/// Arranges projects straight through the engine (as the demo agent, authorised by the demo investor), for tests
/// whose subject is a later step. Tests of filing itself go through the HTTP API.
/// </summary>
public static class TestProjects
{
    public static async Task<Actor> AgentAsync(ApprovalWebFactory factory) => await ActorAsync(factory, "agent", ActorRole.Agent);

    public static async Task<Actor> ActorAsync(ApprovalWebFactory factory, string userName, ActorRole role)
    {
        await factory.SeedAccountsAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync(userName)
            ?? throw new InvalidOperationException($"No demo account {userName}");
        return new Actor(role == ActorRole.Investor ? user.InvestorId! : user.Id, role, user.DepartmentId, user.DisplayName);
    }

    /// <summary>Makes sure the demo investor has authorised the demo agent from long ago to far ahead.</summary>
    public static async Task<Actor> AuthorisedAgentAsync(ApprovalWebFactory factory)
    {
        var agent = await AgentAsync(factory);
        var authorizations = factory.Services.GetRequiredService<AgentAuthorizations>();
        if ((await authorizations.ListAsync(agent)).Count == 0)
            await authorizations.GrantAsync(Actor.System, DemoData.InvestorId, DemoData.InvestorName, agent.UserId,
                new NodaTime.LocalDate(2000, 1, 1), new NodaTime.LocalDate(2099, 12, 31));
        return agent;
    }

    /// <summary>
    /// Files a project as the demo agent listing the whole checklist (or the given materials); returns its id. With
    /// <paramref name="handIn"/>, the window then records the paper originals of what was listed, so that they count as
    /// handed in, as a filing made at the window would be.
    /// </summary>
    public static async Task<Guid> FileAsync(ApprovalWebFactory factory, string definitionId, IEnumerable<string>? materials = null,
        bool handIn = true)
    {
        var agent = await AuthorisedAgentAsync(factory);
        var engine = factory.Services.GetRequiredService<WorkflowEngine>();
        var intake = engine.Catalog.Latest(definitionId).Intake;
        var project = new ProjectDetails("测试项目", DemoData.InvestorId, DemoData.InvestorName, "320193", "C26", 1000m, null, "张伟", "13812345678");
        var listed = (materials ?? intake.Materials.Select(m => m.Code)).ToList();
        var result = await engine.ExecuteAsync(new FileApplication(Guid.NewGuid().ToString(), agent, definitionId, project, listed));
        if (handIn && listed.Count > 0) await HandInAsync(factory, result.InstanceId, listed);
        return result.InstanceId;
    }

    /// <summary>Files and accepts (as the demo window clerk), so the project is running.</summary>
    public static async Task<Guid> FileAndAcceptAsync(ApprovalWebFactory factory, string definitionId)
    {
        var id = await FileAsync(factory, definitionId);
        await AcceptAsync(factory, id);
        return id;
    }

    /// <summary>Accepts a filed project as the demo window clerk.</summary>
    public static async Task AcceptAsync(ApprovalWebFactory factory, Guid id)
    {
        var window = await ActorAsync(factory, "window", ActorRole.WindowClerk);
        await factory.Services.GetRequiredService<WorkflowEngine>().ExecuteAsync(new AcceptApplication(Guid.NewGuid().ToString(), window, id));
    }

    /// <summary>The window records the paper originals of the given materials (纸质原件), so that they count as handed in.</summary>
    public static async Task HandInAsync(ApprovalWebFactory factory, Guid id, IReadOnlyList<string> materials)
    {
        var window = await ActorAsync(factory, "window", ActorRole.WindowClerk);
        await factory.Services.GetRequiredService<WorkflowEngine>().ExecuteAsync(new RecordPaperOriginals(Guid.NewGuid().ToString(), window, id, materials));
    }
}
