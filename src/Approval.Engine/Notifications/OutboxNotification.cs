using NodaTime;

namespace Approval.Engine.Notifications;

/// <summary>
/// A notification owed because a journal entry was written (消息待发): the outbox row, inserted by the engine's
/// project store in the same save as the entry, and fanned out to deliveries by the <see cref="NotificationDispatcher"/>.
/// </summary>
/// <remarks>
/// It holds only what says which entry it is for and how far it got: the entry holds what happened, and the project
/// who the applicant is. Its key is the entry's (project, sequence), so every delivery made from it has a stable
/// message id, and there is at most one per entry.
/// </remarks>
public sealed class OutboxNotification
{
    public Guid InstanceId { get; set; }
    /// <summary>The journal entry's sequence within its project.</summary>
    public int Sequence { get; set; }
    /// <summary>One of <see cref="NotificationKinds"/>.</summary>
    public string Kind { get; set; } = "";
    public Audience Audience { get; set; }
    public Instant CreatedAt { get; set; }
    /// <summary>When its deliveries were made; null while it waits for the dispatcher.</summary>
    public Instant? FannedOutAt { get; set; }
    /// <summary>The dispatcher node fanning it out; another may take it once the lease expires.</summary>
    public string? LeaseOwner { get; set; }
    public Instant? LeaseExpiresAt { get; set; }
}
