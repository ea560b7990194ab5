using NodaTime;

namespace Approval.Engine.Service;

/// <summary>
/// A 督办 (supervision notice): the supervisor tells a department that a task (or the project) is late or near its
/// deadline and asks for a written reply within a number of working days; the department replies on its reply task
/// (<see cref="Runtime.TaskKind.EscalationReply"/>, with its own deadline and lights), and the supervisor closes it.
/// </summary>
/// <remarks>Written only by the engine's commands.</remarks>
public sealed class Escalation
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    /// <summary>The late or near-due task; null when the 督办 is on the project as a whole.</summary>
    public Guid? TargetTaskId { get; set; }
    public string DepartmentId { get; set; } = "";
    /// <summary>The notice (督办通知) as the department reads it.</summary>
    public string Notice { get; set; } = "";
    public int ReplyWorkingDays { get; set; }
    /// <summary>The department's reply task.</summary>
    public Guid ReplyTaskId { get; set; }
    public EscalationStatus Status { get; set; }

    public string IssuedBy { get; set; } = "";
    public Instant IssuedAt { get; set; }
    public LocalDate IssuedOn { get; set; }
    public LocalDate ReplyDueOn { get; set; }

    public string? Reply { get; set; }
    public string? RepliedBy { get; set; }
    public LocalDate? RepliedOn { get; set; }

    public string? ClosingNote { get; set; }
    public string? ClosedBy { get; set; }
    public LocalDate? ClosedOn { get; set; }
}

/// <summary>Where a 督办 stands.</summary>
public enum EscalationStatus
{
    /// <summary>Issued; waiting for the department's reply (待回复).</summary>
    AwaitingReply,
    /// <summary>The department replied; waiting for the supervisor (待办结).</summary>
    Replied,
    /// <summary>Closed by the supervisor (已办结).</summary>
    Closed,
}

/// <summary>
/// A 黄牌 or 红牌 recorded against a department automatically, by timer, when a task stays late past the configured
/// number of working days (<see cref="Runtime.EngineOptions.YellowCardOverdueWorkingDays"/>, <see cref="Runtime.EngineOptions.RedCardOverdueWorkingDays"/>).
/// </summary>
public sealed class Card
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public Guid TaskId { get; set; }
    public string DepartmentId { get; set; } = "";
    public string? MatterCode { get; set; }
    public CardColour Colour { get; set; }
    /// <summary>Working days the task was overdue when the card was recorded.</summary>
    public int OverdueWorkingDays { get; set; }
    public Instant RecordedAt { get; set; }
    public LocalDate RecordedOn { get; set; }
}

/// <summary>黄牌 or 红牌.</summary>
public enum CardColour { Yellow, Red }
