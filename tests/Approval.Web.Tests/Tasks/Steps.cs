using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approval.Engine.Journal;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Supervision;
using Approval.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Web.Tests.Tasks;

/// <summary>
/// Arranges projects at a later step straight through the engine, and reads back what was stored, so that each
/// test of an endpoint sends only the request it is about.
/// </summary>
internal static class Steps
{
    public static Task<ProjectInstance> ProjectAsync(ApprovalWebFactory factory, Guid id) =>
        factory.Services.GetRequiredService<ProjectReader>().GetAsync(Actor.System, id);

    public static Task<List<JournalEntry>> JournalAsync(ApprovalWebFactory factory, Guid id) =>
        factory.Services.GetRequiredService<ProjectReader>().JournalAsync(id);

    /// <summary>The open task of a department (not the applicant's correction).</summary>
    public static async Task<WorkTask> OpenTaskAsync(ApprovalWebFactory factory, Guid id, string departmentId) =>
        (await ProjectAsync(factory, id)).Tasks.Single(t => t.DepartmentId == departmentId && t.IsOpen && t.Kind != TaskKind.ApplicantCorrection);

    /// <summary>How many times the task was signed off: the journal's TaskDecided entries for it.</summary>
    public static async Task<int> SignOffsAsync(ApprovalWebFactory factory, Guid id, Guid taskId) =>
        (await JournalAsync(factory, id)).Count(e => e.Event == "TaskDecided" && e.TaskId == taskId);

    public static Actor Approver(string departmentId) => new($"approver-{departmentId}", ActorRole.Approver, departmentId);

    /// <summary>An industrial construction project at the combined site survey: accepted, every pre-review opinion a pass.</summary>
    public static async Task<Guid> AtSiteSurveyAsync(ApprovalWebFactory factory)
    {
        var id = await TestProjects.FileAndAcceptAsync(factory, "industrial-construction-permit");
        var engine = factory.Services.GetRequiredService<WorkflowEngine>();
        foreach (var task in (await ProjectAsync(factory, id)).Tasks.Where(t => t.Kind == TaskKind.PreReviewOpinion && t.IsOpen).ToList())
            await engine.ExecuteAsync(new GiveOpinion(Guid.NewGuid().ToString(), Approver(task.DepartmentId!), task.Id, true, [], null));
        return id;
    }

    /// <summary>An enterprise establishment with every matter approved, waiting for the window to issue the results.</summary>
    public static async Task<Guid> AtCompletionAsync(ApprovalWebFactory factory)
    {
        var id = await TestProjects.FileAndAcceptAsync(factory, "enterprise-establishment");
        var engine = factory.Services.GetRequiredService<WorkflowEngine>();
        // The business licence comes first; the others open once it is approved.
        for (var round = 0; round < 2; round++)
        {
            foreach (var task in (await ProjectAsync(factory, id)).Tasks.Where(t => t.Kind == TaskKind.MatterDecision && t.IsOpen).ToList())
                await engine.ExecuteAsync(new DecideMatter(Guid.NewGuid().ToString(), Approver(task.DepartmentId!), task.Id,
                    MatterDecision.Approve, "准予办理", []));
        }
        return id;
    }
}

/// <summary>Signed-in clients by demo account, each signed in once per factory.</summary>
internal sealed class Clients(ApprovalWebFactory factory)
{
    private readonly ConcurrentDictionary<string, Task<HttpClient>> _clients = new();

    public Task<HttpClient> AsAsync(string userName) => _clients.GetOrAdd(userName, factory.ClientForAsync);

    public Task<HttpClient> ApproverAsync(string departmentId) => AsAsync($"approver-{departmentId}");
}

/// <summary>Reading JSON answers in assertions.</summary>
internal static class Answers
{
    public static async Task<JsonElement> ReadOkAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string url, string json, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostWithoutKeyAsync(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body);
}
