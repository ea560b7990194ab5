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
/// the statistics over a period, all read in SQL. The one place these are built for the API and the pages.
/// </summary>
public sealed class SupervisionBoard(ListReader lists, StatisticsReader statisticsReader, ProjectViews views, IMapper mapper,
    DefinitionCatalog catalog, WorkflowEngine engine)
{
    /// <summary>How many overdue and near-due tasks a department's board lists (the counts are whole; the rest page on the task list).</summary>
    public const int BoardListSize = 20;

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

    /// <summary>
    /// A page of running projects, soonest deadline first, with their light and their departments' open tasks (soonest
    /// due first); null filters mean "any". Filtered and paged in SQL (<see cref="ListReader.RunningProjectsAsync"/>).
    /// </summary>
    public async Task<Page<SupervisedProjectDto>> ProjectsAsync(Light? light, string? definitionId, PageRequest page, CancellationToken ct = default,
        SimulationState? simulation = null) =>
        (await lists.RunningProjectsAsync(definitionId, light, page, ct, simulation)).Map(p => new SupervisedProjectDto(views.Summary(p),
            p.Tasks.Where(TallyRules.IsOpenWork).OrderBy(t => t.DueOn ?? LocalDate.MaxIsoValue).Select(t => views.Task(t, p)).ToList()));

    /// <summary>
    /// A page of open department tasks of running projects with their lights, soonest due first, with how many there
    /// are; null filters mean "any". Filtered and paged in SQL.
    /// </summary>
    public async Task<Page<TaskDto>> TasksAsync(Light? light, string? departmentId, PageRequest page, CancellationToken ct = default,
        DueState? due = null) =>
        (await lists.OpenTasksAsync(new TaskQuery(departmentId, null, light, due), page, runningOnly: true, counted: true, ct: ct)).Map(views.Task);

    /// <summary>
    /// Per department of the catalogue (or the one asked for): open tasks counted by light, overdue (超期) and near due
    /// (临期) in one <c>GROUP BY</c>, with the first <see cref="BoardListSize"/> overdue and near-due tasks, soonest due first.
    /// </summary>
    public async Task<List<DepartmentBoardDto>> DepartmentsAsync(string? departmentId, CancellationToken ct = default)
    {
        var counts = await lists.CountsByDepartmentAsync(departmentId, ct: ct);
        var boards = new List<DepartmentBoardDto>();
        foreach (var d in catalog.Departments.Where(d => departmentId is null || d.Id == departmentId))
        {
            var c = counts.GetValueOrDefault(d.Id) ?? new WorkCounts(0, 0, 0, 0, 0, 0, 0);
            var first = new PageRequest(BoardListSize);
            var overdue = c.Overdue == 0 ? [] : (await TasksAsync(null, d.Id, first, ct, DueState.Overdue)).Items;
            var nearDue = c.NearDue == 0 ? [] : (await TasksAsync(null, d.Id, first, ct, DueState.NearDue)).Items;
            boards.Add(new DepartmentBoardDto(d.Id, d.Name, c.Open, c.Green, c.Yellow, c.Red, overdue, nearDue)
            {
                OverdueCount = c.Overdue,
                NearDueCount = c.NearDue,
            });
        }
        return boards;
    }

    /// <summary>
    /// A page of extension requests waiting for a supervisor, oldest first, with how many there are, each with the
    /// deadlines before and after approval; paged in SQL with only the columns shown (<see cref="ListReader.PendingExtensionsAsync"/>).
    /// </summary>
    public async Task<Page<PendingExtensionDto>> PendingExtensionsAsync(PageRequest page, CancellationToken ct = default) =>
        (await lists.PendingExtensionsAsync(page, ct)).Map(row =>
        {
            var (e, task, project) = (row.Extension, row.Task, row.Project);
            var view = views.Task(task, project);
            var effect = engine.Deadlines.EffectOfExtension(project, task, e.WorkingDays, row.StepExtensionWorkingDays);
            return new PendingExtensionDto(mapper.Map<ExtensionDto>(e), project.ProjectCode, project.ProjectName, task.Title,
                task.DepartmentId, task.DepartmentId is { } d ? CatalogueNames.Department(d, catalog) : null, task.MatterCode, task.DueOn,
                view.Light, project.Status == InstanceStatus.Running && task.IsOpen, view.Provisional, view.ProvisionalCode, view.ProvisionalReason,
                effect.TaskDueAfter, effect.ProjectDueBefore, effect.ProjectDueAfter);
        });

    /// <summary>The statistics of every running and ended project over <paramref name="period"/>, counted in the database (<see cref="StatisticsReader"/>).</summary>
    public async Task<StatisticsDto> StatisticsAsync(StatisticsPeriod period, CancellationToken ct = default)
    {
        var statistics = await statisticsReader.ReadAsync(period, ct);
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
}
