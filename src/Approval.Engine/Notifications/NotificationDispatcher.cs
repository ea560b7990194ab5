using Approval.Engine.Definitions;
using Approval.Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Approval.Engine.Notifications;

/// <summary>
/// Delivers the outbox (消息投递): fans each waiting outbox row out to one delivery per recipient and channel, then
/// sends the due deliveries, retrying a failure with exponential backoff and giving up after
/// <see cref="NotificationOptions.MaxAttempts"/> as a dead letter. At least once: a delivery is marked delivered
/// after its channel accepted it, so a node that stops in between leaves it to be sent again, with the same message id.
/// </summary>
/// <remarks>
/// Outbox rows and deliveries are claimed with a lease as timers are (<see cref="ProjectStore.ClaimTimersAsync"/>): on
/// PostgreSQL several nodes claim with <c>FOR UPDATE SKIP LOCKED</c>, so each row goes to one node while its lease
/// holds; a crashed node's rows are taken over when it runs out. A fan-out is one transaction, and the deliveries'
/// unique message ids make a second fan-out of the same row (a lease that ran out mid-way) add nothing.
/// </remarks>
public sealed partial class NotificationDispatcher(
    ApprovalDatabase database,
    DefinitionCatalog catalog,
    IRecipientDirectory directory,
    IEnumerable<INotificationChannel> channels,
    NotificationOptions options,
    IClock clock,
    ILogger<NotificationDispatcher> logger)
{
    private readonly Dictionary<DeliveryChannel, INotificationChannel> _channels = channels.ToDictionary(c => c.Channel);

    public NotificationOptions Options => options;

    /// <summary>Whether a channel is available here (a recipient on another one would only dead-letter).</summary>
    public bool Has(DeliveryChannel channel) => channel == DeliveryChannel.InApp || _channels.ContainsKey(channel);

    /// <summary>Fans out every waiting outbox row, then sends every due delivery; returns how many of each.</summary>
    public async Task<(int FannedOut, int Sent)> RunOnceAsync(CancellationToken ct = default)
    {
        var fanned = 0;
        int batch;
        do fanned += batch = await FanOutAsync(ct); while (batch == options.BatchSize);
        var sent = 0;
        do sent += batch = await DeliverDueAsync(ct); while (batch == options.BatchSize);
        return (fanned, sent);
    }

    /// <summary>Claims up to a batch of waiting outbox rows and makes their deliveries; returns how many rows were claimed.</summary>
    public async Task<int> FanOutAsync(CancellationToken ct = default)
    {
        var claimed = await ClaimOutboxAsync(ct);
        foreach (var row in claimed)
        {
            try
            {
                await FanOutAsync(row.InstanceId, row.Sequence, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The lease runs out and the row is tried again, here or on another node.
                LogFanOutFailed(logger, row.InstanceId, row.Sequence, ex);
            }
        }
        return claimed.Count;
    }

    private async Task FanOutAsync(Guid instanceId, int sequence, CancellationToken ct)
    {
        await using var db = database.CreateContext();
        var outbox = await db.Outbox.AsNoTracking().SingleAsync(o => o.InstanceId == instanceId && o.Sequence == sequence, ct);
        var entry = await db.Journal.AsNoTracking().SingleAsync(j => j.InstanceId == instanceId && j.Sequence == sequence, ct);
        var project = await db.Instances.AsNoTracking().SingleAsync(i => i.Id == instanceId, ct);
        var text = NotificationTexts.Compose(outbox.Kind, entry, project, catalog);
        var recipients = await directory.ResolveAsync(new NotificationContext(outbox, entry, project), ct);
        var now = clock.GetCurrentInstant();
        var deliveries = recipients.Where(r => Has(r.Channel)).DistinctBy(r => (r.Channel, r.Key)).Select(r => new NotificationDelivery
        {
            Id = Guid.NewGuid(), MessageId = NotificationIds.MessageId(instanceId, sequence, r.Channel, r.Key),
            InstanceId = instanceId, Sequence = sequence, ProjectCode = project.ProjectCode, Kind = outbox.Kind, Channel = r.Channel,
            UserId = r.UserId, Address = r.Address, Title = text.Title, Body = r.Channel == DeliveryChannel.Sms ? text.Short : text.Body, CreatedAt = now, NextAttemptAt = now,
            // An in-app message is delivered by being stored.
            Status = r.Channel == DeliveryChannel.InApp ? DeliveryStatus.Delivered : DeliveryStatus.Pending,
            DeliveredAt = r.Channel == DeliveryChannel.InApp ? now : null,
        }).ToList();

        using var gate = await database.EnterWriteAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var ids = deliveries.Select(d => d.MessageId).ToList();
        var made = await db.NotificationDeliveries.Where(d => ids.Contains(d.MessageId)).Select(d => d.MessageId).ToListAsync(ct);
        db.NotificationDeliveries.AddRange(deliveries.Where(d => !made.Contains(d.MessageId)));
        await db.SaveChangesAsync(ct);
        await db.Outbox.Where(o => o.InstanceId == instanceId && o.Sequence == sequence && o.FannedOutAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.FannedOutAt, now).SetProperty(o => o.LeaseOwner, (string?)null)
                .SetProperty(o => o.LeaseExpiresAt, (Instant?)null), ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Claims up to a batch of due deliveries and sends them; returns how many were claimed.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken ct = default)
    {
        var ids = await ClaimDeliveriesAsync(ct);
        if (ids.Count == 0) return 0;
        List<NotificationDelivery> due;
        await using (var db = database.CreateContext())
            due = await db.NotificationDeliveries.AsNoTracking().Where(d => ids.Contains(d.Id)).ToListAsync(ct);
        foreach (var delivery in due) await SendAsync(delivery, ct);
        return ids.Count;
    }

    private async Task SendAsync(NotificationDelivery delivery, CancellationToken ct)
    {
        var attempt = delivery.Attempts + 1;
        var message = new OutgoingMessage(delivery.MessageId, delivery.Kind, delivery.Channel, delivery.UserId, delivery.Address,
            delivery.Title, delivery.Body, delivery.InstanceId, delivery.ProjectCode, delivery.CreatedAt, attempt);
        string? error = null;
        try
        {
            if (!_channels.TryGetValue(delivery.Channel, out var channel)) throw new InvalidOperationException($"No {delivery.Channel} channel is configured.");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(options.SendTimeout);
            await channel.SendAsync(message, timeout.Token);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: the attempt is not counted; the lease runs out and the delivery is sent again.
            throw;
        }
        catch (Exception ex)
        {
            error = ex is OperationCanceledException ? $"No answer within {options.SendTimeout.TotalSeconds:0} s." : ex.Message;
        }

        var now = clock.GetCurrentInstant();
        using var gate = await database.EnterWriteAsync(ct);
        await using var db = database.CreateContext();
        var mine = db.NotificationDeliveries.Where(d => d.Id == delivery.Id && d.LeaseOwner == options.NodeId && d.Status == DeliveryStatus.Pending);
        if (error is null)
        {
            await mine.ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Delivered).SetProperty(d => d.Attempts, attempt)
                .SetProperty(d => d.DeliveredAt, now).SetProperty(d => d.LastError, (string?)null)
                .SetProperty(d => d.LeaseOwner, (string?)null).SetProperty(d => d.LeaseExpiresAt, (Instant?)null), ct);
            LogDelivered(logger, delivery.MessageId, delivery.Channel, NotificationIds.Mask(delivery.Address), attempt);
            return;
        }
        var dead = attempt >= options.MaxAttempts;
        var next = now + Duration.FromTimeSpan(RetryDelay(attempt));
        var text = error.Length > 1000 ? error[..1000] : error;
        await mine.ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, dead ? DeliveryStatus.DeadLetter : DeliveryStatus.Pending)
            .SetProperty(d => d.Attempts, attempt).SetProperty(d => d.NextAttemptAt, next).SetProperty(d => d.LastError, text)
            .SetProperty(d => d.LeaseOwner, (string?)null).SetProperty(d => d.LeaseExpiresAt, (Instant?)null), ct);
        if (dead) LogDeadLetter(logger, delivery.MessageId, delivery.Channel, NotificationIds.Mask(delivery.Address), attempt, text);
        else LogRetry(logger, delivery.MessageId, delivery.Channel, NotificationIds.Mask(delivery.Address), attempt, text);
    }

    /// <summary>The wait after failed attempt <paramref name="attempt"/>: the first delay, doubled per further failure, capped.</summary>
    public TimeSpan RetryDelay(int attempt)
    {
        var delay = options.FirstRetryDelay * Math.Pow(2, Math.Min(attempt - 1, 30));
        return delay < options.MaxRetryDelay ? delay : options.MaxRetryDelay;
    }

    private async Task<List<ClaimedOutbox>> ClaimOutboxAsync(CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        using var gate = await database.EnterWriteAsync(ct);
        await using var db = database.CreateContext();
        var sql = $$"""
            UPDATE notification_outbox SET "LeaseOwner" = {0}, "LeaseExpiresAt" = {1}
            WHERE ("InstanceId", "Sequence") IN (
                SELECT "InstanceId", "Sequence" FROM notification_outbox
                WHERE "FannedOutAt" IS NULL AND ("LeaseExpiresAt" IS NULL OR "LeaseExpiresAt" <= {2})
                ORDER BY "CreatedAt" LIMIT {3} {{SkipLocked}})
            RETURNING "InstanceId", "Sequence"
            """;
#pragma warning disable EF1002 // Only the provider-specific locking clause is interpolated; values are parameters.
        return await db.Database.SqlQueryRaw<ClaimedOutbox>(sql, options.NodeId, (now + Duration.FromTimeSpan(options.Lease)).ToDateTimeUtc(),
            now.ToDateTimeUtc(), options.BatchSize).ToListAsync(ct);
    }

    private async Task<List<Guid>> ClaimDeliveriesAsync(CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        using var gate = await database.EnterWriteAsync(ct);
        await using var db = database.CreateContext();
        var sql = $$"""
            UPDATE notification_deliveries SET "LeaseOwner" = {0}, "LeaseExpiresAt" = {1}
            WHERE "Id" IN (
                SELECT "Id" FROM notification_deliveries
                WHERE "Status" = 'Pending' AND "NextAttemptAt" <= {2} AND ("LeaseExpiresAt" IS NULL OR "LeaseExpiresAt" <= {2})
                ORDER BY "NextAttemptAt" LIMIT {3} {{SkipLocked}})
            RETURNING "Id"
            """;
        return await db.Database.SqlQueryRaw<Guid>(sql, options.NodeId, (now + Duration.FromTimeSpan(options.Lease)).ToDateTimeUtc(),
            now.ToDateTimeUtc(), options.BatchSize).ToListAsync(ct);
#pragma warning restore EF1002
    }

    private string SkipLocked => database.Provider == DatabaseProvider.Postgres ? "FOR UPDATE SKIP LOCKED" : "";

    private sealed class ClaimedOutbox
    {
        public Guid InstanceId { get; init; }
        public int Sequence { get; init; }
    }

    [LoggerMessage(LogLevel.Warning, "Notification {InstanceId}/{Sequence} could not be fanned out; it will be retried after its lease")]
    private static partial void LogFanOutFailed(ILogger logger, Guid instanceId, int sequence, Exception ex);

    [LoggerMessage(LogLevel.Information, "Delivered {MessageId} by {Channel} to {Address} (attempt {Attempt})")]
    private static partial void LogDelivered(ILogger logger, string messageId, DeliveryChannel channel, string address, int attempt);

    [LoggerMessage(LogLevel.Warning, "Delivery {MessageId} by {Channel} to {Address} failed (attempt {Attempt}): {Error}; retrying later")]
    private static partial void LogRetry(ILogger logger, string messageId, DeliveryChannel channel, string address, int attempt, string error);

    [LoggerMessage(LogLevel.Error, "Delivery {MessageId} by {Channel} to {Address} given up after {Attempt} attempts: {Error}")]
    private static partial void LogDeadLetter(ILogger logger, string messageId, DeliveryChannel channel, string address, int attempt, string error);
}

/// <summary>Runs the <see cref="NotificationDispatcher"/> in the background.</summary>
public sealed partial class NotificationService(NotificationDispatcher dispatcher, NotificationOptions options, ILogger<NotificationService> logger)
    : Microsoft.Extensions.Hosting.BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled) return;
        using var tick = new PeriodicTimer(options.PollInterval);
        do
        {
            try
            {
                await dispatcher.RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailure(logger, ex);
            }
        } while (await tick.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(LogLevel.Error, "The notification dispatcher failed a round; it will try again")]
    private static partial void LogFailure(ILogger logger, Exception ex);
}
