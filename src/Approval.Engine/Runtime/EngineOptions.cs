namespace Approval.Engine.Runtime;

/// <summary>Settings of the engine that differ between service centres.</summary>
public sealed class EngineOptions
{
    /// <summary>Where definitions, the catalogue and calendars live.</summary>
    public string WorkflowsDirectory { get; set; } = "workflows";

    /// <summary>A task turns yellow when this many working days or fewer are left (0 disables).</summary>
    public int YellowWhenWorkingDaysLeft { get; set; } = 1;

    /// <summary>A task also turns yellow once this share of its time is used (null disables).</summary>
    public double? YellowWhenShareUsed { get; set; }

    /// <summary>
    /// What the colours mean. <see cref="LightConvention.NearAndOverdue"/>: yellow near the deadline, red overdue
    /// (泉州, 成都). <see cref="LightConvention.OverdueAndEscalated"/>: yellow overdue, red still overdue after
    /// <see cref="EscalationWorkingDays"/> (湛江).
    /// </summary>
    public LightConvention LightConvention { get; set; } = LightConvention.NearAndOverdue;

    /// <summary>Working days of 督办 after the deadline before red, under <see cref="LightConvention.OverdueAndEscalated"/>.</summary>
    public int EscalationWorkingDays { get; set; } = 3;

    /// <summary>Working days after a rating (好差评) during which the rater may still change it (through the end of that day).</summary>
    public int RatingEditWorkingDays { get; set; } = 5;

    /// <summary>The department whose rectification a 差评 of the whole project opens: the service centre (政务服务中心).</summary>
    public string ServiceCentreDepartmentId { get; set; } = "government-services";

    /// <summary>Working days a department has to rectify a 差评 (整改) and call the applicant back (回访).</summary>
    public int RectificationWorkingDays { get; set; } = 15;

    /// <summary>A 黄牌 is recorded against the department when its task is this many working days overdue.</summary>
    public int YellowCardOverdueWorkingDays { get; set; } = 3;

    /// <summary>A 红牌 is recorded when the task is this many working days overdue (more than the 黄牌's).</summary>
    public int RedCardOverdueWorkingDays { get; set; } = 10;

    /// <summary>The most working days a 督办 may give the department to reply.</summary>
    public int MaxEscalationReplyWorkingDays { get; set; } = 15;

    /// <summary>How often a command is retried after a concurrency conflict before giving up.</summary>
    public int MaxConflictRetries { get; set; } = 20;

    /// <summary>
    /// How many projects the engine keeps in memory as it last saved them, so that the next command on one starts
    /// without reading it back (0 turns this off). Each save still checks the project's version, so a project
    /// changed by another node is simply read again. A kept project takes a few KB.
    /// </summary>
    public int AggregateCacheSize { get; set; } = 2000;

    /// <summary>Refuses settings the engine cannot run with, naming the setting.</summary>
    public void Validate()
    {
        if (MaxConflictRetries < 1)
            throw new InvalidInputException(nameof(MaxConflictRetries), $"{nameof(EngineOptions)}.{nameof(MaxConflictRetries)}: expected 1 or more, given {MaxConflictRetries}");
        if (RatingEditWorkingDays < 0)
            throw new InvalidInputException(nameof(RatingEditWorkingDays), $"{nameof(EngineOptions)}.{nameof(RatingEditWorkingDays)}: expected 0 or more, given {RatingEditWorkingDays}");
        if (RectificationWorkingDays < 1)
            throw new InvalidInputException(nameof(RectificationWorkingDays), $"{nameof(EngineOptions)}.{nameof(RectificationWorkingDays)}: expected 1 or more, given {RectificationWorkingDays}");
        if (YellowCardOverdueWorkingDays < 1 || RedCardOverdueWorkingDays <= YellowCardOverdueWorkingDays)
            throw new InvalidInputException(nameof(RedCardOverdueWorkingDays),
                $"{nameof(EngineOptions)}: expected 1 ≤ {nameof(YellowCardOverdueWorkingDays)} < {nameof(RedCardOverdueWorkingDays)}, given {YellowCardOverdueWorkingDays} and {RedCardOverdueWorkingDays}");
        if (MaxEscalationReplyWorkingDays < 1)
            throw new InvalidInputException(nameof(MaxEscalationReplyWorkingDays), $"{nameof(EngineOptions)}.{nameof(MaxEscalationReplyWorkingDays)}: expected 1 or more, given {MaxEscalationReplyWorkingDays}");
        if (AggregateCacheSize < 0)
            throw new InvalidInputException(nameof(AggregateCacheSize), $"{nameof(EngineOptions)}.{nameof(AggregateCacheSize)}: expected 0 (off) or more, given {AggregateCacheSize}");
    }
}

/// <summary>The two colour conventions seen in e-supervision rules.</summary>
public enum LightConvention { NearAndOverdue, OverdueAndEscalated }
