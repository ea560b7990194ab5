using NodaTime;

namespace Approval.Engine.Timers;

/// <summary>How the timer scheduler polls and claims.</summary>
public sealed class SchedulerOptions
{
    /// <summary>This node's name in leases; unique per process by default.</summary>
    public string NodeId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";

    /// <summary>How long a claim holds; a crashed node's timers are taken over after it.</summary>
    public Duration Lease { get; set; } = Duration.FromMinutes(2);

    public int BatchSize { get; set; } = 50;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Whether the hosted scheduler runs in this process (tests drive it by hand).</summary>
    public bool Enabled { get; set; } = true;
}
