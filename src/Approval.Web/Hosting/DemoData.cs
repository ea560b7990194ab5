using Approval.Engine.Definitions;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Web.Identity;
using Microsoft.AspNetCore.Identity;
using NodaTime;

namespace Approval.Web.Hosting;

/// <summary>
/// Demo accounts (one per role, one approver per department) and a handful of demo projects in different states.
/// Seeded in Development only; outside it nothing is seeded and no default password exists.
/// </summary>
public static class DemoData
{
    /// <summary>The password of every demo account (Development only).</summary>
    public const string Password = "Approval#2026";
    public const string InvestorId = "inv-91320100MA1XYZ0001";
    public const string InvestorName = "某某新材料科技有限公司";

    public static async Task SeedAsync(IServiceProvider services)
    {
        await SeedAccountsAsync(services);
        await SeedProjectsAsync(services);
    }

    public static async Task SeedAccountsAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        await Administrators.EnsureRolesAsync(roles);

        var catalog = services.GetRequiredService<DefinitionCatalog>();
        var accounts = new List<(string Name, string Role, string Display, string? Department, string? Investor)>
        {
            ("agent", Roles.Agent, "代办员 李明", null, null),
            ("window", Roles.WindowClerk, "综合窗口 王芳", null, null),
            ("supervisor", Roles.Supervisor, "电子监察 赵强", null, null),
            ("admin", Roles.Administrator, "系统管理员", null, null),
            ("investor", Roles.Investor, InvestorName, null, InvestorId),
        };
        accounts.AddRange(catalog.Departments.Select(d => ($"approver-{d.Id}", Roles.Approver, $"{d.ShortName}审批员", (string?)d.Id, (string?)null)));
        foreach (var (name, role, display, department, investor) in accounts)
        {
            if (await users.FindByNameAsync(name) is not null) continue;
            var user = new ApplicationUser { UserName = name, DisplayName = display, DepartmentId = department, InvestorId = investor };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded) throw new InvalidOperationException($"Demo account {name}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            await users.AddToRoleAsync(user, role);
        }
    }

    /// <summary>Demo projects: one waiting at the window, one returned, two in parallel approval, one completed.</summary>
    public static async Task SeedProjectsAsync(IServiceProvider services)
    {
        var engine = services.GetRequiredService<WorkflowEngine>();
        var reader = services.GetRequiredService<Engine.Supervision.ProjectReader>();
        var window = new Actor("window", ActorRole.WindowClerk);
        // One row of each list says whether there is anything; reading them whole would load every project at each start.
        var lists = services.GetRequiredService<Engine.Supervision.ListReader>();
        var one = new Engine.Supervision.PageRequest(1);
        if ((await lists.IntakeQueueAsync(one)).Items.Count > 0 || (await lists.RunningProjectsAsync(null, null, one)).Items.Count > 0) return;

        await using var scope = services.CreateAsyncScope();
        var agentUser = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync("agent");
        var agent = new Actor(agentUser!.Id, ActorRole.Agent);
        var today = reader.Today;
        await services.GetRequiredService<AgentAuthorizations>().GrantAsync(Actor.System, InvestorId, InvestorName, agent.UserId,
            today.PlusDays(-30), today.PlusYears(1));

        async Task<Guid> File(string definition, string name, Func<MaterialRequirement, bool>? skip = null)
        {
            var intake = engine.Catalog.Latest(definition).Intake;
            var project = new ProjectDetails(name, InvestorId, InvestorName, "320193", "C2651", 52000m, null, "张伟", "13812345678");
            var materials = intake.Materials.Where(m => skip is null || !skip(m)).Select(m => m.Code).ToList();
            var id = (await engine.ExecuteAsync(new FileApplication($"demo:file:{name}", agent, definition, project, materials))).InstanceId;
            // The demo's filings were handed in on paper at the window, so that what they list counts as handed in.
            await engine.ExecuteAsync(new RecordPaperOriginals($"demo:paper:{name}", window, id, materials));
            return id;
        }

        await File("industrial-construction-permit", "年产5万吨高性能复合材料生产线项目");
        var returned = await File("enterprise-establishment", "某某新材料销售有限公司设立", m => m.Code == "articles-of-association");
        await engine.ExecuteAsync(new ReturnApplication("demo:return", window, returned, null));
        var running = await File("industrial-construction-permit", "新型建材产业园一期工程");
        await engine.ExecuteAsync(new AcceptApplication("demo:accept:industrial", window, running));
        var estate = await File("real-estate-registration", "某某小区3幢1单元501室转移登记");
        await engine.ExecuteAsync(new AcceptApplication("demo:accept:estate", window, estate));
        var done = await File("enterprise-establishment", "某某新材料科技（南京）有限公司设立");
        await engine.ExecuteAsync(new AcceptApplication("demo:accept:enterprise", window, done));
        for (var round = 0; round < 2; round++)
        {
            foreach (var task in (await reader.GetAsync(Actor.System, done)).Tasks.Where(t => t.Status == Engine.Runtime.TaskStatus.Open))
                await engine.ExecuteAsync(new DecideMatter($"demo:sign:{task.Id}", new Actor($"approver-{task.DepartmentId}", ActorRole.Approver, task.DepartmentId),
                    task.Id, MatterDecision.Approve, "符合条件，准予办理", []));
        }
        await engine.ExecuteAsync(new IssueResults("demo:issue", window, done));
    }
}
