using System.Net.Http.Json;
using System.Text.Json;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Web.Tests.Infrastructure;
using Approval.Web.Tests.Projects;
using Approval.Web.Tests.Supervision;
using Approval.Web.Tests.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Web.Tests.Tracking;

/// <summary>Stable codes in one case convention, each with the Chinese label a person reads next to it.</summary>
public sealed class LabelTests(ApprovalWebFactory factory) : IClassFixture<ApprovalWebFactory>
{
    private readonly HttpClient _http = factory.CreateClient();
    private readonly Clients _clients = new(factory);

    private static string Url(ProjectInstance p) => $"/api/tracking?code={Uri.EscapeDataString(p.ProjectCode!)}&key={p.QueryKey}";

    /// <summary>Returned for the bank account, resubmitted with it, then accepted.</summary>
    private async Task<Guid> ReturnedThenAcceptedAsync()
    {
        var engine = factory.Services.GetRequiredService<WorkflowEngine>();
        var id = await TestProjects.FileAsync(factory, Scenario.Definition, Filings.Checklist(Scenario.Definition).Where(c => c != "bank-account"));
        await engine.ExecuteAsync(new ReturnApplication(Guid.NewGuid().ToString(), Scenario.WindowClerk, id, null));
        await engine.ExecuteAsync(new ResubmitApplication(Guid.NewGuid().ToString(), await TestProjects.AgentAsync(factory), id, ["bank-account"]));
        await TestProjects.HandInAsync(factory, id, ["bank-account"]);
        await TestProjects.AcceptAsync(factory, id);
        return id;
    }

    [Fact]
    public async Task Tracking_names_resubmitted_materials_in_chinese_as_it_does_returned_ones()
    {
        var project = await Scenario.ProjectAsync(factory, await ReturnedThenAcceptedAsync());

        var history = (await _http.GetFromJsonAsync<JsonElement>(Url(project), TestContext.Current.CancellationToken)).GetProperty("history");

        var resubmitted = history.EnumerateArray().Single(e => e.GetProperty("event").GetString() == "resubmitted");
        var returned = history.EnumerateArray().Single(e => e.GetProperty("event").GetString() == "returned");
        Assert.Contains("单位银行结算账户信息", returned.GetProperty("reasons").GetString());
        Assert.Equal("单位银行结算账户信息", resubmitted.GetProperty("reasons").GetString());
    }

    [Fact]
    public async Task The_journal_and_tracking_use_the_same_event_codes_with_chinese_labels()
    {
        var project = await Scenario.ProjectAsync(factory, await ReturnedThenAcceptedAsync());
        var window = await _clients.AsAsync("window");

        var journal = (await (await window.GetAsync($"/api/projects/{project.Id}")).ReadOkAsync()).GetProperty("journal").EnumerateArray().ToList();
        var history = (await _http.GetFromJsonAsync<JsonElement>(Url(project), TestContext.Current.CancellationToken)).GetProperty("history")
            .EnumerateArray().ToList();

        Assert.Equal(history.Select(e => e.GetProperty("event").GetString()), journal.Select(e => e.GetProperty("event").GetString()));
        var returned = journal.Single(e => e.GetProperty("event").GetString() == "returned");
        Assert.Equal("退回（一次性告知）", returned.GetProperty("eventLabel").GetString());
        Assert.Equal("受理", history.Single(e => e.GetProperty("event").GetString() == "accepted").GetProperty("eventLabel").GetString());
        Assert.All(history, e => Assert.False(string.IsNullOrEmpty(e.GetProperty("eventLabel").GetString())));
    }

    [Fact]
    public async Task Tracking_shows_the_start_of_completion_under_no_department()
    {
        var id = await Steps.AtCompletionAsync(factory);
        var project = await Scenario.ProjectAsync(factory, id);

        var history = (await _http.GetFromJsonAsync<JsonElement>(Url(project), TestContext.Current.CancellationToken)).GetProperty("history");

        var started = history.EnumerateArray().Last(e => e.GetProperty("event").GetString() == "stepStarted");
        Assert.Equal("统一窗口出件", started.GetProperty("stepName").GetString());
        Assert.Equal(JsonValueKind.Null, started.GetProperty("departmentName").ValueKind);
    }

    [Fact]
    public async Task Disclosure_shows_the_decision_with_its_administrative_term()
    {
        var project = await Scenario.ProjectAsync(factory, await Scenario.CompletedAsync(factory));

        var rows = (await _http.GetFromJsonAsync<JsonElement>("/api/disclosure?size=200", TestContext.Current.CancellationToken)).GetProperty("items");

        var mine = rows.EnumerateArray().Where(r => r.GetProperty("projectCode").GetString() == project.ProjectCode).ToList();
        Assert.NotEmpty(mine);
        Assert.All(mine, r => Assert.Equal(("approved", "准予许可"), (r.GetProperty("decision").GetString(), r.GetProperty("decisionLabel").GetString())));
    }
}
