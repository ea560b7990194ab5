using NodaTime;

namespace Approval.Engine.Timers;

/// <summary>
/// A timer kept as a database row so that it survives restarts and fires once across nodes:
/// a scheduler claims it with a lease, and the engine applies its effect in the same transaction that marks it done.
/// </summary>
public sealed class DurableTimer
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public Guid? TaskId { get; set; }
    public TimerKind Kind { get; set; }
    public Instant DueAt { get; set; }
    public TimerStatus Status { get; set; }
    /// <summary>The scheduler node holding the claim; another node may take the timer once the lease expires.</summary>
    public string? LeaseOwner { get; set; }
    public Instant? LeaseExpiresAt { get; set; }
    public int Attempts { get; set; }
    public Instant? FiredAt { get; set; }
}

/// <summary>What a timer watches.</summary>
public enum TimerKind
{
    /// <summary>The date promised for missing 容缺 materials.</summary>
    DeficienciesDue,
    /// <summary>A task reaches its follow-up date (预警).</summary>
    TaskWarning,
    /// <summary>A task's deadline passes (超期; 超时默许 / 缺席默认 where the definition says so).</summary>
    TaskDeadline,
    /// <summary>The whole project's deadline passes.</summary>
    ProjectDeadline,
    /// <summary>A simulated approval (模拟审批) not converted by its expiry day lapses.</summary>
    SimulationExpiry,
    /// <summary>A late task reaches the working days overdue of a 黄牌 (see <see cref="Service.Cards"/>).</summary>
    YellowCard,
    /// <summary>A late task reaches the working days overdue of a 红牌.</summary>
    RedCard,
}

/// <summary>The life of a timer.</summary>
public enum TimerStatus { Pending, Fired, Cancelled }
