namespace Approval.Engine.Notifications;

/// <summary>How the notification dispatcher polls, claims and retries (<c>Approval:Notifications</c>).</summary>
public sealed class NotificationOptions
{
    /// <summary>Whether the hosted dispatcher runs in this process (tests drive it by hand).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>This node's name in leases; unique per process by default.</summary>
    public string NodeId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";

    /// <summary>How long a claim holds; a crashed node's outbox rows and deliveries are taken over after it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    public int BatchSize { get; set; } = 50;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts of one delivery before it is given up as a dead letter (死信).</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>The wait after the first failed attempt; each further failure doubles it, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long one attempt may take before it counts as failed.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public void Validate()
    {
        if (MaxAttempts < 1) throw new ArgumentOutOfRangeException(nameof(MaxAttempts), MaxAttempts, "At least one attempt.");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "At least one per batch.");
        if (Lease <= SendTimeout) throw new ArgumentOutOfRangeException(nameof(Lease), Lease, "The lease must outlast an attempt (SendTimeout).");
    }
}
