using Approval.Engine.Definitions;
using Approval.Engine.Runtime;
using Approval.Engine.Supervision;
using NodaTime;

namespace Approval.Web.Api.Contracts;

/// <summary>A project in a list, with its deadline light.</summary>
public sealed class ProjectSummaryDto
{
    public Guid Id { get; set; }
    public string? ProjectCode { get; set; }
    public bool ProjectCodeLocallyIssued { get; set; }
    public string ProjectName { get; set; } = "";
    public string InvestorId { get; set; } = "";
    public string InvestorName { get; set; } = "";
    public string? AgentId { get; set; }
    public string DefinitionId { get; set; } = "";
    public int DefinitionVersion { get; set; }
    public InstanceStatus Status { get; set; }
    public string CurrentActivityId { get; set; } = "";
    public string CurrentStepName { get; set; } = "";
    public Instant FiledAt { get; set; }
    public LocalDate? AcceptedOn { get; set; }
    public LocalDate? DueOn { get; set; }
    public LocalDate? StepDueOn { get; set; }
    public int TargetWorkingDays { get; set; }
    public int ExtensionWorkingDays { get; set; }
    public int? WorkingDaysUsed { get; set; }
    public int? WorkingDaysLeft { get; set; }
    public Light Light { get; set; }
    public bool? OnTime { get; set; }
    public string? OutcomeReason { get; set; }
    /// <summary>True when <c>dueOn</c> (or <c>stepDueOn</c>) rests on a year whose holiday notice is not published or verified: it moves when the notice is added. Always false once the project has ended.</summary>
    public bool Provisional { get; set; }
    /// <summary>Why, as a stable code (as the calendar API's <c>provisionalCode</c>, e.g. <c>holidayNoticeNotPublished</c>); null when not provisional.</summary>
    public string? ProvisionalCode { get; set; }
    /// <summary>Why, in Chinese (as the calendar API's <c>provisionalReason</c>); null when not provisional.</summary>
    public string? ProvisionalReason { get; set; }
    /// <summary>
    /// The query key (查询码) printed on the acceptance receipt, once accepted; only in the applicant's own answers
    /// (its investor's and its authorised agents'), never in staff or public ones.
    /// </summary>
    public string? QueryKey { get; set; }
    /// <summary>
    /// 模拟审批: <c>none</c> for a formal project; <c>simulating</c> while departments record simulated decisions and nothing
    /// is issued; <c>converted</c> once the window converted it on the land contract; <c>expired</c> when it lapsed unconverted.
    /// </summary>
    public SimulationState Simulation { get; set; }
    /// <summary>The simulation state in Chinese (模拟审批, 模拟审批已转为正式审批, 模拟审批已失效); null for a formal project.</summary>
    public string? SimulationLabel { get; set; }
    /// <summary>The day a simulation not converted expires; null for a formal project.</summary>
    public LocalDate? SimulationExpiresOn { get; set; }
    /// <summary>The day the simulation was converted; the project's formal clock (<c>dueOn</c>, working days used) counts from it.</summary>
    public LocalDate? ConvertedOn { get; set; }
}

/// <summary>One project with its steps, tasks, clock stops, extensions and journal.</summary>
public sealed class ProjectDetailDto
{
    public ProjectSummaryDto Project { get; set; } = new();
    public string Division { get; set; } = "";
    public string Industry { get; set; } = "";
    public decimal InvestmentAmount { get; set; }
    /// <summary>The project unit's contact person (联系人); null on projects filed before it was asked.</summary>
    public string? ContactName { get; set; }
    /// <summary>The contact's telephone (联系电话).</summary>
    public string? ContactPhone { get; set; }
    /// <summary>Codes the applicant listed in its filing, resubmission or corrections; listing alone does not hand a material in.</summary>
    public List<string> SubmittedMaterials { get; set; } = [];
    /// <summary>Codes handed in (已提交): a file uploaded for it, or its paper original recorded by the window.</summary>
    public List<string> HandedInMaterials { get; set; } = [];
    /// <summary>Codes with at least one uploaded file.</summary>
    public List<string> UploadedMaterials { get; set; } = [];
    /// <summary>Codes whose paper original (纸质原件) the window recorded.</summary>
    public List<string> PaperOriginals { get; set; } = [];
    /// <summary>Required codes of the checklist not yet handed in.</summary>
    public List<string> MissingMaterials { get; set; } = [];
    public List<string> Deficiencies { get; set; } = [];
    public LocalDate? DeficienciesDueOn { get; set; }
    /// <summary>Matters the applicant chose and signed on commitment (告知承诺).</summary>
    public List<string> CommitmentMatters { get; set; } = [];
    /// <summary>True when a commitment was found false at verification: the approval was revoked and the project unit is marked for the credit record.</summary>
    public bool InvestorCreditMarked { get; set; }
    public LocalDate? SurveyOn { get; set; }
    public List<StepDto> Steps { get; set; } = [];
    public List<TaskDto> Tasks { get; set; } = [];
    public List<ClockStopDto> ClockStops { get; set; } = [];
    public List<ExtensionDto> Extensions { get; set; } = [];
    public List<JournalEntryDto> Journal { get; set; } = [];
    /// <summary>
    /// The project's other applications under the same project code that the reader may see, oldest first (the
    /// 施工许可 a 竣工联合验收 follows, or the acceptance that followed it).
    /// </summary>
    public List<RelatedApplicationDto> SameProjectCode { get; set; } = [];
}

/// <summary>Another application of the same project (same project code).</summary>
/// <param name="Id">Its project id (办件).</param>
/// <param name="DefinitionId">Its definition.</param>
/// <param name="DefinitionName">Its definition's Chinese name, e.g. 工业建设项目施工许可.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="AcceptedOn">The day it was accepted, if it was.</param>
/// <param name="EndedOn">The day it ended, if it has.</param>
public sealed record RelatedApplicationDto(Guid Id, string DefinitionId, string DefinitionName, InstanceStatus Status,
    LocalDate? AcceptedOn, LocalDate? EndedOn);

/// <summary>A step of the definition and where the project is on it.</summary>
/// <param name="ActivityId">The activity's id in the definition.</param>
/// <param name="Name">The step's Chinese name.</param>
/// <param name="Type">The activity type.</param>
/// <param name="State">done, current, ended (the project ended here) or pending.</param>
/// <param name="BudgetWorkingDays">The step's budget of working days.</param>
public sealed record StepDto(string ActivityId, string Name, ActivityType Type, string State, int BudgetWorkingDays);
