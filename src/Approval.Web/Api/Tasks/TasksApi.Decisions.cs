using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Microsoft.AspNetCore.Http.HttpResults;
using static Approval.Web.Api.CommandEndpoints;

namespace Approval.Web.Api;

public static partial class TasksApi
{
    private static Task<Ok<CommandResult>> GiveOpinion(Guid id, OpinionRequest body, HttpContext http, WorkflowEngine engine,
        CancellationToken ct)
    {
        var passed = RequestInput.Required(body.Passed, "passed", "true or false");
        var items = RequestInput.Items(body.CorrectionItems, "correctionItems", required: !passed);
        var comment = RequestInput.Text(body.Comment, "comment", required: false);
        return RunAsync(http, engine, (op, actor) => new GiveOpinion(op, actor, id, passed, items, comment), ct);
    }

    private static Task<Ok<CommandResult>> RecordFindings(Guid id, FindingsRequest body, HttpContext http, WorkflowEngine engine,
        CancellationToken ct)
    {
        var agrees = RequestInput.Required(body.Agrees, "agrees", "true or false");
        var findings = RequestInput.RequiredText(body.Findings, "findings");
        return RunAsync(http, engine, (op, actor) => new RecordFindings(op, actor, id, agrees, findings), ct);
    }

    private static Task<Ok<CommandResult>> DecideMatter(Guid id, DecisionRequest body, HttpContext http, WorkflowEngine engine,
        CancellationToken ct)
    {
        var decision = RequestInput.Defined(body.Decision, "decision");
        var reasons = RequestInput.Text(body.Reasons, "reasons", required: decision == MatterDecision.Reject);
        var items = RequestInput.Items(body.Items, "items", required: decision == MatterDecision.RequestCorrection);
        return RunAsync(http, engine, (op, actor) => new DecideMatter(op, actor, id, decision, reasons, items), ct);
    }
}
