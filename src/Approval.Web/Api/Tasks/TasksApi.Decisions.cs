using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.Web.Api;

public static partial class TasksApi
{
    private static Task<Ok<CommandResult>> GiveOpinion(Guid id, OpinionRequest body, HttpContext http, DepartmentTasks tasks,
        CancellationToken ct) =>
        RunAsync(http, (actor, op) => tasks.GiveOpinionAsync(actor, op, id, body, ct));

    private static Task<Ok<CommandResult>> RecordFindings(Guid id, FindingsRequest body, HttpContext http, DepartmentTasks tasks,
        CancellationToken ct) =>
        RunAsync(http, (actor, op) => tasks.RecordFindingsAsync(actor, op, id, body, ct));

    private static Task<Ok<CommandResult>> DecideMatter(Guid id, DecisionRequest body, HttpContext http, DepartmentTasks tasks,
        CancellationToken ct) =>
        RunAsync(http, (actor, op) => tasks.DecideAsync(actor, op, id, body, ct));

    private static Task<Ok<CommandResult>> VerifyCommitment(Guid id, VerificationRequest body, HttpContext http, DepartmentTasks tasks,
        CancellationToken ct) =>
        RunAsync(http, (actor, op) => tasks.VerifyCommitmentAsync(actor, op, id, body, ct));

    /// <summary>Runs one of <see cref="DepartmentTasks"/>' commands as the signed-in approver under the request's <c>Idempotency-Key</c>.</summary>
    private static async Task<Ok<CommandResult>> RunAsync(HttpContext http, Func<Actor, string, Task<CommandResult>> command)
    {
        var actor = CurrentActor.Of(http.User);
        return TypedResults.Ok(await command(actor, Idempotency.Key(http.Request, actor)));
    }
}
