using Approval.Engine.Definitions;
using Approval.Engine.Supervision;
using Approval.Web.Api.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace Approval.Web.Api;

public static partial class SupervisionApi
{
    private static async Task<Ok<List<SupervisedProjectDto>>> Projects(string? light, string? definition,
        ProjectReader reader, ProjectViews views, DefinitionCatalog catalog, CancellationToken ct)
    {
        var wanted = LightOf(light);
        var definitionId = string.IsNullOrWhiteSpace(definition) ? null : definition.Trim();
        if (definitionId is not null && !catalog.TryGetLatest(definitionId, out _))
            throw new Engine.InvalidInputException("definition",
                $"No workflow definition '{definitionId}'; known: {string.Join(", ", catalog.Definitions.Select(d => d.Id).Distinct())}.");
        var running = await reader.RunningAsync(ct);
        var projects = running
            .Where(p => definitionId is null || p.DefinitionId == definitionId)
            .Select(p => new SupervisedProjectDto(views.Summary(p),
                p.Tasks.Where(SupervisionBoard.IsDepartmentWork).OrderBy(t => t.DueOn ?? LocalDate.MaxIsoValue).Select(t => views.Task(t, p)).ToList()))
            .Where(p => wanted is null || p.Project.Light == wanted)
            .ToList();
        return TypedResults.Ok(projects);
    }

    private static async Task<Ok<List<TaskDto>>> Tasks(string? light, string? department,
        SupervisionBoard board, DefinitionCatalog catalog, CancellationToken ct) =>
        TypedResults.Ok(await board.TasksAsync(LightOf(light), CatalogueNames.DepartmentFilter(department, catalog), ct));

    private static async Task<Ok<List<DepartmentBoardDto>>> Departments(string? department, SupervisionBoard board,
        DefinitionCatalog catalog, CancellationToken ct) =>
        TypedResults.Ok(await board.DepartmentsAsync(CatalogueNames.DepartmentFilter(department, catalog), ct));
}
