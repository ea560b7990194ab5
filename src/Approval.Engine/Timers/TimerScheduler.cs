using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Telemetry;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Approval.Engine.Timers;

/// <summary>
/// Claims due timers with a lease and fires them through the engine. On PostgreSQL several nodes claim with
/// <c>FOR UPDATE SKIP LOCKED</c>, so each timer goes to one node; a lease that runs out lets another node take over.
/// The engine applies a timer once even if it is fired twice (its operation id is the timer's id and due time).
/// </summary>
public sealed partial class TimerScheduler(WorkflowEngine engine, SchedulerOptions options, IClock clock, EngineTelemetry telemetry,
    ILogger<TimerScheduler> logger)
{
    /// <summary>Claims and fires every timer due now; returns how many were fired.</summary>
    public async Task<int> RunDueAsync(CancellationToken ct = default)
    {
        var fired = 0;
        while (true)
        {
            // Until nothing is due: a task's timer that fired its follow-up date may be due again for the deadline.
            var claimed = await ClaimAsync(ct);
            telemetry.TimersClaimed(claimed.Count);
            if (claimed.Count == 0) return fired;
            foreach (var timer in claimed)
            {
                try
                {
                    await engine.ExecuteAsync(timer.Fire(), ct);
                    telemetry.TimerFired(clock.GetCurrentInstant() - timer.DueAt);
                    fired++;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The lease runs out and the timer is tried again, here or on another node.
                    telemetry.TimerFailed();
                    LogFailure(logger, timer.Id, ex);
                }
            }
        }
    }

    /// <summary>Claims up to a batch of due, unclaimed (or lease-expired) timers for this node.</summary>
    public Task<IReadOnlyList<ClaimedTimer>> ClaimAsync(CancellationToken ct = default) =>
        engine.Store.ClaimTimersAsync(options.NodeId, options.Lease, options.BatchSize, ct);

    [LoggerMessage(LogLevel.Warning, "Timer {TimerId} failed; it will be retried after its lease")]
    private static partial void LogFailure(ILogger logger, Guid timerId, Exception ex);
}

/// <summary>A timer this node has claimed: which one, and the occurrence (due time) it claimed.</summary>
public readonly record struct ClaimedTimer(Guid Id, Instant DueAt)
{
    /// <summary>The command that fires this occurrence.</summary>
    public FireTimer Fire() => FireTimer.Of(Id, DueAt);
}
