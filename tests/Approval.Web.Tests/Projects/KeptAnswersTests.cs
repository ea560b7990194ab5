using System.Text.Json;
using Approval.Engine.Supervision;
using Approval.Web.Tests.Infrastructure;
using Approval.Web.Tests.Supervision;
using Approval.Web.Tests.Tasks;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Approval.Web.Tests.Projects;

/// <summary>
/// Tracking and one project are kept per project version, reader and day (<c>ProjectAnswers</c>, issue 16): a kept
/// answer is never served after the project changed, on another day, or to a reader who reads it differently.
/// </summary>
public sealed class KeptAnswersTests(ApprovalWebFactory factory) : IClassFixture<ApprovalWebFactory>
{
    private readonly HttpClient _anonymous = factory.CreateClient();

    private static string TrackingUrl(Engine.Runtime.ProjectInstance p) =>
        $"/api/tracking?code={Uri.EscapeDataString(p.ProjectCode!)}&key={p.QueryKey}";

    private async Task<string> TrackAsync(Guid id) =>
        await _anonymous.GetStringAsync(TrackingUrl(await Scenario.ProjectAsync(factory, id)), TestContext.Current.CancellationToken);

    private static JsonElement Task(string body, string departmentId) => JsonDocument.Parse(body).RootElement.GetProperty("departments")
        .EnumerateArray().Single(d => d.GetProperty("departmentId").GetString() == departmentId).GetProperty("tasks")[0];

    [Fact]
    public async Task Tracking_read_before_a_decision_shows_the_decision_after_it()
    {
        var id = await Scenario.RunningAsync(factory);
        var before = await TrackAsync(id);
        Assert.Equal(before, await TrackAsync(id));
        Assert.Equal("open", Task(before, "market-regulation").GetProperty("status").GetString());

        await Scenario.DecideAsync(factory, id, "market-regulation");

        var after = await TrackAsync(id);
        Assert.Equal("done", Task(after, "market-regulation").GetProperty("status").GetString());
        Assert.Contains("taskDecided", JsonDocument.Parse(after).RootElement.GetProperty("history").EnumerateArray()
            .Select(e => e.GetProperty("event").GetString()));
    }

    [Fact]
    public async Task Tracking_read_on_an_earlier_day_counts_the_days_since_and_past_the_deadline_changes_the_light()
    {
        var id = await Scenario.RunningAsync(factory);
        var start = factory.Clock.GetCurrentInstant();
        try
        {
            var before = JsonDocument.Parse(await TrackAsync(id)).RootElement;
            Assert.Equal((0, 3, "green"), (before.GetProperty("workingDaysUsed").GetInt32(), before.GetProperty("workingDaysLeft").GetInt32(),
                before.GetProperty("light").GetString()));

            // Friday 09-27 → Sunday 09-29, a working day (adjusted for National Day).
            factory.Clock.Advance(Duration.FromDays(2));
            var next = JsonDocument.Parse(await TrackAsync(id)).RootElement;
            Assert.True(next.GetProperty("workingDaysUsed").GetInt32() > 0, next.GetRawText());
            Assert.True(next.GetProperty("workingDaysLeft").GetInt32() < 3, next.GetRawText());

            // 10-09: the deadline (10-08) has passed.
            factory.Clock.Reset(start + Duration.FromDays(12));
            var late = JsonDocument.Parse(await TrackAsync(id)).RootElement;
            Assert.NotEqual("green", late.GetProperty("light").GetString());
        }
        finally
        {
            factory.Clock.Reset(start);
        }
    }

    [Fact]
    public async Task One_project_read_before_a_decision_shows_the_decision_after_it()
    {
        var id = await Scenario.RunningAsync(factory);
        var window = await factory.ClientForAsync("window");
        var before = await (await window.GetAsync($"/api/projects/{id}", TestContext.Current.CancellationToken)).ReadOkAsync();
        var again = await (await window.GetAsync($"/api/projects/{id}", TestContext.Current.CancellationToken)).ReadOkAsync();
        Assert.Equal(before.GetRawText(), again.GetRawText());

        await Scenario.DecideAsync(factory, id, "market-regulation");

        var after = await (await window.GetAsync($"/api/projects/{id}", TestContext.Current.CancellationToken)).ReadOkAsync();
        Assert.True(after.GetProperty("journal").GetArrayLength() > before.GetProperty("journal").GetArrayLength());
        Assert.Equal("done", after.GetProperty("tasks").EnumerateArray()
            .Single(t => t.GetProperty("departmentId").GetString() == "market-regulation").GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_query_key_kept_for_the_investor_is_not_served_to_staff_nor_the_staffs_answer_to_the_investor()
    {
        var id = await Scenario.RunningAsync(factory);
        var key = (await Scenario.ProjectAsync(factory, id)).QueryKey;
        var window = await factory.ClientForAsync("window");
        var investor = await factory.ClientForAsync("investor");

        var staff = await (await window.GetAsync($"/api/projects/{id}", TestContext.Current.CancellationToken)).ReadOkAsync();
        var own = await (await investor.GetAsync($"/api/projects/{id}", TestContext.Current.CancellationToken)).ReadOkAsync();
        var staffAgain = await (await window.GetAsync($"/api/projects/{id}", TestContext.Current.CancellationToken)).ReadOkAsync();

        Assert.Equal(key, own.GetProperty("project").GetProperty("queryKey").GetString());
        Assert.DoesNotContain(key!, staff.GetRawText());
        Assert.DoesNotContain(key!, staffAgain.GetRawText());
    }

    [Fact]
    public async Task The_versions_are_the_projects_own_and_those_of_its_other_applications_under_the_same_code()
    {
        var id = await Scenario.RunningAsync(factory);
        var reader = factory.Services.GetRequiredService<ProjectReader>();
        var project = await Scenario.ProjectAsync(factory, id);

        var stamps = await reader.VersionsAsync(id, TestContext.Current.CancellationToken);

        var others = await reader.SameProjectCodeAsync(Engine.Runtime.Actor.System, project, TestContext.Current.CancellationToken);
        Assert.Equal(others.Select(p => new ProjectStamp(p.Id, p.Version)).Append(new ProjectStamp(id, project.Version)).OrderBy(s => s.Id),
            stamps.OrderBy(s => s.Id));
        Assert.Empty(await reader.VersionsAsync(Guid.NewGuid(), TestContext.Current.CancellationToken));
        Assert.Equal(new ProjectStamp(id, project.Version), await reader.TrackVersionAsync(project.ProjectCode!, project.QueryKey!.ToLowerInvariant() + " ",
            TestContext.Current.CancellationToken));
        Assert.Null(await reader.TrackVersionAsync(project.ProjectCode!, "WRONGKEY0000", TestContext.Current.CancellationToken));
    }
}
