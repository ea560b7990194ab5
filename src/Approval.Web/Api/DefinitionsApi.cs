using System.Text.Json.Serialization;
using Approval.Engine.Definitions;
using Approval.Engine.Runtime;
using Approval.Web.Api.Contracts;
using Approval.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.Web.Api;

/// <summary>
/// The workflow definitions (流程定义) as loaded, with their versions, for every signed-in role; and for the
/// administrator, reloading the calendar files and validating edited definition files (see the admin part).
/// </summary>
public static partial class DefinitionsApi
{
    /// <summary>A definition in a list: its latest version's name, target and steps, and every version loaded.</summary>
    public sealed record DefinitionSummaryResponse(string Id, string Name, string? Description, int LatestVersion,
        IReadOnlyList<int> Versions, int TargetWorkingDays, IReadOnlyList<StepResponse> Steps);

    /// <summary>A step (环节) in flow order.</summary>
    public sealed record StepResponse(string Id, string Name, ActivityType Type, int BudgetWorkingDays);

    /// <summary>
    /// One version of a definition with its activities in flow order, and the definitions it follows (竣工联合验收 after
    /// 施工许可: a filing gives the project code of a completed one of them; empty for most).
    /// </summary>
    public sealed record DefinitionResponse(string Id, int Version, bool IsLatest, IReadOnlyList<int> Versions, string Name,
        string? Description, int TargetWorkingDays, IReadOnlyList<ActivityResponse> Activities, IReadOnlyList<FlowEdge> Flow,
        IReadOnlyList<string> Follows);

    /// <summary>
    /// An activity; only the fields of its type are set: materials and the 容缺 limit for the intake, departments for
    /// pre-review and survey (with the absence rule), matters and the rejection rule for parallel approvals, the one document
    /// a completion issues if it names one (联合验收意见书); the others are left out.
    /// </summary>
    public sealed record ActivityResponse(string Id, ActivityType Type, string Name, int BudgetWorkingDays,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<MaterialDto>? Materials = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? MaxDeficiencyWorkingDays = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Departments = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AbsenceRule? Absence = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<MatterStepResponse>? Matters = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] RejectionRule? OnRejection = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Document = null);

    /// <summary>A matter of a parallel-approvals step with the working days it has there and the matters it waits for.</summary>
    public sealed record MatterStepResponse(string MatterCode, string? MatterName, string? DepartmentId, IReadOnlyList<string> After,
        bool DeemedApprovalOnTimeout, int WorkingDays);

    public static IEndpointRouteBuilder MapDefinitionsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/definitions").WithTags("Definitions").RequireAuthorization(Policies.Anyone)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("/", List).WithSummary("The loaded definitions with their versions, target and steps");
        group.MapGet("/{id}", Latest).WithSummary("The latest version of a definition, with its activities")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id}/versions/{version}", Version).WithSummary("One version of a definition (running projects stay on theirs)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        MapAdmin(routes);
        return routes;
    }

    private static Ok<List<DefinitionSummaryResponse>> List(DefinitionCatalog catalog) =>
        TypedResults.Ok(catalog.Definitions.GroupBy(d => d.Id).Select(g =>
        {
            var latest = g.Last();
            return new DefinitionSummaryResponse(latest.Id, latest.Name, latest.Description, latest.Version,
                g.Select(d => d.Version).ToList(), latest.TargetWorkingDays,
                latest.InFlowOrder().Select(a => new StepResponse(a.Id, a.Name, a.Type, a.BudgetWorkingDays)).ToList());
        }).ToList());

    private static Ok<DefinitionResponse> Latest(string id, DefinitionCatalog catalog) =>
        TypedResults.Ok(Response(VersionsOf(id, catalog)[^1], catalog));

    private static Ok<DefinitionResponse> Version(string id, string version, DefinitionCatalog catalog)
    {
        var versions = VersionsOf(id, catalog);
        var number = ApiInput.Int(version, "version", 1, int.MaxValue);
        return TypedResults.Ok(Response(versions.FirstOrDefault(d => d.Version == number)
            ?? throw new NotFoundException($"Version {number} of workflow definition '{id}'"), catalog));
    }

    /// <summary>A route names a resource: an unknown id is a 404, not the catalogue's 400 for a field.</summary>
    private static IReadOnlyList<WorkflowDefinition> VersionsOf(string id, DefinitionCatalog catalog) =>
        catalog.TryGetLatest(id, out _) ? catalog.Versions(id) : throw new NotFoundException($"Workflow definition '{id}'");

    private static DefinitionResponse Response(WorkflowDefinition d, DefinitionCatalog catalog) => new(d.Id, d.Version,
        catalog.Latest(d.Id).Version == d.Version, catalog.Versions(d.Id).Select(v => v.Version).ToList(), d.Name, d.Description,
        d.TargetWorkingDays, d.InFlowOrder().Select(a => Activity(a, catalog)).ToList(), d.Flow, d.Follows);

    private static ActivityResponse Activity(ActivityDefinition a, DefinitionCatalog catalog) => a switch
    {
        OneWindowIntakeDefinition i => new(a.Id, a.Type, a.Name, a.BudgetWorkingDays,
            Materials: i.Materials.Select(m => new MaterialDto(m.Code, m.Name, m.Required, m.DeficiencyAllowed)).ToList(),
            MaxDeficiencyWorkingDays: i.MaxDeficiencyWorkingDays),
        JointPreReviewDefinition p => new(a.Id, a.Type, a.Name, a.BudgetWorkingDays, Departments: p.Departments),
        CombinedSiteSurveyDefinition s => new(a.Id, a.Type, a.Name, a.BudgetWorkingDays, Departments: s.Departments, Absence: s.Absence),
        ParallelApprovalsDefinition p => new(a.Id, a.Type, a.Name, a.BudgetWorkingDays,
            Matters: p.Matters.Select(m => new MatterStepResponse(m.MatterCode, CatalogueNames.Matter(m.MatterCode, catalog),
                catalog.Matters.FirstOrDefault(c => c.Code == m.MatterCode)?.DepartmentId, m.After, m.DeemedApprovalOnTimeout,
                catalog.WorkingDaysOf(m))).ToList(),
            OnRejection: p.OnRejection),
        DeadlineCompletionDefinition c => new(a.Id, a.Type, a.Name, a.BudgetWorkingDays, Document: c.Document),
        _ => new(a.Id, a.Type, a.Name, a.BudgetWorkingDays),
    };
}
