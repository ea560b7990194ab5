using Approval.Engine.Calendar;
using Approval.Engine.Journal;
using Approval.Engine.Runtime;
using System.Text.Json;
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
            .ForMember(d => d.ProvisionalReason, o => o.Ignore());
        CreateMap<ProjectInstance, ProjectDetailDto>()
            .ForMember(d => d.Project, o => o.MapFrom(s => s))
            .ForMember(d => d.MissingMaterials, o => o.Ignore())
            .ForMember(d => d.Steps, o => o.Ignore())
            .ForMember(d => d.Journal, o => o.Ignore());
        CreateMap<WorkTask, TaskDto>()
            .ForMember(d => d.Outcome, o => o.MapFrom(s => s.Outcome == null ? null : JsonNamingPolicy.CamelCase.ConvertName(s.Outcome)))
            .ForMember(d => d.ProjectCode, o => o.Ignore())
            .ForMember(d => d.ProjectName, o => o.Ignore())
            .ForMember(d => d.Light, o => o.Ignore())
            .ForMember(d => d.Provisional, o => o.Ignore())
            .ForMember(d => d.ProvisionalCode, o => o.Ignore())
            .ForMember(d => d.ProvisionalReason, o => o.Ignore());
        CreateMap<ClockStop, ClockStopDto>()
            .ForMember(d => d.StoppedDays, o => o.MapFrom(s => s.StoppedDays == null ? null : ClockStops.Format(s.StoppedDays)));
        CreateMap<Extension, ExtensionDto>();
        CreateMap<JournalEntry, JournalEntryDto>();
    }
}
