using Approval.Engine.Activities;
using Approval.Engine.Calendar;
using Approval.Engine.Journal;
using Approval.Engine.Runtime;
using AutoMapper;

namespace Approval.Web.Api.Contracts;

/// <summary>Entity → DTO mappings. Computed members (lights, working days, step names) are filled by <see cref="ProjectViews"/>.</summary>
public sealed class ApiProfile : Profile
{
    public ApiProfile()
    {
        CreateMap<ProjectInstance, ProjectSummaryDto>()
            .ForMember(d => d.CurrentStepName, o => o.Ignore())
            .ForMember(d => d.WorkingDaysUsed, o => o.Ignore())
            .ForMember(d => d.WorkingDaysLeft, o => o.Ignore())
            .ForMember(d => d.Light, o => o.Ignore())
            .ForMember(d => d.Provisional, o => o.Ignore())
            .ForMember(d => d.ProvisionalCode, o => o.Ignore())
            .ForMember(d => d.ProvisionalReason, o => o.Ignore())
            // Only the applicant's own answers carry it (ProjectViews).
            .ForMember(d => d.QueryKey, o => o.Ignore())
            .ForMember(d => d.SimulationLabel, o => o.MapFrom(s => Simulations.Label(s.Simulation)));
        CreateMap<ProjectInstance, ProjectDetailDto>()
            .ForMember(d => d.Project, o => o.MapFrom(s => s))
            .ForMember(d => d.MissingMaterials, o => o.Ignore())
            .ForMember(d => d.HandedInMaterials, o => o.MapFrom(s => HandedInMaterials.Of(s)))
            .ForMember(d => d.Steps, o => o.Ignore())
            .ForMember(d => d.Journal, o => o.Ignore())
            .ForMember(d => d.SameProjectCode, o => o.Ignore());
        CreateMap<WorkTask, TaskDto>()
            .ForMember(d => d.Outcome, o => o.MapFrom(s => s.Outcome == null ? null : Outcomes.Code(s.Outcome)))
            .ForMember(d => d.OutcomeLabel, o => o.MapFrom(s => s.Outcome == null ? null : Outcomes.Label(s.Outcome)))
            .ForMember(d => d.CorrectionRequests, o => o.Ignore())
            .ForMember(d => d.ProjectCode, o => o.Ignore())
            .ForMember(d => d.ProjectName, o => o.Ignore())
            .ForMember(d => d.Light, o => o.Ignore())
            .ForMember(d => d.Provisional, o => o.Ignore())
            .ForMember(d => d.ProvisionalCode, o => o.Ignore())
            .ForMember(d => d.ProvisionalReason, o => o.Ignore())
            .ForMember(d => d.Simulated, o => o.Ignore());
        CreateMap<ClockStop, ClockStopDto>()
            .ForMember(d => d.StoppedDays, o => o.MapFrom(s => s.StoppedDays == null ? null : ClockStops.Format(s.StoppedDays)));
        CreateMap<Extension, ExtensionDto>();
        CreateMap<JournalEntry, JournalEntryDto>()
            .ForMember(d => d.Event, o => o.MapFrom(s => JournalEvents.Code(s.Event)))
            .ForMember(d => d.EventLabel, o => o.MapFrom(s => JournalEvents.Label(s.Event)));
    }
}
