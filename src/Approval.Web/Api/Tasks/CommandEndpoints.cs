using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.Web.Api;

/// <summary>What the window's and the approvers' command endpoints share: the actor, the operation id, the errors.</summary>
internal static class CommandEndpoints
{
    /// <summary>Declares the problems a command may answer with, for OpenAPI; the engine's exceptions produce them.</summary>
    public static RouteHandlerBuilder Command(RouteHandlerBuilder endpoint) => endpoint
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    /// <summary>Runs a command as the signed-in actor under the request's <c>Idempotency-Key</c>.</summary>
    /// <remarks>A retry with the same key returns the first result with <c>replayed: true</c> and changes nothing.</remarks>
    public static async Task<Ok<CommandResult>> RunAsync(HttpContext http, WorkflowEngine engine,
        Func<string, Actor, Command> command, CancellationToken ct)
    {
        var actor = CurrentActor.Of(http.User);
        var operationId = Idempotency.Key(http.Request, actor);
        return TypedResults.Ok(await engine.ExecuteAsync(command(operationId, actor), ct));
    }
}
