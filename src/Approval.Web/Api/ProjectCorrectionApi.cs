using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using static Approval.Web.Api.CommandEndpoints;

namespace Approval.Web.Api;

/// <summary>
/// An administrator's correction of a project's recorded details (更正项目信息): the engine's <see cref="CorrectProject"/>
/// command, journalled with who and why. The supported way to fix a project's record; nothing writes a project's
/// rows outside the engine's commands.
/// </summary>
public static class ProjectCorrectionApi
{
    /// <summary>
    /// The corrected values (a field left out keeps its value) and why. Validated as at filing: names up to 200
    /// characters, division up to 12, industry up to 100, investment 0 – 100,000,000 万元, contact up to 50 characters,
    /// a mobile or landline telephone; the reason is required.
    /// </summary>
    public sealed record ProjectCorrectionRequest(string? ProjectName, string? InvestorName, string? Division, string? Industry,
        decimal? InvestmentAmount, string? Reason, string? ContactName = null, string? ContactPhone = null);

    public static IEndpointRouteBuilder MapProjectCorrectionApi(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup("/api/admin/projects").WithTags("Administration").RequireAuthorization(Roles.Administrator)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        Command(admin.MapPost("/{id:guid}/correction", Correct)
            .WithSummary("Correct a project's recorded details (更正项目信息): name, project unit, division, industry, investment, contact; journalled with the reason")
            .WithDescription("Needs an Idempotency-Key. A field left out keeps its value; a correction that changes nothing is a 400. " +
                "The journal gets one projectCorrected (更正项目信息) entry listing each old and new value and the reason."));
        return routes;
    }

    private static Task<Ok<CommandResult>> Correct(Guid id, ProjectCorrectionRequest body, HttpContext http, WorkflowEngine engine,
        CancellationToken ct)
    {
        var reason = RequestInput.RequiredText(body.Reason, "reason", 400);
        var correction = new ProjectCorrection(body.ProjectName, body.InvestorName, body.Division, body.Industry, body.InvestmentAmount,
            body.ContactName, body.ContactPhone);
        return RunAsync(http, engine, (op, actor) => new CorrectProject(op, actor, id, correction, reason), ct);
    }
}
