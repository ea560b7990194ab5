using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approval.Web.Tests.Infrastructure;

namespace Approval.Web.Tests.EndToEnd;

/// <summary>Drives a project through the HTTP API only, each step by the role that owns it, checking tracking as the investor would.</summary>
public sealed class ApiWalk(ApprovalWebFactory factory)
{
    private readonly Dictionary<string, HttpClient> _clients = new();
    private bool _authorised;

    public Guid Id { get; private set; }
    public string? Code { get; private set; }
    public string? Key { get; private set; }

    public async Task<HttpClient> As(string user)
    {
        if (!_clients.TryGetValue(user, out var client)) _clients[user] = client = await factory.ClientForAsync(user == "anonymous" ? null : user);
        return client;
    }

    public static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement;
    }

    /// <summary>
    /// The agent files for the demo investor with the whole checklist except <paramref name="missing"/>, and hands the
    /// paper originals of what it listed to the window, which records them.
    /// </summary>
    public Task FileAsync(string definitionId, params string[] missing) => FileAsync(definitionId, null, missing);

    /// <summary>As <see cref="FileAsync(string, string[])"/>, naming a project code (that of the permit a 竣工联合验收 follows).</summary>
    /// <param name="definitionId">The procedure.</param>
    /// <param name="projectCode">The project code the filing gives, if any.</param>
    /// <param name="missing">Checklist codes left out.</param>
    /// <param name="commitmentMatters">Matters chosen on commitment (告知承诺), if any.</param>
    /// <param name="simulation">File in simulation (模拟审批).</param>
    public async Task FileAsync(string definitionId, string? projectCode, IReadOnlyCollection<string> missing,
        IReadOnlyList<string>? commitmentMatters = null, bool simulation = false)
    {
        var agent = await As("agent");
        var investorId = await AuthoriseAgentAsync();
        var checklist = (await Ok(await agent.GetAsync($"/api/definitions/{definitionId}"))).GetProperty("activities")[0].GetProperty("materials")
            .EnumerateArray().Select(m => m.GetProperty("code").GetString()!).Where(c => !missing.Contains(c)).ToList();
        var filed = await Ok(await agent.PostDecisionAsync("/api/projects", new
        {
            definitionId,
            project = new { projectName = "年产10万吨新材料项目", investorId, division = "320193", industry = "C2651", investmentAmount = 52000,
                contactName = "张伟", contactPhone = "025-83123456", projectCode },
            materials = checklist,
            commitmentMatters,
            simulation = simulation ? true : (bool?)null,
        }));
        Id = Guid.Parse(filed.GetProperty("id").GetString()!);
        await HandInAsync([.. checklist]);
    }

    /// <summary>
    /// The demo investor authorises the agent (委托) through the API, once per walk; returns the investor's user id,
    /// for the filings the agent makes in its name.
    /// </summary>
    public async Task<string> AuthoriseAgentAsync()
    {
        var investor = await As("investor");
        var me = await Ok(await investor.GetAsync("/api/auth/me"));
        if (!_authorised)
            await Ok(await investor.PostAsJsonAsync("/api/authorisations",
                new { agentUserName = "agent", validFrom = "2024-01-01", validTo = "2026-12-31" }));
        _authorised = true;
        return me.GetProperty("userId").GetString()!;
    }

    /// <summary>The window records the paper originals of these materials (纸质原件).</summary>
    public async Task HandInAsync(params string[] materials) =>
        await Ok(await (await As("window")).PostDecisionAsync($"/api/intake/{Id}/paper-originals", new { materials }));

    public async Task<JsonElement> AcceptAsync(string? promisedBy = null)
    {
        var window = await As("window");
        var queue = (await Ok(await window.GetAsync("/api/intake/queue?size=200"))).GetProperty("items");
        Assert.Contains(queue.EnumerateArray(), p => p.GetProperty("id").GetString() == Id.ToString());
        await Ok(await window.PostDecisionAsync($"/api/intake/{Id}/acceptance", promisedBy is null ? new { } : new { promisedBy }));
        var receipt = await Ok(await window.GetAsync($"/api/intake/{Id}/receipt"));
        Code = receipt.GetProperty("projectCode").GetString();
        Key = receipt.GetProperty("queryKey").GetString();
        Assert.False(string.IsNullOrEmpty(Code));
        Assert.False(string.IsNullOrEmpty(Key));
        return receipt;
    }

    public async Task<JsonElement> TrackAsync()
    {
        var anonymous = await As("anonymous");
        return await Ok(await anonymous.GetAsync($"/api/tracking?code={Code}&key={Key}"));
    }

    /// <summary>The open tasks of this project in an approver's list.</summary>
    public async Task<List<JsonElement>> TasksOfAsync(string department)
    {
        var approver = await As($"approver-{department}");
        var tasks = (await Ok(await approver.GetAsync("/api/tasks?size=200"))).GetProperty("items");
        return tasks.EnumerateArray().Where(t => t.GetProperty("instanceId").GetString() == Id.ToString()).ToList();
    }

    public async Task DecideAllAsync(string department, string path, object body)
    {
        var approver = await As($"approver-{department}");
        var tasks = await TasksOfAsync(department);
        Assert.NotEmpty(tasks);
        foreach (var task in tasks)
            await Ok(await approver.PostDecisionAsync($"/api/tasks/{task.GetProperty("id").GetString()}/{path}", body));
    }

    public async Task<JsonElement> DetailAsync() => await Ok(await (await As("window")).GetAsync($"/api/projects/{Id}"));

    public async Task<List<string>> OpenDepartmentsAsync() =>
        (await DetailAsync()).GetProperty("tasks").EnumerateArray()
            .Where(t => t.GetProperty("status").GetString() == "open" && t.GetProperty("kind").GetString() != "applicantCorrection")
            .Select(t => t.GetProperty("departmentId").GetString()!).Distinct().ToList();

    public async Task IssueResultsAsync() => await Ok(await (await As("window")).PostDecisionAsync($"/api/intake/{Id}/results", new { }));

    public static HttpStatusCode Status(HttpResponseMessage r) => r.StatusCode;
}
