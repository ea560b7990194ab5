using Approval.Engine;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Service;
using Approval.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using static Approval.Web.Api.CommandEndpoints;

namespace Approval.Web.Api;

/// <summary>
/// 好差评 and 督办 over HTTP: the applicant rates a decided matter or the ended project (once each, changeable within
/// the period); the department closes a 差评's rectification (整改) with the call-back record and replies to a 督办; the
/// supervisor issues and closes 督办 and reads ratings, rectifications and the monthly ranking; anyone reads the 成绩单.
/// </summary>
/// <remarks>
/// Every POST runs one engine command under the caller's <c>Idempotency-Key</c>. No answer a department or the public
/// reads names the rater.
/// </remarks>
public static class ServiceApi
{
    public static IEndpointRouteBuilder MapServiceApi(this IEndpointRouteBuilder routes)
    {
        var applicant = routes.MapGroup("/api/projects").WithTags("Ratings").RequireAuthorization(Policies.Applicant)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        applicant.MapGet("/{id:guid}/ratings", Rateable)
            .WithSummary("What I may rate on my project (decided matters; the whole project once ended), with my ratings (好差评)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        Command(applicant.MapPost("/{id:guid}/ratings", Rate)
            .WithSummary("Rate a decided matter, or the ended project (matterCode absent), on the five-level scale; again within the period changes it"));

        routes.MapGet("/api/ratings/reasons", Reasons).WithTags("Ratings").AllowAnonymous()
            .WithSummary("The levels of the scale and the reason codes for each (评价原因)");

        var department = routes.MapGroup("/api/tasks").WithTags("Tasks").RequireAuthorization(Roles.Approver)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        Command(department.MapPost("/{id:guid}/rectification", CloseRectification)
            .WithSummary("Close a 差评's rectification (整改) with the measures and the call-back record (回访)"));
        Command(department.MapPost("/{id:guid}/escalation-reply", Reply).WithSummary("The department's written reply to a 督办"));

        var supervisor = routes.MapGroup("/api/supervision").WithTags("Supervision").RequireAuthorization(Roles.Supervisor)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        supervisor.MapGet("/ratings", RatingCountsOf)
            .WithSummary("Ratings counted per level, by department, matter or window clerk (by=department|matter|clerk), over from..to")
            .ProducesValidationProblem();
        supervisor.MapGet("/rectifications", Rectifications).WithSummary("差评 rectifications with lights, and the share rectified on time");
        supervisor.MapGet("/escalations", EscalationList).WithSummary("督办, open ones first");
        Command(supervisor.MapPost("/escalations", Issue).WithSummary("Issue a 督办 on a late or near-due task, or on the project for one department"));
        Command(supervisor.MapPost("/escalations/{id:guid}/close", Close).WithSummary("Close a 督办 the department has replied to"));
        supervisor.MapGet("/ranking", Ranking).WithSummary("The monthly ranking of departments (绩效排名), month=YYYY-MM")
            .ProducesValidationProblem();

        routes.MapGet("/api/public/scorecard", Scorecard).WithTags("Catalogue").AllowAnonymous()
            .WithSummary("The public 成绩单: per department, on-time rate, average working days and satisfaction, over from..to")
            .ProducesValidationProblem();
        return routes;
    }

    private static async Task<Ok<IReadOnlyList<RateableDto>>> Rateable(Guid id, HttpContext http, AfterServiceDesk desk, CancellationToken ct) =>
        TypedResults.Ok(await desk.RateableAsync(CurrentActor.Of(http.User), id, ct));

    private static Task<Ok<CommandResult>> Rate(Guid id, RatingRequest body, HttpContext http, AfterServiceDesk desk, CancellationToken ct) =>
        RunAsync(http, (actor, op) => desk.RateAsync(actor, op, id, body, ct));

