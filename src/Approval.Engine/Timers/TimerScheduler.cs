using Approval.Engine.Persistence;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Approval.Engine.Timers;

/// <summary>
/// Claims due timers with a lease and fires them through the engine. On PostgreSQL several nodes claim with
/// <c>FOR UPDATE SKIP LOCKED</c>, so each timer goes to one node; a lease that runs out lets another node take over.
/// The engine applies a timer once even if it is fired twice (its operation id is the timer's id and due time).
/// </summary>
public sealed partial class TimerScheduler(
    ApprovalDatabase database, WorkflowEngine engine, IClock clock, SchedulerOptions options, ILogger<TimerScheduler> logger)
{
    /// <summary>Claims and fires every timer due now; returns how many were fired.</summary>
    public async Task<int> RunDueAsync(CancellationToken ct = default)
    {
        var fired = 0;
        while (true)
        {
            // Until nothing is due: a task's timer that fired its follow-up date may be due again for the deadline.
            var claimed = await ClaimAsync(ct);
            if (claimed.Count == 0) return fired;
            foreach (var timer in claimed)
            {
                try
                {
                    await engine.ExecuteAsync(timer.Fire(), ct);
                    fired++;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The lease runs out and the timer is tried again, here or on another node.
                    LogFailure(logger, timer.Id, ex);
                }
            }
        }
    }

    /// <summary>Claims up to a batch of due, unclaimed (or lease-expired) timers for this node.</summary>
    public async Task<IReadOnlyList<ClaimedTimer>> ClaimAsync(CancellationToken ct = default)
    {
        var now = clock.GetCurrentInstant();
        using var gate = await database.EnterWriteAsync(ct);
        await using var db = database.CreateContext();
        var skipLocked = database.Provider == DatabaseProvider.Postgres ? "FOR UPDATE SKIP LOCKED" : "";
        var sql = $$"""
            UPDATE timers SET "LeaseOwner" = {0}, "LeaseExpiresAt" = {1}, "Attempts" = "Attempts" + 1
            WHERE "Id" IN (
                SELECT "Id" FROM timers
                WHERE "Status" = 'Pending' AND "DueAt" <= {2} AND ("LeaseExpiresAt" IS NULL OR "LeaseExpiresAt" <= {2})
                ORDER BY "DueAt" LIMIT {3} {{skipLocked}})
            RETURNING "Id", "DueAt"
            """;
        var nowUtc = now.ToDateTimeUtc();
        var until = (now + options.Lease).ToDateTimeUtc();
#pragma warning disable EF1002 // Only the provider-specific locking clause is interpolated; values are parameters.
        var rows = await db.Database.SqlQueryRaw<ClaimedRow>(sql, options.NodeId, until, nowUtc, options.BatchSize).ToListAsync(ct);
#pragma warning restore EF1002
        var dueAt = db.Model.FindEntityType(typeof(DurableTimer))!.FindProperty(nameof(DurableTimer.DueAt))!.GetValueConverter()!;
        return [.. rows.Select(r => new ClaimedTimer(r.Id, (Instant)dueAt.ConvertFromProvider(r.DueAt)!))];
    }

    /// <summary>A row as the claim returns it, before the model's converter makes the due time an <see cref="Instant"/>.</summary>
    private sealed class ClaimedRow
    {
        public Guid Id { get; init; }
        public DateTime DueAt { get; init; }
    }

    [LoggerMessage(LogLevel.Warning, "Timer {TimerId} failed; it will be retried after its lease")]
    private static partial void LogFailure(ILogger logger, Guid timerId, Exception ex);
}

/// <summary>A timer this node has claimed: which one, and the occurrence (due time) it claimed.</summary>
public readonly record struct ClaimedTimer(Guid Id, Instant DueAt)
{
    /// <summary>The command that fires this occurrence.</summary>
    public FireTimer Fire() => FireTimer.Of(Id, DueAt);
}
