using Approval.Web.Identity;
using static Approval.Web.Api.CommandEndpoints;

namespace Approval.Web.Api;

/// <summary>
/// The comprehensive window (综合窗口) over HTTP: the intake queue, the checklist, accept (受理), accept with
/// deficiencies (容缺受理), return with a one-time notice (一次性告知), refuse (不予受理), the receipt (受理通知书),
/// fixing the combined site survey date and issuing the results together (统一出件).
/// </summary>
/// <remarks>
/// Every POST runs one engine command under the caller's <c>Idempotency-Key</c>; a retry returns the first result with
/// <c>replayed: true</c>. The engine decides what the state allows (409) and refuses bad values (400 naming the field).
/// </remarks>
public static partial class IntakeApi
{
    /// <summary>The one meaning of "handed in", as the OpenAPI document states it wherever it matters.</summary>
    internal const string HandedInDescription =
        "A material is handed in (已提交) when a file was uploaded for it (POST /api/projects/{id}/materials) or the window " +
        "recorded its paper original (POST /api/intake/{id}/paper-originals). Codes listed in a filing's, resubmission's or " +
        "correction's `materials` say what the applicant means to hand in; they do not count as handed in. The checklist's " +
        "`submitted`, `missing`, acceptance and the 容缺 promise all follow this rule.";

    public static IEndpointRouteBuilder MapIntakeApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/intake").WithTags("Intake").RequireAuthorization(Roles.WindowClerk)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/queue", Queue).WithSummary("Filings waiting for the window (待受理), oldest first (then by id), a page at a time, with the total")
            .WithDescription(Paging.Description.Trim()).ProducesValidationProblem();
        group.MapGet("/{id:guid}/checklist", Checklist).WithSummary("The filing against its materials checklist (材料清单)")
            .WithDescription(HandedInDescription)
            .ProducesProblem(StatusCodes.Status404NotFound);
        // The receipt is the applicant's too: its investor and the agents it authorised read it (a project they may not see is 404).
        routes.MapGroup("/api/intake").WithTags("Intake")
            .MapGet("/{id:guid}/receipt", Receipt)
            .RequireAuthorization(p => p.RequireRole(Roles.WindowClerk, Roles.Investor, Roles.Agent))
            .WithSummary("The acceptance receipt (受理通知书) with the project code and the query key; for the window, the investor and its authorised agents")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        // The documents are the applicant's too, as the receipt is.
        routes.MapGroup("/api/intake").WithTags("Intake")
            .MapGet("/{id:guid}/documents/{kind}", Document)
            .RequireAuthorization(p => p.RequireRole(Roles.WindowClerk, Roles.Investor, Roles.Agent))
            .WithSummary("A numbered document of the window (文书): receipt (受理通知书), notice (一次性告知书) or refusal (不予受理通知书)")
            .WithDescription("The first reading gives the document its number (机关简称+类别〔年〕序号号, prefix `Approval:Documents:Prefix`); " +
                "every later reading, by the window or the applicant, shows the same number. 409 when the project has no such document yet.")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        Command(group.MapPost("/{id:guid}/paper-originals", RecordPaperOriginals)
            .WithSummary("Record the paper originals (纸质原件) the window received; each material then counts as handed in")
            .WithDescription(HandedInDescription));

        Command(group.MapPost("/{id:guid}/acceptance", Accept)
            .WithSummary("Accept (受理); with promisedBy, accept with deficiencies (容缺受理) until that date"));
        Command(group.MapPost("/{id:guid}/return", Return)
            .WithSummary("Return with the one-time notice (一次性告知) of every missing item"));
        Command(group.MapPost("/{id:guid}/refusal", Refuse).WithSummary("Refuse (不予受理) with a reason"));
        Command(group.MapPost("/{id:guid}/survey", ScheduleSurvey)
            .WithSummary("Fix the one date, a working day, of the combined site survey (集中踏勘)"));
        Command(group.MapPost("/{id:guid}/conversion", Convert)
            .WithSummary("Convert a simulated approval (模拟审批) into a formal one once the land contract is handed in")
            .WithDescription("Every simulated approval becomes a confirmation task (转正确认) of its department with the definition's " +
                "working days; `reopenMatters` names matters whose conditions changed, which go to a full review with the matter's limit. " +
                "The project's formal clock starts today. 409 when the land contract has not been handed in, when the project is not " +
                "in simulation, or when the simulation has expired."));
        Command(group.MapPost("/{id:guid}/results", IssueResults)
            .WithSummary("Issue the results together at the window (统一出件); the project completes"));
        return routes;
    }
}
