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
            .WithSummary("Resubmit a returned filing with the materials the one-time notice (一次性告知) asked for"));
        Command(projects.MapPost("/{id:guid}/deficiencies", Supply).RequireAuthorization(Policies.Applicant)
            .WithSummary("Hand in materials promised under 容缺受理"));
        projects.MapGet("/{id:guid}/corrections", OpenCorrections).RequireAuthorization(Policies.Applicant)
            .WithSummary("Open correction requests (补正) with the items asked for").ProducesProblem(StatusCodes.Status404NotFound);

        Command(routes.MapGroup("/api/corrections").WithTags("Projects")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .MapPost("/{taskId:guid}", Correct).RequireAuthorization(Policies.Applicant)
            .WithSummary("Answer a correction request (补正) with the corrected materials; the stopped clock restarts"));
    }

    private static async Task<Ok<CommandResult>> Resubmit(Guid id, MaterialsRequest request, HttpRequest http, ClaimsPrincipal user,
        WorkflowEngine engine, ProjectReader reader, CancellationToken ct)
    {
        var actor = CurrentActor.Of(user);
        var key = Idempotency.Key(http, actor);
        var project = await reader.GetAsync(actor, id, ct);
        var materials = Checked(request.Materials, project, engine.Catalog);
        return TypedResults.Ok(await engine.ExecuteAsync(new ResubmitApplication(key, actor, id, materials), ct));
    }

    private static async Task<Ok<CommandResult>> Supply(Guid id, MaterialsRequest request, HttpRequest http, ClaimsPrincipal user,
        WorkflowEngine engine, ProjectReader reader, CancellationToken ct)
    {
        var actor = CurrentActor.Of(user);
        var key = Idempotency.Key(http, actor);
        var project = await reader.GetAsync(actor, id, ct);
        var materials = Checked(request.Materials, project, engine.Catalog);
        return TypedResults.Ok(await engine.ExecuteAsync(new SupplyDeficiencies(key, actor, id, materials), ct));
    }

    private static async Task<Ok<List<TaskDto>>> OpenCorrections(Guid id, ClaimsPrincipal user, ProjectReader reader, ProjectViews views,
        CancellationToken ct)
    {
        var project = await reader.GetAsync(CurrentActor.Of(user), id, ct);
        return TypedResults.Ok(project.Tasks.Where(t => t.Kind == TaskKind.ApplicantCorrection && t.IsOpen)
            .OrderBy(t => t.OpenedOn).ThenBy(t => t.Title).Select(t => views.Task(t, project)).ToList());
    }

    private static async Task<Ok<CommandResult>> Correct(Guid taskId, CorrectionRequest request, HttpRequest http, ClaimsPrincipal user,
        WorkflowEngine engine, ProjectReader reader, CancellationToken ct)
    {
        var actor = CurrentActor.Of(user);
        var key = Idempotency.Key(http, actor);
        var project = await reader.GetByTaskAsync(actor, taskId, ct);
        var materials = Checked(request.Materials, project, engine.Catalog);
        return TypedResults.Ok(await engine.ExecuteAsync(new SubmitCorrection(key, actor, taskId, materials,
            string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim()), ct));
    }

    /// <summary>Codes checked against the checklist of the version the project runs on, so no unknown code is recorded.</summary>
    private static List<string> Checked(List<string?>? codes, ProjectInstance project, DefinitionCatalog catalog)
    {
        var materials = Codes(codes);
        MaterialCodes.Validate(catalog.Get(project.DefinitionId, project.DefinitionVersion).Intake, materials);
        return materials;
    }
}
