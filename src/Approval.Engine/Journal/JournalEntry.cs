using NodaTime;

namespace Approval.Engine.Journal;

/// <summary>
/// One event in a project's append-only history (办件轨迹): who did what, when (UTC instant and local working day) and why.
/// </summary>
/// <remarks>
/// Rows are only ever inserted; <see cref="Sequence"/> numbers them per project without gaps, and (project, sequence)
/// is the key.
/// </remarks>
public sealed class JournalEntry
{
    public Guid InstanceId { get; set; }
    public int Sequence { get; set; }
    public string? ProjectCode { get; set; }
    public string? ActivityId { get; set; }
    public string? DepartmentId { get; set; }
    public string? MatterCode { get; set; }
    public Guid? TaskId { get; set; }
    public string Event { get; set; } = "";
    public string? Decision { get; set; }
    public string? Reasons { get; set; }
    /// <summary>The acting user's id; "system" for timers.</summary>
    public string UserId { get; set; } = "";
    public string ActorRole { get; set; } = "";
    public Instant At { get; set; }
    public LocalDate WorkingDay { get; set; }
    /// <summary>The operation id of the command that wrote it.</summary>
    public string? OperationId { get; set; }
}
