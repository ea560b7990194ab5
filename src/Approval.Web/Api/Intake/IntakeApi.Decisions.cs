using Approval.Engine.Documents;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Supervision;
using Approval.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using static Approval.Web.Api.CommandEndpoints;

namespace Approval.Web.Api;

public static partial class IntakeApi
{
    private static Task<Ok<CommandResult>> Accept(Guid id, AcceptanceRequest? body, HttpContext http, WorkflowEngine engine,
        CancellationToken ct) =>
        RunAsync(http, engine, (op, actor) => body?.PromisedBy is { } promisedBy
            ? new AcceptWithDeficiencies(op, actor, id, promisedBy)
            : new AcceptApplication(op, actor, id), ct);

    private static async Task<Ok<ReturnNotice>> Return(Guid id, ReturnRequest? body, HttpContext http, WorkflowEngine engine,
        IntakeDocuments documents, CancellationToken ct)
    {
        var note = RequestInput.Text(body?.Note, "note", required: false);
        var ticked = body?.Materials is null ? null : RequestInput.Codes(body.Materials);
        var result = (await RunAsync(http, engine, (op, actor) => new ReturnApplication(op, actor, id, note, ticked), ct)).Value!;
        // The notice is the one the return recorded, read back after the command (the same as the printed 一次性告知书).
        var notice = await documents.DocumentAsync(CurrentActor.Of(http.User), id, DocumentKind.OneTimeNotice, ct);
        return TypedResults.Ok(new ReturnNotice(result, notice.Missing!.Select(m => new MaterialItem(m.Code, m.Name)).ToList(), notice.Note));
    }

    private static Task<Ok<CommandResult>> Refuse(Guid id, RefusalRequest body, HttpContext http, WorkflowEngine engine,
        CancellationToken ct)
    {
        var reason = RequestInput.RequiredText(body.Reason, "reason");
        return RunAsync(http, engine, (op, actor) => new RefuseApplication(op, actor, id, reason), ct);
    }

    private static Task<Ok<CommandResult>> ScheduleSurvey(Guid id, SurveyRequest body, HttpContext http, WorkflowEngine engine,
        CancellationToken ct)
    {
        var date = RequestInput.Required(body.Date, "date", "a working day as yyyy-MM-dd");
        return RunAsync(http, engine, (op, actor) => new ScheduleSurvey(op, actor, id, date), ct);
    }

    private static Task<Ok<CommandResult>> RecordPaperOriginals(Guid id, PaperOriginalsRequest body, HttpContext http, WorkflowEngine engine,
        CancellationToken ct)
    {
        var materials = RequestInput.Codes(body.Materials);
        return RunAsync(http, engine, (op, actor) => new RecordPaperOriginals(op, actor, id, materials), ct);
    }

    private static Task<Ok<CommandResult>> Convert(Guid id, ConversionRequest? body, HttpContext http, WorkflowEngine engine,
        CancellationToken ct)
    {
        var reopen = RequestInput.Codes(body?.ReopenMatters ?? [], "reopenMatters");
        var note = RequestInput.Text(body?.Note, "note", required: false);
        return RunAsync(http, engine, (op, actor) => new ConvertSimulation(op, actor, id, reopen, note), ct);
    }

    private static Task<Ok<CommandResult>> IssueResults(Guid id, HttpContext http, WorkflowEngine engine, CancellationToken ct) =>
        RunAsync(http, engine, (op, actor) => new IssueResults(op, actor, id), ct);
}
