using NodaTime;

namespace Approval.Engine.Runtime;

/// <summary>An extension (延期) of a task's time limit: asked for by its department with a reason, decided by a supervisor.</summary>
public sealed class Extension
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public Guid TaskId { get; set; }
    public int WorkingDays { get; set; }
    public string Reason { get; set; } = "";
    public ExtensionStatus Status { get; set; }
    public string RequestedBy { get; set; } = "";
    public Instant RequestedAt { get; set; }
    public string? DecidedBy { get; set; }
    public Instant? DecidedAt { get; set; }
    public string? DecisionNote { get; set; }
}

/// <summary>Where an extension request stands.</summary>
public enum ExtensionStatus { Pending, Approved, Refused }
