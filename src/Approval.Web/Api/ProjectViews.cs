using Approval.Engine.Activities;
using Approval.Engine.Calendar;
using Approval.Engine.Definitions;
using Approval.Engine.Journal;
using Approval.Engine.Runtime;
using Approval.Engine.Supervision;
using Approval.Web.Api.Contracts;
using AutoMapper;
using NodaTime;

namespace Approval.Web.Api;

/// <summary>Builds the API's views of projects and tasks: AutoMapper for the fields, then lights and working days.</summary>
public sealed class ProjectViews(IMapper mapper, LightPolicy lights, IWorkingDayCalendars calendars, DefinitionCatalog catalog, IClock clock,
    WorkflowEngine engine)
{
    public ProjectSummaryDto Summary(ProjectInstance instance) => Summary(instance, null);

    /// <summary>A project in a list, as <paramref name="viewer"/> reads it: the applicant's own answers carry the query key.</summary>
    public ProjectSummaryDto Summary(ProjectInstance instance, Actor? viewer)
    {
        var dto = mapper.Map<ProjectSummaryDto>(instance);
        Complete(dto, instance, viewer);
        return dto;
    }

    /// <summary>One project, as <paramref name="viewer"/> reads it (see <see cref="Summary(ProjectInstance, Actor?)"/>).</summary>
    /// <param name="instance">The project.</param>
    /// <param name="journal">Its journal, in order.</param>
    /// <param name="viewer">Who reads it.</param>
    /// <param name="sameProjectCode">Its other applications under the same code the viewer may see (<see cref="ProjectReader.SameProjectCodeAsync"/>).</param>
    public ProjectDetailDto Detail(ProjectInstance instance, IEnumerable<JournalEntry> journal, Actor? viewer = null,
        IEnumerable<ProjectInstance>? sameProjectCode = null)
    {
        var dto = mapper.Map<ProjectDetailDto>(instance);
        Complete(dto.Project, instance, viewer);
        var definition = catalog.Get(instance.DefinitionId, instance.DefinitionVersion);
        dto.MissingMaterials = OneWindowIntake.Missing(definition, instance).Select(m => m.Code).ToList();
        dto.Steps = Steps(definition, instance);
        dto.Tasks = instance.Tasks.OrderBy(t => t.OpenedOn).ThenBy(t => t.Title).Select(t => Task(t, instance)).ToList();
        dto.Journal = journal.Select(mapper.Map<JournalEntryDto>).ToList();
        dto.SameProjectCode = (sameProjectCode ?? []).Select(p => new RelatedApplicationDto(p.Id, p.DefinitionId,
            catalog.Get(p.DefinitionId, p.DefinitionVersion).Name, p.Status, p.AcceptedOn, p.EndedOn)).ToList();
        return dto;
    }

    /// <summary>A task's light now (as <see cref="Task(WorkTask, ProjectInstance?)"/> gives it).</summary>
    public Light LightOf(WorkTask task) => lights.Of(clock.GetCurrentInstant(), task);

    public TaskDto Task(WorkTask task, ProjectInstance? project = null) =>
        Task(task, project?.ProjectCode, project?.ProjectName, project?.Simulation ?? SimulationState.None);

    /// <summary>A task in a list, with only its project's code and name (what a paged list reads of the project).</summary>
    public TaskDto Task(TaskRow row) => Task(row.Task, row.ProjectCode, row.ProjectName, row.Simulation);

    private TaskDto Task(WorkTask task, string? projectCode, string? projectName, SimulationState simulation)
    {
        var dto = mapper.Map<TaskDto>(task);
        // Work of a project in simulation, or a decision recorded as a simulated one.
        dto.Simulated = simulation == SimulationState.Simulating || Outcomes.IsSimulated(task.Outcome);
        dto.Light = lights.Of(clock.GetCurrentInstant(), task);
        dto.ProjectCode = projectCode;
        dto.ProjectName = projectName;
        var provisional = engine.Deadlines.TaskDueProvisional(task);
        (dto.Provisional, dto.ProvisionalCode, dto.ProvisionalReason) = (provisional is not null, provisional?.Code, provisional?.Reason);
        dto.CorrectionRequests = task.Asks.Select(a => new CorrectionRequestDto(a.DepartmentId, CatalogueNames.Department(a.DepartmentId, catalog),
            a.MatterCode, CatalogueNames.Matter(a.MatterCode, catalog), a.Comment,
            a.Items.Select(i => new CorrectionItemDto(i.MaterialCode, i.Name, i.Required, i.DeficiencyAllowed, CorrectionNotices.Requirement(i), i.Text))
                .ToList())).ToList();
        return dto;
    }

    /// <summary>
    /// The query key goes only to the applicant side: the reader has already refused an investor or agent the project
    /// is not theirs (404), so an applicant that sees it is its investor or an agent it authorised.
    /// </summary>
    private static bool IsApplicant(Actor? viewer) => viewer?.Role is ActorRole.Investor or ActorRole.Agent;

    private void Complete(ProjectSummaryDto dto, ProjectInstance instance, Actor? viewer)
    {
        if (IsApplicant(viewer)) dto.QueryKey = instance.QueryKey;
        var now = clock.GetCurrentInstant();
        var calendar = calendars.National;
        var today = calendar.LocalDateOf(now);
        dto.CurrentStepName = catalog.Get(instance.DefinitionId, instance.DefinitionVersion).Activity(instance.CurrentActivityId).Name;
        dto.Light = lights.Of(now, instance);
        var provisional = engine.Deadlines.ProjectDueProvisional(instance);
        (dto.Provisional, dto.ProvisionalCode, dto.ProvisionalReason) = (provisional is not null, provisional?.Code, provisional?.Reason);
        if (instance.AcceptedOn is null) return;
        dto.WorkingDaysUsed = engine.Deadlines.WorkingDaysUsed(instance, instance.EndedOn ?? today);
        if (instance.Status == InstanceStatus.Running)
            dto.WorkingDaysLeft = engine.Deadlines.WorkingDaysLeft(instance, today);
    }

    /// <summary>The procedure's steps in flow order, each done, current, ended or pending for the project.</summary>
    public static List<StepDto> Steps(WorkflowDefinition definition, ProjectInstance instance)
    {
        var order = definition.InFlowOrder().ToList();
        var current = order.FindIndex(a => a.Id == instance.CurrentActivityId);
        return order.Select((a, i) => new StepDto(a.Id, a.Name, a.Type,
            instance.Status == InstanceStatus.Completed || i < current ? "done"
            : i == current ? (instance.IsEnded ? "ended" : "current") : "pending", a.BudgetWorkingDays)).ToList();
    }
}
