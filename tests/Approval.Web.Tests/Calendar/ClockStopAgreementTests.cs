using System.Net.Http.Json;
using System.Text.Json;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Testing;
using Approval.Web.Tests.Infrastructure;
using Approval.Web.Tests.Tasks;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Approval.Web.Tests.Calendar;

/// <summary>
/// A 补正 asked on D and answered on E stops D+1 … E: the project's page shows exactly those days in
/// <c>stoppedDays</c>, and the calendar API given them as <c>stops=</c> answers the project's, the step's and the
/// re-check's due dates and the working days used.
/// </summary>
public sealed class ClockStopAgreementTests(ApprovalWebFactory factory) : IClassFixture<ApprovalWebFactory>
{
    [Theory]
    [InlineData(2026, 12, 2, 2026, 12, 2, "")]
    [InlineData(2026, 12, 2, 2026, 12, 3, "2026-12-03")]
    [InlineData(2026, 12, 4, 2026, 12, 7, "2026-12-05..2026-12-07")]
    [InlineData(2026, 9, 30, 2026, 10, 8, "2026-10-01..2026-10-08")]
    public async Task The_project_page_and_the_calendar_api_count_a_correction_alike(
        int askedYear, int askedMonth, int askedDay, int answeredYear, int answeredMonth, int answeredDay, string stopped)
    {
        factory.Clock.Reset(FakeClock.AtShanghai(askedYear, askedMonth, askedDay, 9).GetCurrentInstant());
        var id = await TestProjects.FileAndAcceptAsync(factory, "industrial-construction-permit");
        var engine = factory.Services.GetRequiredService<WorkflowEngine>();
        foreach (var task in (await Steps.ProjectAsync(factory, id)).Tasks.Where(t => t.Kind == TaskKind.PreReviewOpinion && t.IsOpen).ToList())
        {
            var asks = task.DepartmentId == "natural-resources";
            await engine.ExecuteAsync(new GiveOpinion(Guid.NewGuid().ToString(), Steps.Approver(task.DepartmentId!), task.Id, !asks,
                asks ? ["宗地图与出让合同不一致"] : [], null));
        }
        factory.Clock.Reset(FakeClock.AtShanghai(answeredYear, answeredMonth, answeredDay, 15).GetCurrentInstant());
        var correction = (await Steps.ProjectAsync(factory, id)).Tasks.Single(t => t.Kind == TaskKind.ApplicantCorrection && t.IsOpen);
        await engine.ExecuteAsync(new SubmitCorrection(Guid.NewGuid().ToString(), await TestProjects.AuthorisedAgentAsync(factory),
            correction.Id, ["cadastral-map"], "已更正"));
        var http = await factory.ClientForAsync("supervisor");

        var detail = await GetAsync(http, $"/api/projects/{id}");

        var project = detail.GetProperty("project");
        var stops = string.Join(",", detail.GetProperty("clockStops").EnumerateArray()
            .Select(s => s.GetProperty("stoppedDays")).Where(s => s.ValueKind == JsonValueKind.String).Select(s => s.GetString()));
        Assert.Equal(stopped, stops);
        var accepted = project.GetProperty("acceptedOn").GetString();
        var today = new LocalDate(answeredYear, answeredMonth, answeredDay).ToString("yyyy-MM-dd", null);
        Assert.Equal(await DeadlineAsync(http, accepted!, 50, stops), project.GetProperty("dueOn").GetString());
        Assert.Equal(await DeadlineAsync(http, accepted!, 5, stops), project.GetProperty("stepDueOn").GetString());
        var recheck = detail.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("round").GetInt32() == 2);
        Assert.Equal(project.GetProperty("stepDueOn").GetString(), recheck.GetProperty("dueOn").GetString());
        var used = await GetAsync(http, $"/api/calendar/working-days?from={accepted}&to={today}&stops={stops}");
        Assert.Equal(used.GetProperty("workingDays").GetInt32(), project.GetProperty("workingDaysUsed").GetInt32());
        Assert.Equal(50, project.GetProperty("workingDaysUsed").GetInt32() + project.GetProperty("workingDaysLeft").GetInt32());
    }

    private static async Task<string?> DeadlineAsync(HttpClient http, string from, int workingDays, string stops) =>
        (await GetAsync(http, $"/api/calendar/deadline?from={from}&workingDays={workingDays}&stops={stops}"))
            .GetProperty("deadline").GetString();

    private static Task<JsonElement> GetAsync(HttpClient http, string url) =>
        http.GetFromJsonAsync<JsonElement>(url, TestContext.Current.CancellationToken);
}
