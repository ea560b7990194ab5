using System.ComponentModel;
using Approval.Web.Api.Contracts;
using Approval.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.Web.Api;

public static partial class TasksApi
{
    private static async Task<Ok<PageDto<TaskDto>>> List(string? kind, [Description(Paging.Size)] string? size,
        [Description(Paging.Cursor)] string? cursor, HttpContext http, DepartmentTasks tasks, ProjectViews views, CancellationToken ct)
    {
        var filter = DepartmentTasks.KindOf(kind);
        var page = await tasks.OpenAsync(CurrentActor.Of(http.User), filter, ApiInput.Page(size, cursor), ct);
        return TypedResults.Ok(PageDto<TaskDto>.From(page, r => views.Task(r)));
    }

    /// <summary>Another department's task, a decided one and one that does not exist all look the same: not found.</summary>
    private static async Task<Ok<TaskDetailResponse>> Get(Guid id, HttpContext http, DepartmentTasks tasks, ProjectViews views,
        CancellationToken ct)
    {
        var (task, project) = await tasks.OpenTaskAsync(CurrentActor.Of(http.User), id, ct);
        return TypedResults.Ok(new TaskDetailResponse(views.Task(task, project), views.Summary(project)));
    }
}
