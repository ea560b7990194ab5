using Approval.Engine;
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
        var errors = new InputErrors();
        var passed = errors.Check(() => RequestInput.Required(body.Passed, "passed", "true or false"));
        var items = errors.Check(() => RequestInput.Items(body.CorrectionItems, "correctionItems", required: body.Passed == false));
        var comment = errors.Check(() => RequestInput.Text(body.Comment, "comment", required: false));
        errors.ThrowIfAny();
        return RunAsync(http, engine, (op, actor) => new GiveOpinion(op, actor, id, passed, items, comment), ct);
    }

    private static Task<Ok<CommandResult>> RecordFindings(Guid id, FindingsRequest body, HttpContext http, WorkflowEngine engine,
        CancellationToken ct)
    {
        var errors = new InputErrors();
        var agrees = errors.Check(() => RequestInput.Required(body.Agrees, "agrees", "true or false"));
        var findings = errors.Check(() => RequestInput.RequiredText(body.Findings, "findings"));
        errors.ThrowIfAny();
        return RunAsync(http, engine, (op, actor) => new RecordFindings(op, actor, id, agrees, findings), ct);
    }

    private static Task<Ok<CommandResult>> DecideMatter(Guid id, DecisionRequest body, HttpContext http, WorkflowEngine engine,
        CancellationToken ct)
    {
        var errors = new InputErrors();
        var decision = errors.Check(() => RequestInput.Defined(body.Decision, "decision"));
        var reasons = errors.Check(() => RequestInput.Text(body.Reasons, "reasons", required: body.Decision == MatterDecision.Reject));
        var items = errors.Check(() => RequestInput.Items(body.Items, "items", required: body.Decision == MatterDecision.RequestCorrection));
        errors.ThrowIfAny();
        return RunAsync(http, engine, (op, actor) => new DecideMatter(op, actor, id, decision, reasons, items), ct);
    }
}
