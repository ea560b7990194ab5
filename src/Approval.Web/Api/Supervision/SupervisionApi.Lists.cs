using Approval.Engine.Definitions;
using Approval.Engine.Supervision;
using Approval.Web.Api.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.Web.Api;

public static partial class SupervisionApi
{
    private static async Task<Ok<List<SupervisedProjectDto>>> Projects(string? light, string? definition,
        SupervisionBoard board, DefinitionCatalog catalog, CancellationToken ct)
    {
        var wanted = LightOf(light);
        var definitionId = string.IsNullOrWhiteSpace(definition) ? null : definition.Trim();
        if (definitionId is not null && !catalog.TryGetLatest(definitionId, out _))
            throw new Engine.InvalidInputException("definition",
                $"No workflow definition '{definitionId}'; known: {string.Join(", ", catalog.Definitions.Select(d => d.Id).Distinct())}.");
        return TypedResults.Ok(await board.ProjectsAsync(wanted, definitionId, ct));
    }

    private static async Task<Ok<List<TaskDto>>> Tasks(string? light, string? department,
        SupervisionBoard board, DefinitionCatalog catalog, CancellationToken ct) =>
        TypedResults.Ok(await board.TasksAsync(LightOf(light), CatalogueNames.DepartmentFilter(department, catalog), ct));

    private static async Task<Ok<List<DepartmentBoardDto>>> Departments(string? department, SupervisionBoard board,
        DefinitionCatalog catalog, CancellationToken ct) =>
        TypedResults.Ok(await board.DepartmentsAsync(CatalogueNames.DepartmentFilter(department, catalog), ct));
}