    private static Ok<object> Reasons() => TypedResults.Ok<object>(RatingLevels.All.Select(level => new
    {
        level, label = RatingLevels.Label(level), bad = RatingLevels.IsBad(level),
        reasons = RatingReasons.For(level).Select(r => new { code = r.Key, label = r.Value }),
    }));

    private static Task<Ok<CommandResult>> CloseRectification(Guid id, RectificationRequest body, HttpContext http, AfterServiceDesk desk, CancellationToken ct) =>
        RunAsync(http, (actor, op) => desk.CloseRectificationAsync(actor, op, id, body, ct));

    private static Task<Ok<CommandResult>> Reply(Guid id, EscalationReplyRequest body, HttpContext http, AfterServiceDesk desk, CancellationToken ct) =>
        RunAsync(http, (actor, op) => desk.ReplyAsync(actor, op, id, body, ct));

    private static async Task<Ok<IReadOnlyList<RatingCounts>>> RatingCountsOf(string? by, string? from, string? to, ServiceReader service, CancellationToken ct)
    {
        var grouping = by?.Trim().ToLowerInvariant() switch
        {
            null or "" or "department" => RatingGrouping.Department,
            "matter" => RatingGrouping.Matter,
            "clerk" => RatingGrouping.Clerk,
            _ => throw new InvalidInputException("by", $"Expected department, matter or clerk; given '{by}'."),
        };
        return TypedResults.Ok(await service.RatingsAsync(grouping, DateOrNull(from, "from"), DateOrNull(to, "to"), ct));
    }

    private static async Task<Ok<RectificationList>> Rectifications(ServiceReader service, CancellationToken ct) =>
        TypedResults.Ok(await service.RectificationsAsync(ct: ct));

    private static async Task<Ok<IReadOnlyList<EscalationRow>>> EscalationList(ServiceReader service, CancellationToken ct) =>
        TypedResults.Ok(await service.EscalationsAsync(ct: ct));

    private static Task<Ok<CommandResult>> Issue(EscalationRequest body, HttpContext http, AfterServiceDesk desk, CancellationToken ct) =>
        RunAsync(http, (actor, op) => desk.IssueEscalationAsync(actor, op, body, ct));

    private static Task<Ok<CommandResult>> Close(Guid id, EscalationCloseRequest? body, HttpContext http, AfterServiceDesk desk, CancellationToken ct) =>
        RunAsync(http, (actor, op) => desk.CloseEscalationAsync(actor, op, id, body, ct));

    private static async Task<Ok<RankingDto>> Ranking(string? month, AfterServiceDesk desk, ServiceReader service, CancellationToken ct) =>
        TypedResults.Ok(await desk.RankingAsync(MonthOf(month, service.Today()), ct));

    private static async Task<Ok<ScorecardDto>> Scorecard(string? from, string? to, AfterServiceDesk desk, CancellationToken ct) =>
        TypedResults.Ok(await desk.ScorecardAsync(new Engine.Supervision.StatisticsPeriod(DateOrNull(from, "from"), DateOrNull(to, "to")), ct));

    /// <summary>A month as YYYY-MM; this month when absent.</summary>
    public static YearMonth MonthOf(string? value, LocalDate today)
    {
        if (string.IsNullOrWhiteSpace(value)) return today.ToYearMonth();
        var parsed = NodaTime.Text.YearMonthPattern.Iso.Parse(value.Trim());
        return parsed.Success ? parsed.Value : throw new InvalidInputException("month", $"Expected a month as YYYY-MM, e.g. 2026-10; given '{value}'.");
    }

    private static LocalDate? DateOrNull(string? value, string field) => string.IsNullOrWhiteSpace(value) ? null : ApiInput.Date(value, field);

    private static async Task<Ok<CommandResult>> RunAsync(HttpContext http, Func<Engine.Runtime.Actor, string, Task<CommandResult>> command)
    {
        var actor = CurrentActor.Of(http.User);
        return TypedResults.Ok(await command(actor, Idempotency.Key(http.Request, actor)));
    }
}
