using Approval.Web.Identity;
using static Approval.Web.Api.CommandEndpoints;

namespace Approval.Web.Api;

/// <summary>
/// A department approver's work (审批部门待办) over HTTP: the department's open tasks soonest due first with their lights,
/// pre-review opinions (预审意见), site-survey findings (踏勘意见), matter decisions (审批决定), clock stops under
/// art. 45 (中止计时), resumption and extension requests (延期申请).
/// </summary>
/// <remarks>
/// A task belongs to one department: only its approvers see it or act on it; to an approver of another department it
/// is not found (404), reading and acting alike. Every POST runs one engine command under the caller's <c>Idempotency-Key</c>, so a retried decision
/// never signs twice; a decision on a task that is no longer open is a 409.
/// </remarks>
public static partial class TasksApi
{
    public static IEndpointRouteBuilder MapTasksApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/tasks").WithTags("Tasks").RequireAuthorization(Roles.Approver)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("", List).WithSummary("My department's open tasks (待办), soonest due first (then by id), with lights; a page at a time")
            .WithDescription("`kind` keeps one kind of task." + Paging.Description)
            .ProducesValidationProblem();
        group.MapGet("/{id:guid}", Get).WithSummary("One of my department's open tasks, with its project (one query)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        Command(group.MapPost("/{id:guid}/opinion", GiveOpinion).WithSummary("Pre-review opinion (预审意见): pass, or correction items"));
        Command(group.MapPost("/{id:guid}/findings", RecordFindings).WithSummary("Site-survey findings (踏勘意见)"));
        Command(group.MapPost("/{id:guid}/decision", DecideMatter)
            .WithSummary("Decide the matter (审批决定): approve, reject with reasons, request correction (补正), or approve on commitment (告知承诺)"));
        Command(group.MapPost("/{id:guid}/verification", VerifyCommitment)
            .WithSummary("Verify a commitment (事后核查): confirmed, or false with findings — the approval is revoked (撤销)"));
        Command(group.MapPost("/{id:guid}/clock-stop", StopClock)
            .WithSummary("Stop the matter's clock for an art. 45 reason, with the written notice (书面告知)"));
        Command(group.MapPost("/{id:guid}/clock-resume", ResumeClock).WithSummary("Resume a stopped clock (today's next day when no date)"));
        Command(group.MapPost("/{id:guid}/extension", RequestExtension).WithSummary("Ask a supervisor for more working days (延期申请)"));
        return routes;
    }
}
