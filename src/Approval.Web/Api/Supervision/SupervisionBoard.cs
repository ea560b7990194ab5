using Approval.Engine.Calendar;
using Approval.Engine.Definitions;
using Approval.Engine.Runtime;
using Approval.Engine.Supervision;
using Approval.Web.Api.Contracts;
using AutoMapper;
using NodaTime;

namespace Approval.Web.Api;

/// <summary>
/// The reads of e-supervision (电子监察) that the API and the supervisor's pages share: open department work with its
/// lights, each department's board, the extension requests with what approving them would do to the deadlines, and
/// the statistics over a period. The one place these are built, so that a later move into SQL lands once.
/// </summary>
public sealed class SupervisionBoard(ProjectReader reader, ProjectViews views, IMapper mapper, DefinitionCatalog catalog,
    IWorkingDayCalendars calendars, IClock clock, WorkflowEngine engine)
{
    /// <summary>Department work that supervision follows: open or stopped, not the applicant's own correction tasks.</summary>
    public static bool IsDepartmentWork(WorkTask task) =>
        task.IsOpen && task.Kind != TaskKind.ApplicantCorrection && task.DepartmentId is not null;

    /// <summary>A light filter by name (green, yellow, red; any case): false for anything else, also "1" (Enum.TryParse would take it).</summary>
    public static bool TryParseLight(string? value, out Light? light)
    {
        light = null;
        if (string.IsNullOrWhiteSpace(value)) return true;
        foreach (var candidate in Enum.GetValues<Light>())
            if (string.Equals(candidate.ToString(), value.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                light = candidate;
                return true;
            }
        return false;
    }

    /// <summary>Running projects with their light and their departments' open tasks (soonest due first); null filters mean "any".</summary>
    public async Task<List<SupervisedProjectDto>> ProjectsAsync(Light? light, string? definitionId, CancellationToken ct = default) =>
        (await reader.RunningAsync(ct))
            .Where(p => definitionId is null || p.DefinitionId == definitionId)
            .Select(p => new SupervisedProjectDto(views.Summary(p),
                p.Tasks.Where(IsDepartmentWork).OrderBy(t => t.DueOn ?? LocalDate.MaxIsoValue).Select(t => views.Task(t, p)).ToList()))
            .Where(p => light is null || p.Project.Light == light)
            .ToList();

    /// <summary>Open department tasks with their lights, soonest due first; null filters mean "any".</summary>
    public async Task<List<TaskDto>> TasksAsync(Light? light, string? departmentId, CancellationToken ct = default) =>
        (await OpenWorkAsync(ct))
            .Where(t => departmentId is null || t.Task.DepartmentId == departmentId)
            .Where(t => light is null || t.Dto.Light == light)
            .Select(t => t.Dto)
            .ToList();

    /// <summary>Per department of the catalogue (or the one asked for): open tasks by light, overdue (超期) and near-due (临期).</summary>
    public async Task<List<DepartmentBoardDto>> DepartmentsAsync(string? departmentId, CancellationToken ct = default)
    {
        var calendar = calendars.National;
        var now = clock.GetCurrentInstant();
        var open = await OpenWorkAsync(ct);
        return catalog.Departments.Where(d => departmentId is null || d.Id == departmentId).Select(d =>
        {
            var mine = open.Where(t => t.Task.DepartmentId == d.Id).ToList();
            return new DepartmentBoardDto(d.Id, d.Name, mine.Count,
                mine.Count(t => t.Dto.Light == Light.Green), mine.Count(t => t.Dto.Light == Light.Yellow), mine.Count(t => t.Dto.Light == Light.Red),
                mine.Where(t => Statistics.IsOverdue(t.Task, calendar, now)).Select(t => t.Dto).ToList(),
                mine.Where(t => Statistics.IsNearDue(t.Task, calendar, now)).Select(t => t.Dto).ToList());
        }).ToList();
    }

    /// <summary>Extension requests waiting for a supervisor, oldest first, each with the deadlines before and after approval.</summary>
    public async Task<List<PendingExtensionDto>> PendingExtensionsAsync(Actor actor, CancellationToken ct = default)
    {
        var pending = await reader.PendingExtensionsAsync(ct);
        // Requests are few at any time: load just their projects rather than every running one.
        var projects = new Dictionary<Guid, ProjectInstance>();
        foreach (var id in pending.Select(e => e.InstanceId).Distinct())
            projects[id] = await reader.GetAsync(actor, id, ct);
        return pending.Select(e =>
        {
            var project = projects[e.InstanceId];
            var task = project.Tasks.Single(t => t.Id == e.TaskId);
            var view = views.Task(task, project);
            var effect = engine.Deadlines.EffectOfExtension(project, task, e.WorkingDays);
            return new PendingExtensionDto(mapper.Map<ExtensionDto>(e), project.ProjectCode, project.ProjectName, task.Title,
                task.DepartmentId, task.DepartmentId is { } d ? CatalogueNames.Department(d, catalog) : null, task.MatterCode, task.DueOn,
                view.Light, project.Status == InstanceStatus.Running && task.IsOpen, view.Provisional, view.ProvisionalCode, view.ProvisionalReason,
                effect.TaskDueAfter, effect.ProjectDueBefore, effect.ProjectDueAfter);
        }).ToList();
    }

    /// <summary>The statistics of every running and ended project over <paramref name="period"/> (see <see cref="Statistics.Compute"/>).</summary>
    public async Task<StatisticsDto> StatisticsAsync(StatisticsPeriod period, CancellationToken ct = default)
    {
        var projects = (await reader.RunningAsync(ct)).Concat(await reader.EndedAsync(ct));
        var statistics = Statistics.Compute(projects, catalog, calendars.National, clock.GetCurrentInstant(), period);
        return new StatisticsDto(
            statistics.AsOf,
            statistics.Departments.Select(d => new DepartmentStatisticsDto(d.DepartmentId,
                CatalogueNames.Department(d.DepartmentId, catalog), DecisionCountsDto.From(d.Decisions))).ToList(),
            statistics.Matters.Select(m => new MatterStatisticsDto(m.MatterCode,
                CatalogueNames.Matter(m.MatterCode, catalog) ?? m.MatterCode, m.DepartmentId,
                DecisionCountsDto.From(m.Decisions))).ToList(),
            statistics.Definitions.Select(Dto).ToList(),
            Dto(statistics.AllProjects))
        {
            From = period.From,
            To = period.To,
            AcceptedPerMonth = statistics.AcceptedPerMonth.Select(m => new AcceptedInMonthDto(m.DefinitionId,
                DefinitionName(m.DefinitionId) ?? m.DefinitionId, $"{m.Month.Year:0000}-{m.Month.Month:00}", m.Accepted)).ToList(),
        };
    }

    private ProjectStatisticsDto Dto(ProjectStatistics p) => ProjectStatisticsDto.From(p, DefinitionName(p.DefinitionId),
        p.DefinitionId is not null && catalog.TryGetLatest(p.DefinitionId, out var definition) ? definition!.TargetWorkingDays : null);

    private string? DefinitionName(string? id) => id is not null && catalog.TryGetLatest(id, out var definition) ? definition!.Name : null;

    private async Task<List<(WorkTask Task, TaskDto Dto)>> OpenWorkAsync(CancellationToken ct) =>
        (await reader.RunningAsync(ct))
            .SelectMany(p => p.Tasks.Where(IsDepartmentWork).Select(t => (Task: t, Dto: views.Task(t, p))))
            .OrderBy(t => t.Task.DueOn ?? LocalDate.MaxIsoValue)
            .ToList();
}
