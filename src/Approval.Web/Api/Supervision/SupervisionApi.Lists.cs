using Approval.Engine.Calendar;
using Approval.Engine.Definitions;
using Approval.Engine.Runtime;
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
                p.Tasks.Where(IsDepartmentWork).OrderBy(t => t.DueOn ?? LocalDate.MaxIsoValue).Select(t => views.Task(t, p)).ToList()))
            .Where(p => wanted is null || p.Project.Light == wanted)
            .ToList();
        return TypedResults.Ok(projects);
    }

    private static async Task<Ok<List<TaskDto>>> Tasks(string? light, string? department,
        ProjectReader reader, ProjectViews views, DefinitionCatalog catalog, CancellationToken ct)
    {
        var wanted = LightOf(light);
        var departmentId = CatalogueNames.DepartmentFilter(department, catalog);
        var tasks = (await reader.RunningAsync(ct))
            .SelectMany(p => p.Tasks.Where(IsDepartmentWork).Where(t => departmentId is null || t.DepartmentId == departmentId)
                .Select(t => (t.DueOn, Dto: views.Task(t, p))))
            .Where(t => wanted is null || t.Dto.Light == wanted)
            .OrderBy(t => t.DueOn ?? LocalDate.MaxIsoValue)
            .Select(t => t.Dto)
            .ToList();
        return TypedResults.Ok(tasks);
    }

    private static async Task<Ok<List<DepartmentBoardDto>>> Departments(string? department, ProjectReader reader,
        ProjectViews views, DefinitionCatalog catalog, IWorkingDayCalendars calendars, IClock clock, CancellationToken ct)
    {
        var departmentId = CatalogueNames.DepartmentFilter(department, catalog);
        var calendar = calendars.National;
        var now = clock.GetCurrentInstant();
        var open = (await reader.RunningAsync(ct))
            .SelectMany(p => p.Tasks.Where(IsDepartmentWork).Select(t => (Task: t, Dto: views.Task(t, p))))
            .OrderBy(t => t.Task.DueOn ?? LocalDate.MaxIsoValue)
            .ToList();
        var boards = catalog.Departments.Where(d => departmentId is null || d.Id == departmentId).Select(d =>
        {
            var mine = open.Where(t => t.Task.DepartmentId == d.Id).ToList();
            return new DepartmentBoardDto(d.Id, d.Name, mine.Count,
                mine.Count(t => t.Dto.Light == Light.Green), mine.Count(t => t.Dto.Light == Light.Yellow), mine.Count(t => t.Dto.Light == Light.Red),
                mine.Where(t => Statistics.IsOverdue(t.Task, calendar, now)).Select(t => t.Dto).ToList(),
                mine.Where(t => Statistics.IsNearDue(t.Task, calendar, now)).Select(t => t.Dto).ToList());
        }).ToList();
        return TypedResults.Ok(boards);
    }
}
