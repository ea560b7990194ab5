using Approval.Engine;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Microsoft.AspNetCore.Http.HttpResults;
using static Approval.Web.Api.CommandEndpoints;

namespace Approval.Web.Api;

public static partial class TasksApi
{
    // Ranges (how many days, which reasons a department may use) are the engine's rules; here only presence and size.
    private static Task<Ok<CommandResult>> StopClock(Guid id, ClockStopRequest body, HttpContext http, WorkflowEngine engine,
        CancellationToken ct)
    {
        var errors = new InputErrors();
        var reason = errors.Check(() => RequestInput.Defined(body.Reason, "reason"));
        var notice = errors.Check(() => RequestInput.RequiredText(body.Notice, "notice"));
        var days = errors.Check(() => RequestInput.Required(body.ExpectedWorkingDays, "expectedWorkingDays", "a whole number of working days"));
        errors.ThrowIfAny();
        return RunAsync(http, engine, (op, actor) => new StopClock(op, actor, id, reason, notice, days), ct);
    }

    private static Task<Ok<CommandResult>> ResumeClock(Guid id, ClockResumeRequest? body, HttpContext http, WorkflowEngine engine,
        CancellationToken ct) =>
        RunAsync(http, engine, (op, actor) => new ResumeClock(op, actor, id, body?.ResumesOn), ct);

    private static Task<Ok<CommandResult>> RequestExtension(Guid id, ExtensionRequest body, HttpContext http, WorkflowEngine engine,
        CancellationToken ct)
    {
        var errors = new InputErrors();
        var days = errors.Check(() => RequestInput.Required(body.WorkingDays, "workingDays", "a whole number of working days"));
        var reason = errors.Check(() => RequestInput.RequiredText(body.Reason, "reason"));
        errors.ThrowIfAny();
        return RunAsync(http, engine, (op, actor) => new RequestExtension(op, actor, id, days, reason), ct);
    }
}
