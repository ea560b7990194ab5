using System.Net.Http.Json;
using System.Text.Json;
using Approval.Engine.Definitions;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Web.Hosting;
using Approval.Web.Identity;
using Approval.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Web.Tests.Projects;

/// <summary>Request bodies, extra accounts and projects of other investors for the project API's tests.</summary>
internal static class Filings
{
    public const string Definition = "enterprise-establishment";
    public const string OtherInvestorId = "inv-91320100MA1OTHER01";

    /// <summary>A complete filing of the enterprise-establishment definition, for the given investor or none.</summary>
    public static object Body(string? investorId = DemoData.InvestorId, string? projectCode = null) => new
    {
        definitionId = Definition,
        project = new
        {
            projectName = "某某新材料销售有限公司设立", investorId, division = "320193", industry = "F51",
            investmentAmount = 500m, projectCode, contactName = "张伟", contactPhone = "13812345678",
        },
        materials = Checklist(Definition),
    };

    private static readonly Lazy<DefinitionCatalog> Catalog = new(() => DefinitionLoader.Load(Approval.Testing.RepositoryPaths.Workflows));

    public static List<string> Checklist(string definitionId) =>
        Catalog.Value.Latest(definitionId).Intake.Materials.Select(m => m.Code).ToList();

    /// <summary>Sends raw JSON (for malformed and mistyped bodies) with an Idempotency-Key.</summary>
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, string json, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return client.SendAsync(request);
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    /// <summary>The projects the client follows, as the list endpoint shows them.</summary>
    public static async Task<List<JsonElement>> MineAsync(this HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/projects?size=200")).GetProperty("items").EnumerateArray().ToList();

    /// <summary>A second proxy agent account (password as the demo accounts), authorised by nobody.</summary>
    public static async Task<(HttpClient Client, Actor Actor)> NewAgentAsync(ApprovalWebFactory factory, string userName)
    {
        await factory.SeedAccountsAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            if (await users.FindByNameAsync(userName) is null)
            {
                var user = new ApplicationUser { UserName = userName, DisplayName = "代办员 " + userName };
                var created = await users.CreateAsync(user, DemoData.Password);
                Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
                await users.AddToRoleAsync(user, Roles.Agent);
            }
        }
        return (await factory.ClientForAsync(userName), await TestProjects.ActorAsync(factory, userName, ActorRole.Agent));
    }

    /// <summary>A project of an investor who authorised no one (filed by the system, as a paper filing would be recorded).</summary>
    public static async Task<Guid> OtherInvestorsProjectAsync(ApprovalWebFactory factory)
    {
        var engine = factory.Services.GetRequiredService<WorkflowEngine>();
        var project = new ProjectDetails("他人项目", OtherInvestorId, "另一家公司", "320193", "C26", 100m, null, "孙丽", "13912345678");
        var result = await engine.ExecuteAsync(new FileApplication(Guid.NewGuid().ToString(), Actor.System, Definition, project, Checklist(Definition)));
        return result.InstanceId;
    }
}
