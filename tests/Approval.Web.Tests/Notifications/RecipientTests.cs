using System.Net.Http.Json;
using System.Text.Json;
using Approval.Engine.Notifications;
using Approval.Engine.Timers;
using Approval.Web.Identity;
using Approval.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Approval.Web.Tests.Notifications;

/// <summary>
/// Who hears of an overdue task: the department's approvers, its head (named in configuration) and the supervisors,
/// in-app; not the applicant, and not another department.
/// </summary>
public sealed class RecipientTests
{
    private const string Definition = "enterprise-establishment";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_overdue_task_reaches_the_departments_approvers_its_head_and_the_supervisor_but_not_the_applicant()
    {
        await using var probe = new ApprovalWebFactory();
        var department = await LicenceDepartmentAsync(probe);
        await using var factory = new ApprovalWebFactory
        {
            Settings = new() { ["Approval:Notifications:DepartmentHeads:" + department + ":0"] = "head-of-licences" },
        };
        await factory.SeedAccountsAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var head = new ApplicationUser { UserName = "head-of-licences", DisplayName = "科长", DepartmentId = department };
            Assert.True((await users.CreateAsync(head, Web.Hosting.DemoData.Password)).Succeeded);
            await users.AddToRoleAsync(head, Roles.Approver);
        }
        var id = await TestProjects.FileAndAcceptAsync(factory, Definition);
        factory.Clock.Advance(Duration.FromDays(30));
        await factory.Services.GetRequiredService<TimerScheduler>().RunDueAsync(Ct);
        await factory.Services.GetRequiredService<NotificationDispatcher>().RunOnceAsync(Ct);

        async Task<List<string?>> KindsAsync(string user)
        {
            var page = await (await factory.ClientForAsync(user)).GetFromJsonAsync<JsonElement>("/api/me/messages", Ct);
            return [.. page.GetProperty("items").EnumerateArray().Where(m => m.GetProperty("instanceId").GetGuid() == id)
                .Select(m => m.GetProperty("kind").GetString())];
        }
        Assert.Contains(NotificationKinds.TaskOverdue, await KindsAsync("approver-" + department));
        Assert.Contains(NotificationKinds.TaskOverdue, await KindsAsync("head-of-licences"));
        Assert.Contains(NotificationKinds.TaskOverdue, await KindsAsync("supervisor"));
        var investor = await KindsAsync("investor");
        Assert.Contains(NotificationKinds.Accepted, investor);
        Assert.DoesNotContain(NotificationKinds.TaskOverdue, investor);
        var other = factory.Services.GetRequiredService<Engine.Definitions.DefinitionCatalog>().Departments.First(d => d.Id != department).Id;
        Assert.Empty(await KindsAsync("approver-" + other));
    }

    private static async Task<string> LicenceDepartmentAsync(ApprovalWebFactory factory)
    {
        var id = await TestProjects.FileAndAcceptAsync(factory, Definition);
        var project = await factory.Services.GetRequiredService<Engine.Supervision.ProjectReader>().GetAsync(Engine.Runtime.Actor.System, id);
        return project.Tasks.Single(t => t.IsOpen).DepartmentId!;
    }
}
