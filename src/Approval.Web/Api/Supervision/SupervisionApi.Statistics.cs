using Approval.Engine.Calendar;
using Approval.Engine.Definitions;
using Approval.Engine.Supervision;
using Approval.Web.Api.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace Approval.Web.Api;

public static partial class SupervisionApi
{
    private static async Task<Ok<StatisticsDto>> GetStatistics(ProjectReader reader, DefinitionCatalog catalog,
        IWorkingDayCalendars calendars, IClock clock, CancellationToken ct)
    {
        var projects = (await reader.RunningAsync(ct)).Concat(await reader.EndedAsync(ct));
        var statistics = Statistics.Compute(projects, catalog, calendars.National, clock.GetCurrentInstant());
        return TypedResults.Ok(new StatisticsDto(
            statistics.AsOf,
            statistics.Departments.Select(d => new DepartmentStatisticsDto(d.DepartmentId,
                CatalogueNames.Department(d.DepartmentId, catalog), DecisionCountsDto.From(d.Decisions))).ToList(),
            statistics.Matters.Select(m => new MatterStatisticsDto(m.MatterCode,
                CatalogueNames.Matter(m.MatterCode, catalog) ?? m.MatterCode, m.DepartmentId,
                DecisionCountsDto.From(m.Decisions))).ToList(),
            statistics.Definitions.Select(d => Dto(d, catalog)).ToList(),
            Dto(statistics.AllProjects, catalog)));
    }

    private static ProjectStatisticsDto Dto(ProjectStatistics p, DefinitionCatalog catalog) => ProjectStatisticsDto.From(p,
        p.DefinitionId is not null && catalog.TryGetLatest(p.DefinitionId, out var definition) ? definition!.Name : null);
}
