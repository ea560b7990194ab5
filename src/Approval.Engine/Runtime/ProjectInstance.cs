using NodaTime;

namespace Approval.Engine.Runtime;

/// <summary>One running (or finished) approval of a project (项目办件): the workflow instance, correlated by project code.</summary>
/// <remarks>
/// The aggregate root: tasks, timers, clock stops, extensions and the journal hang off it and change
/// together with it in one transaction. <see cref="Version"/> is the optimistic-concurrency token.
/// </remarks>
public sealed class ProjectInstance
{
    public Guid Id { get; set; }
    public string DefinitionId { get; set; } = "";
    public int DefinitionVersion { get; set; }

    /// <summary>The investment project code (投资项目统一代码); fixed at acceptance, possibly given at filing.</summary>
    public string? ProjectCode { get; set; }
    public bool ProjectCodeLocallyIssued { get; set; }

    public string ProjectName { get; set; } = "";
    /// <summary>The project unit (项目单位) the application is for.</summary>
    public string InvestorId { get; set; } = "";
    public string InvestorName { get; set; } = "";
    /// <summary>The proxy agent (代办员) who filed it, when one did.</summary>
    public string? AgentId { get; set; }
    public string Division { get; set; } = "";
    public string Industry { get; set; } = "";
    /// <summary>Total investment in units of 10,000 yuan (万元).</summary>
    public decimal InvestmentAmount { get; set; }
    /// <summary>The project unit's contact person (联系人) the window and departments call; null on projects filed before it was asked.</summary>
    public string? ContactName { get; set; }
    /// <summary>The contact's telephone (联系电话), as <see cref="ContactPhone"/> accepts it.</summary>
    public string? ContactPhone { get; set; }

    public InstanceStatus Status { get; set; }
    public string CurrentActivityId { get; set; } = "";

    /// <summary>
    /// Material codes the applicant listed in its filing, resubmission or correction: what it says it hands in. A
    /// listed code is not handed in by being listed (see <see cref="Activities.HandedInMaterials"/>).
    /// </summary>
    public List<string> SubmittedMaterials { get; set; } = [];
    /// <summary>Material codes with at least one uploaded file (申报材料电子件).</summary>
    public List<string> UploadedMaterials { get; set; } = [];
    /// <summary>Material codes whose paper original (纸质原件) the window has recorded as received.</summary>
    public List<string> PaperOriginals { get; set; } = [];
    /// <summary>Items accepted as missing (容缺) and the date by which the applicant promised them.</summary>
    public List<string> Deficiencies { get; set; } = [];
    public LocalDate? DeficienciesDueOn { get; set; }

    /// <summary>
    /// Matters the applicant chose to have approved on its commitment (告知承诺), signing each commitment at filing
    /// (the signature is the journal's <c>CommitmentSigned</c> entry: who and when).
    /// </summary>
    public List<string> CommitmentMatters { get; set; } = [];
    /// <summary>
    /// The project unit is marked for the credit record (信用记录): a commitment it signed was found false at the
    /// verification (事后核查) and the approval was revoked.
    /// </summary>
    public bool InvestorCreditMarked { get; set; }

    /// <summary>Whether the project runs as a simulated approval (模拟审批), chosen at filing when the land is not yet obtained.</summary>
    public SimulationState Simulation { get; set; }
    /// <summary>The day a simulation not converted expires (失效), fixed at acceptance; null for a formal project.</summary>
    public LocalDate? SimulationExpiresOn { get; set; }
    /// <summary>
    /// The day the window converted the simulation into a formal approval (转为正式审批): the project's formal clock
    /// counts from here instead of from acceptance.
    /// </summary>
    public LocalDate? ConvertedOn { get; set; }

    /// <summary>The query key printed on the receipt (受理通知书); with the project code it lets the investor track the project. Kept so the receipt can be reprinted; guessing is prevented by identical answers and rate limiting.</summary>
    public string? QueryKey { get; set; }

    public Instant FiledAt { get; set; }
    public LocalDate? AcceptedOn { get; set; }
    public int TargetWorkingDays { get; set; }
    /// <summary>Working days added by approved extensions (延期) to the whole project.</summary>
    public int ExtensionWorkingDays { get; set; }
    /// <summary>The project's deadline, derived from acceptance, target, extensions and clock stops; kept for queries.</summary>
    public LocalDate? DueOn { get; set; }

    public LocalDate? StepStartedOn { get; set; }
    /// <summary>The one date of the combined site survey (集中踏勘), once fixed.</summary>
    public LocalDate? SurveyOn { get; set; }
    public LocalDate? StepDueOn { get; set; }

    public Instant? EndedAt { get; set; }
    public LocalDate? EndedOn { get; set; }
    public bool? OnTime { get; set; }
    /// <summary>
    /// For a completed project: the working days from acceptance to completion (办结用时), stopped time left out, stored
    /// at completion so that statistics sum a column (see <see cref="Supervision.TimeUsed"/>); null otherwise and on
    /// projects completed before the column existed.
    /// </summary>
    public int? UsedWorkingDays { get; set; }
    public string? OutcomeReason { get; set; }

    public int JournalCount { get; set; }
    public int Version { get; set; }

    public List<WorkTask> Tasks { get; set; } = [];
    public List<Timers.DurableTimer> Timers { get; set; } = [];
    public List<ClockStop> ClockStops { get; set; } = [];
    public List<Extension> Extensions { get; set; } = [];

    public bool IsEnded => Status is InstanceStatus.Completed or InstanceStatus.Rejected
        or InstanceStatus.Refused or InstanceStatus.Terminated;
}

/// <summary>模拟审批: whether a project runs in simulation, and how its simulation ended.</summary>
public enum SimulationState
{
    /// <summary>A formal approval from the start (the usual case).</summary>
    None,
    /// <summary>Filed in simulation (土地未摘牌): departments record simulated decisions, nothing is issued.</summary>
    Simulating,
    /// <summary>Converted on the land contract (转为正式审批): simulated approvals become formal.</summary>
    Converted,
    /// <summary>Never converted within the definition's period: the simulation lapsed (模拟审批失效) and the project ended.</summary>
    Expired,
}

/// <summary>Where a project stands as a whole.</summary>
public enum InstanceStatus
{
    /// <summary>Filed, waiting for the window (待受理).</summary>
    Filed,
    /// <summary>Returned with a one-time notice (一次性告知); waiting for the applicant to resubmit.</summary>
    Returned,
    /// <summary>Accepted (受理) and in progress.</summary>
    Running,
    /// <summary>Results issued (办结).</summary>
    Completed,
    /// <summary>A department rejected it (不予许可).</summary>
    Rejected,
    /// <summary>The window refused to accept it (不予受理).</summary>
    Refused,
    /// <summary>Ended without a decision, e.g. promised 容缺 materials never arrived (终止办理).</summary>
    Terminated,
}
