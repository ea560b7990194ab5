using Approval.Engine.Calendar;
using Approval.Engine.Definitions;
using Approval.Web.Api.Admin;
using Approval.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.Web.Api;

public static partial class DefinitionsApi
{
    /// <summary>
    /// What a calendar reload loaded: the national years and each regional overlay's. The calendar API, lights and
    /// deadlines use the new data at once: every running project's deadlines were recomputed (<c>effect</c> says so);
    /// <c>moved</c> lists the projects whose deadline (办结期限) moved, before and after.
    /// </summary>
    public sealed record CalendarReloadResponse(IReadOnlyList<CalendarYearResponse> Years, IReadOnlyList<RegionResponse> Regions,
        int RecomputedProjects, string Effect, IReadOnlyList<MovedDeadline> Moved);

    /// <summary>One year of calendar data: verified against the State Council's notice, or provisional.</summary>
    public sealed record CalendarYearResponse(int Year, bool Verified, IReadOnlyList<string> Notices);

    /// <summary>A regional overlay (地方节日安排) and its years.</summary>
    public sealed record RegionResponse(string Code, string? Name, IReadOnlyList<CalendarYearResponse> Years);

    /// <summary>
    /// The result of validating the workflows directory as it is on disk now: every problem with file, JSON path and
    /// message, or the definitions it holds. Nothing is swapped in: definitions are loaded at start (<c>effect</c>).
    /// </summary>
    public sealed record DefinitionValidationResponse(bool Valid, IReadOnlyList<DefinitionFile> Definitions,
        IReadOnlyList<DefinitionProblem> Problems, string Effect);

    private const string CalendarEffect = "The calendar API, lights and deadlines use the reloaded data now; every running project's "
        + "deadlines, follow-up dates and timers were recomputed from it (see RecomputedProjects and each journal).";
    private const string DefinitionsEffect = "Nothing was changed: definitions are loaded once at start, so a valid set "
        + "takes effect after the service restarts.";

    private static void MapAdmin(IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup("/api/admin").WithTags("Definitions").RequireAuthorization(Roles.Administrator)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        admin.MapPost("/calendar/reload", ReloadCalendar)
            .WithSummary("Re-read the calendar files (e.g. next year's notice added) and recompute running projects' deadlines; lists the projects whose deadline moved (before → after); a bad file keeps the old data and is a 422 naming it");
        admin.MapPost("/definitions/validate", ValidateDefinitions)
            .WithSummary("Check the workflow files on disk and list every problem; swaps nothing (a restart loads them)");
    }

    private static async Task<Results<Ok<CalendarReloadResponse>, ProblemHttpResult>> ReloadCalendar(CalendarReload reload,
        CancellationToken ct)
    {
        CalendarReloadOutcome outcome;
        try
        {
            outcome = await reload.ReloadAsync(ct);
        }
        catch (CalendarDataException e)
        {
            // The request is fine; the files are not. The previous calendar stays in use.
            return TypedResults.Problem(e.Problem, statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "The calendar files could not be loaded; the previous calendar stays in use.",
                extensions: new Dictionary<string, object?> { ["file"] = e.File, ["jsonPath"] = e.JsonPath });
        }
        return TypedResults.Ok(new CalendarReloadResponse(Years(outcome.National),
            outcome.Regions.Select(c => new RegionResponse(c.Region!, c.RegionName, Years(c))).ToList(),
            outcome.RecomputedProjects, CalendarEffect, outcome.Moved));
    }

    private static List<CalendarYearResponse> Years(WorkingDayCalendar calendar) =>
        calendar.Years.Select(y => new CalendarYearResponse(y.Year, y.IsVerified, y.Notices.Select(n => n.Title).ToList())).ToList();

    private static Ok<DefinitionValidationResponse> ValidateDefinitions(DefinitionFiles files)
    {
        var report = files.Validate();
        return TypedResults.Ok(new DefinitionValidationResponse(report.Valid, report.Definitions, report.Problems, DefinitionsEffect));
    }
}
