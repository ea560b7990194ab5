using Approval.Web.Api.Contracts;
using Approval.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.Web.Api;

public static partial class TasksApi
{
    private static async Task<Ok<List<TaskDto>>> List(string? kind, HttpContext http, DepartmentTasks tasks, ProjectViews views,
        CancellationToken ct)
    {
        var filter = DepartmentTasks.KindOf(kind);
        var open = await tasks.OpenAsync(CurrentActor.Of(http.User), filter, ct);
        return TypedResults.Ok(open.Select(r => views.Task(r.Task, r.Project)).ToList());
    }

    /// <summary>Another department's task, a decided one and one that does not exist all look the same: not found.</summary>
    private static async Task<Ok<TaskDetailResponse>> Get(Guid id, HttpContext http, DepartmentTasks tasks, ProjectViews views,
        CancellationToken ct)
    {
        var (task, project) = await tasks.OpenTaskAsync(CurrentActor.Of(http.User), id, ct);
        return TypedResults.Ok(new TaskDetailResponse(views.Task(task, project), views.Summary(project)));
    }
}
