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
    public ProjectSummaryDto Summary(ProjectInstance instance)
    {
        var dto = mapper.Map<ProjectSummaryDto>(instance);
        Complete(dto, instance);
        return dto;
    }

    public ProjectDetailDto Detail(ProjectInstance instance, IEnumerable<JournalEntry> journal)
    {
        var dto = mapper.Map<ProjectDetailDto>(instance);
        Complete(dto.Project, instance);
        var definition = catalog.Get(instance.DefinitionId, instance.DefinitionVersion);
        dto.MissingMaterials = OneWindowIntake.Missing(definition.Intake, instance).Select(m => m.Code).ToList();
        dto.Steps = Steps(definition, instance);
        dto.Tasks = instance.Tasks.OrderBy(t => t.OpenedOn).ThenBy(t => t.Title).Select(t => Task(t, instance)).ToList();
        dto.Journal = journal.Select(mapper.Map<JournalEntryDto>).ToList();
        return dto;
    }

    public TaskDto Task(WorkTask task, ProjectInstance? project = null)
    {
        var dto = mapper.Map<TaskDto>(task);
        dto.Light = lights.Of(clock.GetCurrentInstant(), task);
        dto.ProjectCode = project?.ProjectCode;
        dto.ProjectName = project?.ProjectName;
        var provisional = engine.Deadlines.TaskDueProvisional(task);
        (dto.Provisional, dto.ProvisionalCode, dto.ProvisionalReason) = (provisional is not null, provisional?.Code, provisional?.Reason);
        return dto;
    }

    private void Complete(ProjectSummaryDto dto, ProjectInstance instance)
    {
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

    private static List<StepDto> Steps(WorkflowDefinition definition, ProjectInstance instance)
    {
        var order = definition.InFlowOrder().ToList();
        var current = order.FindIndex(a => a.Id == instance.CurrentActivityId);
        return order.Select((a, i) => new StepDto(a.Id, a.Name, a.Type,
            instance.Status == InstanceStatus.Completed || i < current ? "done"
            : i == current ? (instance.IsEnded ? "ended" : "current") : "pending", a.BudgetWorkingDays)).ToList();
    }
}
