using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.Web.Api;

public static partial class TasksApi
{
    private static Task<Ok<CommandResult>> StopClock(Guid id, ClockStopRequest body, HttpContext http, DepartmentTasks tasks,
        CancellationToken ct) =>
        RunAsync(http, (actor, op) => tasks.StopClockAsync(actor, op, id, body, ct));

    private static Task<Ok<CommandResult>> ResumeClock(Guid id, ClockResumeRequest? body, HttpContext http, DepartmentTasks tasks,
        CancellationToken ct) =>
        RunAsync(http, (actor, op) => tasks.ResumeClockAsync(actor, op, id, body, ct));

    private static Task<Ok<CommandResult>> RequestExtension(Guid id, ExtensionRequest body, HttpContext http, DepartmentTasks tasks,
        CancellationToken ct) =>
        RunAsync(http, (actor, op) => tasks.RequestExtensionAsync(actor, op, id, body, ct));
}
