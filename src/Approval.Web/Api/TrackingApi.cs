using Approval.Engine;
using Approval.Engine.Activities;
using Approval.Engine.Calendar;
using Approval.Engine.Definitions;
using Approval.Engine.Journal;
using Approval.Engine.Runtime;
using Approval.Engine.Supervision;
using Approval.Web.Api.Contracts;
using Approval.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace Approval.Web.Api;

/// <summary>
/// Public tracking (办件进度查询) by project code and the query key printed on the acceptance receipt; no sign-in.
/// A wrong code, a wrong key and a malformed code all get the same 404, so the endpoint cannot be used to learn
/// which codes exist, and each client has a small budget of calls per minute.
/// </summary>
public static class TrackingApi
{
    /// <summary>Longer values cannot be a code or a key; they are answered "not found" without asking the database.</summary>
    private const int MaxLength = 64;

    public static IEndpointRouteBuilder MapTrackingApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/tracking").WithTags("Tracking").AllowAnonymous().RequireRateLimiting(RateLimits.Tracking)
            .MapGet("/", Track)
            .WithSummary("A project's stage, departments, working days used and left, expected completion and history, by code and query key")
            .WithDescription("Limited per client address: Approval:Tracking:PermitsPerMinute look-ups a minute (30) and "
                + "Approval:Tracking:MissesPerHour failed look-ups an hour (10); beyond either, 429 with Retry-After in seconds.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return routes;
    }

