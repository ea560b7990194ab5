using Approval.Engine.Calendar;
using NodaTime;

namespace Approval.Engine.Runtime;

/// <summary>
/// A period that the law does not count (行政许可法 art. 45, local rules, the applicant's 补正 time):
/// it stops the clock of its task, its step and the whole project.
/// </summary>
public sealed class ClockStop
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public string ActivityId { get; set; } = "";
    /// <summary>The task whose clock stops; null when it stops every task of the step (pre-review correction).</summary>
    public Guid? TaskId { get; set; }
    public ClockStopReason Reason { get; set; }
    /// <summary>The written notice to the applicant (书面告知), required by art. 45.</summary>
    public string Notice { get; set; } = "";
    /// <summary>First day not counted: the day after the stop was asked for (<see cref="ClockStops.StartsAfter"/>).</summary>
    public LocalDate StartsOn { get; set; }
    /// <summary>How many working days the department expects to need; used for deadlines while the stop is open.</summary>
    public int ExpectedWorkingDays { get; set; }
    /// <summary>
    /// The day counting resumes, itself counted again: the day after the answer (<see cref="ClockStops.ResumesAfter"/>);
    /// null while the stop is open. Equal to <see cref="StartsOn"/> when the stop ended the day it was asked for.
    /// </summary>
    public LocalDate? ResumesOn { get; set; }
    public string RequestedBy { get; set; } = "";
    public Instant RequestedAt { get; set; }

    public bool IsOpen => ResumesOn is null;

    /// <summary>The days this stop covered, once it has ended (<see cref="ClockStops.Covering"/>); null while open or when it covered no day.</summary>
    public DateInterval? StoppedDays => ResumesOn is { } resumes ? ClockStops.Covering(StartsOn, resumes) : null;
}

/// <summary>Why a clock stops.</summary>
public enum ClockStopReason
{
    Hearing,         // 听证
    Tendering,       // 招标
    Auction,         // 拍卖
    Inspection,      // 检验
    Testing,         // 检测
    Quarantine,      // 检疫
    Appraisal,       // 鉴定
    ExpertReview,    // 专家评审
    Publicity,       // 公示 (local rule)
    Surveying,       // 勘测 (local rule)
    Correction,      // 补正: the applicant's time
}
