using System.Security.Claims;
using Approval.Engine.Activities;
using Approval.Engine.Definitions;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Supervision;
using Approval.Web.Api.Contracts;
using Approval.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.Web.Api;

public static partial class ProjectsApi
{
    /// <summary>Material codes handed in: after a one-time notice, or promised under 容缺.</summary>
    public sealed record MaterialsRequest(List<string?>? Materials);

    /// <summary>The answer to a correction request (补正): the corrected materials and what was corrected.</summary>
    public sealed record CorrectionRequest(List<string?>? Materials, string? Note);

    /// <summary>The applicant's actions on its own project; the engine decides whether the state allows them (409).</summary>
    private static void MapApplicantCommands(RouteGroupBuilder projects, IEndpointRouteBuilder routes)
    {
        Command(projects.MapPost("/{id:guid}/resubmission", Resubmit).RequireAuthorization(Policies.Applicant)
            .WithSummary("Resubmit a returned filing with the materials the one-time notice (一次性告知) asked for")
            .WithDescription(IntakeApi.HandedInDescription));
        Command(projects.MapPost("/{id:guid}/deficiencies", Supply).RequireAuthorization(Policies.Applicant)
            .WithSummary("Settle materials promised under 容缺受理 that have been handed in")
            .WithDescription("Uploading a 容缺 item's file, or the window recording its paper original, fulfils it at once (and the promise, " +
                "`deficienciesDueOn`, once none is left); naming an item here that is not handed in is a 409. " + IntakeApi.HandedInDescription));
        projects.MapGet("/{id:guid}/corrections", OpenCorrections).RequireAuthorization(Policies.Applicant)
            .WithSummary("Open correction requests (补正): each asking department by name, each material by its catalogue name with its requirement, and the department's explanation (correctionRequests)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        Command(routes.MapGroup("/api/corrections").WithTags("Projects")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .MapPost("/{taskId:guid}", Correct).RequireAuthorization(Policies.Applicant)
            .WithSummary("Answer a correction request (补正) with the corrected materials; the stopped clock restarts")
            .WithDescription("Upload the corrected files first; `materials` names them. " + IntakeApi.HandedInDescription));
    }

    private static async Task<Ok<CommandResult>> Resubmit(Guid id, MaterialsRequest request, HttpRequest http, ClaimsPrincipal user,
        ApplicantCommands commands, CancellationToken ct)
    {
        var actor = CurrentActor.Of(user);
        return TypedResults.Ok(await commands.ResubmitAsync(actor, Idempotency.Key(http, actor), id, request.Materials, ct));
    }

    private static async Task<Ok<CommandResult>> Supply(Guid id, MaterialsRequest request, HttpRequest http, ClaimsPrincipal user,
        ApplicantCommands commands, CancellationToken ct)
    {
        var actor = CurrentActor.Of(user);
        return TypedResults.Ok(await commands.SupplyAsync(actor, Idempotency.Key(http, actor), id, request.Materials, ct));
    }

    private static async Task<Ok<List<TaskDto>>> OpenCorrections(Guid id, ClaimsPrincipal user, ProjectReader reader, ProjectViews views,
        CancellationToken ct)
    {
        var project = await reader.GetAsync(CurrentActor.Of(user), id, ct);
        return TypedResults.Ok(project.Tasks.Where(t => t.Kind == TaskKind.ApplicantCorrection && t.IsOpen)
            .OrderBy(t => t.OpenedOn).ThenBy(t => t.Title).Select(t => views.Task(t, project)).ToList());
    }

    private static async Task<Ok<CommandResult>> Correct(Guid taskId, CorrectionRequest request, HttpRequest http, ClaimsPrincipal user,
        ApplicantCommands commands, CancellationToken ct)
    {
        var actor = CurrentActor.Of(user);
        return TypedResults.Ok(await commands.CorrectAsync(actor, Idempotency.Key(http, actor), taskId, request.Materials, request.Note, ct));
    }
}
