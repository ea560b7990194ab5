using Approval.Engine;
using Approval.Engine.Runtime;
using Approval.Engine.Supervision;
using Approval.Web.Api.Contracts;
using Approval.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.Web.Api;

public static partial class TasksApi
{
    // The applicant's correction is never a department's work, so it is not a kind an approver can ask for.
    private static readonly TaskKind[] DepartmentKinds = [TaskKind.PreReviewOpinion, TaskKind.SurveyFinding, TaskKind.MatterDecision];

    private static async Task<Ok<List<TaskDto>>> List(string? kind, HttpContext http, ProjectReader reader, ProjectViews views,
        CancellationToken ct)
    {
        var filter = KindOf(kind);
        var tasks = await reader.DepartmentTasksAsync(DepartmentOf(http), ct);
        return TypedResults.Ok(tasks.Where(r => filter is null || r.Task.Kind == filter)
            .Select(r => views.Task(r.Task, r.Project)).ToList());
    }

    /// <summary>Another department's task, a decided one and one that does not exist all look the same: not found.</summary>
    private static async Task<Ok<TaskDetailResponse>> Get(Guid id, HttpContext http, ProjectReader reader, ProjectViews views,
        CancellationToken ct)
    {
        var tasks = await reader.DepartmentTasksAsync(DepartmentOf(http), ct);
        var (task, project) = tasks.FirstOrDefault(r => r.Task.Id == id);
        if (task is null) throw new NotFoundException($"Task {id}");
        return TypedResults.Ok(new TaskDetailResponse(views.Task(task, project), views.Summary(project)));
    }

    private static string DepartmentOf(HttpContext http) =>
        CurrentActor.Of(http.User).DepartmentId ?? throw new ForbiddenException("An approver's account must name a department.");

    private static TaskKind? KindOf(string? kind)
    {
        if (string.IsNullOrWhiteSpace(kind)) return null;
        var match = DepartmentKinds.Where(k => string.Equals(k.ToString(), kind.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        return match.Count == 1
            ? match[0]
            : throw new InvalidInputException("kind",
                $"'{kind}' is not a task kind; expected one of {string.Join(", ", DepartmentKinds.Select(CamelCase))}.");
    }

    private static string CamelCase(TaskKind kind) => char.ToLowerInvariant(kind.ToString()[0]) + kind.ToString()[1..];
}