    private static async Task<Results<JsonAnswer<TrackingDto>, ProblemHttpResult>> Track(string? code, string? key, ProjectAnswers answers,
        TrackingMisses misses, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code)) throw new InvalidInputException("code", "Required: the project code on the acceptance receipt.");
        if (string.IsNullOrWhiteSpace(key)) throw new InvalidInputException("key", "Required: the query key on the acceptance receipt.");
        var lookup = await LookUpAsync(code, key, ClientAddress.Of(http), answers, misses, ct);
        if (lookup.RetryAfter is { } wait)
        {
            http.Response.Headers.RetryAfter = RateLimits.Seconds(wait);
            return TypedResults.Problem("Too many look-ups with a wrong code or query key from this address; try again later.",
                statusCode: StatusCodes.Status429TooManyRequests, title: "Too many failed look-ups.");
        }
        // One answer for every miss: the caller must not learn whether the code exists.
        return new JsonAnswer<TrackingDto>(lookup.Answer ?? throw new NotFoundException("A project with this code and query key"));
    }

    /// <summary>
    /// The investor's view of a project by code and query key: found, or nothing for a wrong code, a wrong key or a
    /// malformed code alike, or a wait for an address that missed too often (its misses have their own, much smaller
    /// budget: only a guesser misses often). The API and the tracking page (/track) both ask here.
    /// </summary>
    public static async Task<TrackingLookup> LookUpAsync(string code, string key, string address, ProjectAnswers answers,
        TrackingMisses misses, CancellationToken ct)
    {
        if (misses.Wait(address) is { } wait) return new TrackingLookup(null, wait);
        var found = code.Length <= MaxLength && key.Length <= MaxLength ? await answers.TrackAsync(code.Trim(), key, ct) : null;
        if (found is null) misses.Record(address);
        return new TrackingLookup(found, null);
    }

    /// <summary>The tracking answer of a project and its journal (<see cref="ProjectAnswers.TrackAsync"/> keeps it per version and day).</summary>
    internal static TrackingDto View(ProjectInstance found, IEnumerable<JournalEntry> journal, ProjectViews views, DefinitionCatalog catalog,
        WorkingDayCalendar calendar, Deadlines deadlines)
    {
        var summary = views.Summary(found);
        var definition = catalog.Get(found.DefinitionId, found.DefinitionVersion);
        return new TrackingDto(
            found.ProjectCode, found.ProjectName, definition.Name, found.Status, summary.CurrentStepName,
            found.AcceptedOn, found.TargetWorkingDays, found.ExtensionWorkingDays, summary.WorkingDaysUsed, summary.WorkingDaysLeft,
            found.DueOn, found.EndedOn, found.OnTime, found.OutcomeReason, summary.Light, ProjectViews.Steps(definition, found),
            Departments(found, catalog, calendar, views, deadlines), Extensions(found, catalog, calendar), History(journal, definition, catalog),
            summary.Provisional, summary.ProvisionalCode, summary.ProvisionalReason,
            found.Simulation, summary.SimulationLabel, found.SimulationExpiresOn, found.ConvertedOn);
    }

    private static List<TrackedDepartmentDto> Departments(ProjectInstance project, DefinitionCatalog catalog, WorkingDayCalendar calendar,
        ProjectViews views, Deadlines deadlines) =>
        project.Tasks.Where(t => t.DepartmentId is not null)
            .GroupBy(t => t.DepartmentId!)
            .OrderBy(g => CatalogueOrder(g.Key, catalog))
            .Select(g => new TrackedDepartmentDto(g.Key, CatalogueNames.Department(g.Key, catalog), g
                .OrderBy(t => t.OpenedOn ?? LocalDate.MaxIsoValue).ThenBy(t => t.Title, StringComparer.Ordinal)
                .Select(t => new TrackedTaskDto(t.Kind, t.Title, t.MatterCode, CatalogueNames.Matter(t.MatterCode, catalog), t.Status,
                    t.Outcome is null ? null : Outcomes.Code(t.Outcome), t.Comment, t.Items, t.Round,
                    t.OpenedOn, t.DueOn, t.DecidedAt is { } at ? calendar.LocalDateOf(at) : null, views.LightOf(t),
                    t.Outcome is null ? null : Outcomes.Label(t.Outcome))
                    .WithProvisional(deadlines.TaskDueProvisional(t)))
                .ToList()))
            .ToList();

    private static List<TrackedExtensionDto> Extensions(ProjectInstance project, DefinitionCatalog catalog, WorkingDayCalendar calendar) =>
        project.Extensions.OrderBy(e => e.RequestedAt).Select(e =>
        {
            var task = project.Tasks.FirstOrDefault(t => t.Id == e.TaskId);
            return new TrackedExtensionDto(task?.MatterCode, task?.DepartmentId is { } d ? CatalogueNames.Department(d, catalog) : null,
                e.WorkingDays, e.Reason, e.Status, calendar.LocalDateOf(e.RequestedAt),
                e.DecidedAt is { } at ? calendar.LocalDateOf(at) : null, e.DecisionNote);
        }).ToList();

    /// <summary>The journal without <see cref="JournalEntry.UserId"/>, role or operation id: what happened, not who did it.</summary>
    private static List<TrackedEventDto> History(IEnumerable<JournalEntry> journal, WorkflowDefinition definition, DefinitionCatalog catalog) =>
        journal.Select(j => new TrackedEventDto(j.Sequence, JournalEvents.Code(j.Event), j.At, j.WorkingDay,
            definition.Activities.FirstOrDefault(a => a.Id == j.ActivityId)?.Name,
            j.DepartmentId, j.DepartmentId is { } d ? CatalogueNames.Department(d, catalog) : null, j.MatterCode, j.Decision, j.Reasons,
            JournalEvents.Label(j.Event)))
        .ToList();

    private static int CatalogueOrder(string departmentId, DefinitionCatalog catalog)
    {
        for (var i = 0; i < catalog.Departments.Count; i++)
            if (catalog.Departments[i].Id == departmentId) return i;
        return int.MaxValue;
    }
}

/// <summary>What a tracking look-up gave: the project, or nothing (one answer for every miss), or how long an address that missed too often must wait.</summary>
public sealed record TrackingLookup(ProjectAnswer<TrackingDto>? Answer, TimeSpan? RetryAfter)
{
    public TrackingDto? Found => Answer?.Value;
}
