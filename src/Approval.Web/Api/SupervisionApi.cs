using Approval.Engine;
using Approval.Engine.Runtime;
using Approval.Engine.Supervision;
using Approval.Web.Identity;

namespace Approval.Web.Api;

/// <summary>
/// E-supervision (电子监察) over HTTP, for supervisors: running projects and open tasks with their lights, each
/// department's overdue and near-due lists, extension requests to decide, and statistics per department and matter.
/// </summary>
public static partial class SupervisionApi
{
    public static IEndpointRouteBuilder MapSupervisionApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/supervision").WithTags("Supervision").RequireAuthorization(Roles.Supervisor)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/projects", Projects).WithSummary("Running projects with their light, working days used and left, and open tasks; soonest deadline first, a page at a time")
            .WithDescription("`light` and `definition` filter." + Paging.Description).ProducesValidationProblem();
        group.MapGet("/tasks", Tasks).WithSummary("Open department tasks with their lights, soonest due first; filter by light, department and due state; a page at a time")
            .WithDescription("`light`, `department` and `due` filter." + Paging.Description).ProducesValidationProblem();
        group.MapGet("/departments", Departments).WithSummary("Per department: open tasks by light, overdue (超期) and near-due (临期) counts and their first 20 tasks")
            .ProducesValidationProblem();
        group.MapGet("/extensions", PendingExtensions).WithSummary("Extension requests (延期申请) waiting for a supervisor with the deadlines before and after approval; oldest request first, a page at a time")
            .WithDescription("`total` counts every pending request." + Paging.Description).ProducesValidationProblem();
        group.MapPost("/extensions/{id}/decision", DecideExtension)
            .WithSummary("Approve or refuse an extension request (needs an Idempotency-Key header)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/statistics", GetStatistics).ProducesValidationProblem()
            .WithSummary("Decisions per department and per matter (counts, late, average working days), projects per definition and month; from/to limit the period");
        group.MapGet("/statistics.csv", GetStatisticsCsv).ProducesValidationProblem()
            .WithSummary("The same statistics as CSV for Excel (UTF-8 with BOM, Chinese headers); from/to limit the period");
        return routes;
    }

    private static Light? LightOf(string? value) => SupervisionBoard.TryParseLight(value, out var light) ? light
        : throw new InvalidInputException("light", $"'{value}' is not a light; expected green, yellow or red.");
}
