using NodaTime;

namespace Approval.Engine.Runtime;

/// <summary>
/// A piece of work waiting for a person (待办): a department's opinion, finding or matter decision, or the
/// applicant's correction. An open task is the bookmark of its activity: the outside world resumes the
/// workflow by acting on it, keyed by project code, activity and department or matter — never by internal state.
/// </summary>
public sealed class WorkTask : Supervision.IOpenWorkDates
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public string ActivityId { get; set; } = "";
    public TaskKind Kind { get; set; }
    /// <summary>The department that owns it; null for the applicant's and the window's tasks.</summary>
    public string? DepartmentId { get; set; }
    /// <summary>The matter (事项) decided by this task, for <see cref="TaskKind.MatterDecision"/>.</summary>
    public string? MatterCode { get; set; }
    public string Title { get; set; } = "";

    public TaskStatus Status { get; set; }
    public string? Outcome { get; set; }
    public string? Comment { get; set; }
    /// <summary>Items asked for (补正 items, missing materials) or findings, in the order given.</summary>
    public List<string> Items { get; set; } = [];
    /// <summary>
    /// For <see cref="TaskKind.ApplicantCorrection"/>: what each department asked and why (补正要求), kept apart from
    /// <see cref="Comment"/>, which holds the applicant's note once it answers.
    /// </summary>
    public List<CorrectionAsk> Asks { get; set; } = [];
    /// <summary>Round of review: 1 at first, +1 each time the task re-opens after a correction.</summary>
    public int Round { get; set; } = 1;

    public LocalDate? OpenedOn { get; set; }
    public int LimitWorkingDays { get; set; }
    public int ExtensionWorkingDays { get; set; }
    public LocalDate? DueOn { get; set; }
    /// <summary>The follow-up date (预警日): the task turns yellow from this working day.</summary>
    public LocalDate? WarnOn { get; set; }

    public Instant? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }

    /// <summary>
    /// When the task's project ended, on its decided matters (办结后公开): set in the save that ends the project, so that
    /// disclosure reads them by their own index without looking at every newer decision of a running project.
    /// </summary>
    public Instant? ProjectEndedAt { get; set; }

    /// <summary>
    /// For a decided <see cref="TaskKind.MatterDecision"/>: the working days its department held the matter (办理用时),
    /// stopped time left out, stored when it is decided so that statistics sum a column (see <see cref="Supervision.TimeUsed"/>);
    /// null while open and on rows decided before the column existed.
    /// </summary>
    public int? UsedWorkingDays { get; set; }
    /// <summary>For a decided <see cref="TaskKind.MatterDecision"/>: decided after its deadline day (超期办结); null as <see cref="UsedWorkingDays"/>.</summary>
    public bool? DecidedLate { get; set; }
    /// <summary>The highest card (黄牌, 红牌) recorded against the department for this task running late; null when none.</summary>
    public Service.CardColour? Card { get; set; }

    public bool IsOpen => Status is TaskStatus.Open or TaskStatus.Suspended;
}

/// <summary>What a task asks for.</summary>
public enum TaskKind
{
    /// <summary>A department's opinion in joint pre-review (联合预审意见).</summary>
    PreReviewOpinion,
    /// <summary>A department's findings at the combined site survey (踏勘意见).</summary>
    SurveyFinding,
    /// <summary>A department's decision on one matter (事项审批).</summary>
    MatterDecision,
    /// <summary>The applicant's correction (补正) asked for by one or more departments.</summary>
    ApplicantCorrection,
    /// <summary>
    /// A department's verification (事后核查) of a commitment it approved a matter on (告知承诺); open after its step and
    /// after the project's completion, until confirmed or found false.
    /// </summary>
    CommitmentVerification,
    /// <summary>
    /// 模拟审批转正确认: after the conversion, a department confirms its simulated approval as the formal decision, without
    /// a second review, within the definition's working days.
    /// </summary>
    SimulationConfirmation,
    /// <summary>
    /// A department's rectification (整改) of a 差评: what it changed and the call-back (回访) to the applicant; open
    /// after the project has ended, like a verification.
    /// </summary>
    Rectification,
    /// <summary>A department's written reply to a 督办 (督办回复), within the working days the supervisor gave.</summary>
    EscalationReply,
}

/// <summary>The life of a task.</summary>
public enum TaskStatus
{
    /// <summary>Waiting for the matters it depends on (前置事项).</summary>
    Waiting,
    Open,
    /// <summary>Open, but its clock is stopped (art. 45 suspension or the applicant's correction).</summary>
    Suspended,
    Done,
    Cancelled,
}
