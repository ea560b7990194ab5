using System.ComponentModel;
using Approval.Engine.Definitions;
using Approval.Engine.Supervision;
using Approval.Web.Api.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.Web.Api;

public static partial class SupervisionApi
{
    private static async Task<Ok<PageDto<SupervisedProjectDto>>> Projects(string? light, string? definition,
        [Description(Paging.Size)] string? size, [Description(Paging.Cursor)] string? cursor,
        SupervisionBoard board, DefinitionCatalog catalog, CancellationToken ct,
        [Description("模拟审批: simulating (departments record simulated decisions), converted, or none (formal from the start); absent: any.")] string? simulation = null)
    {
        var wanted = LightOf(light);
        var definitionId = string.IsNullOrWhiteSpace(definition) ? null : definition.Trim();
        if (definitionId is not null && !catalog.TryGetLatest(definitionId, out _))
            throw new Engine.InvalidInputException("definition",
                $"No workflow definition '{definitionId}'; known: {string.Join(", ", catalog.Definitions.Select(d => d.Id).Distinct())}.");
        var page = await board.ProjectsAsync(wanted, definitionId, ApiInput.Page(size, cursor), ct, SimulationOf(simulation));
        return TypedResults.Ok(PageDto<SupervisedProjectDto>.From(page, p => p));
    }

    private static async Task<Ok<PageDto<TaskDto>>> Tasks(string? light, string? department,
        [Description("overdue: past the deadline day (超期); nearDue: on or after the follow-up date, not yet overdue (临期); absent: any.")] string? due,
        [Description(Paging.Size)] string? size, [Description(Paging.Cursor)] string? cursor,
        SupervisionBoard board, DefinitionCatalog catalog, CancellationToken ct)
    {
        var page = await board.TasksAsync(LightOf(light), CatalogueNames.DepartmentFilter(department, catalog), ApiInput.Page(size, cursor), ct, DueOf(due));
        return TypedResults.Ok(PageDto<TaskDto>.From(page, t => t));
    }

    private static async Task<Ok<List<DepartmentBoardDto>>> Departments(string? department, SupervisionBoard board,
        DefinitionCatalog catalog, CancellationToken ct) =>
        TypedResults.Ok(await board.DepartmentsAsync(CatalogueNames.DepartmentFilter(department, catalog), ct));

    private static Engine.Runtime.SimulationState? SimulationOf(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "simulating" => Engine.Runtime.SimulationState.Simulating,
        "converted" => Engine.Runtime.SimulationState.Converted,
        "none" => Engine.Runtime.SimulationState.None,
        _ => throw new Engine.InvalidInputException("simulation", $"'{value}' is not a simulation state of a running project; expected simulating, converted or none."),
    };

    private static DueState? DueOf(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "overdue" => DueState.Overdue,
        "neardue" => DueState.NearDue,
        _ => throw new Engine.InvalidInputException("due", $"'{value}' is not a due state; expected overdue or nearDue."),
    };
}
