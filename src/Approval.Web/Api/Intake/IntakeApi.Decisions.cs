using Approval.Engine.Activities;
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
        ProjectReader reader, CancellationToken ct)
    {
        var note = RequestInput.Text(body?.Note, "note", required: false);
        var result = (await RunAsync(http, engine, (op, actor) => new ReturnApplication(op, actor, id, note), ct)).Value!;
        // The notice is the checklist's verdict on the filing as it stands, read back after the command.
        var instance = await reader.GetAsync(CurrentActor.Of(http.User), id, ct);
        var missing = OneWindowIntake.Missing(IntakeOf(engine.Catalog, instance), instance).Select(m => new MaterialItem(m.Code, m.Name)).ToList();
        return TypedResults.Ok(new ReturnNotice(result, missing, note));
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

    private static Task<Ok<CommandResult>> IssueResults(Guid id, HttpContext http, WorkflowEngine engine, CancellationToken ct) =>
        RunAsync(http, engine, (op, actor) => new IssueResults(op, actor, id), ct);
}
