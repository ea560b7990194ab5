using Approval.Engine.Notifications;
using Approval.Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Approval.Web.Notifications;

/// <summary>A delivery given up (死信) as the administrator sees it: the address masked.</summary>
public sealed record DeadLetter(Guid Id, string MessageId, string Kind, DeliveryChannel Channel, string Recipient, string? ProjectCode,
    int Attempts, string? LastError, Instant CreatedAt, Instant LastAttemptAt);

/// <summary>A page of dead letters, newest first, and how many deliveries wait.</summary>
public sealed record DeadLetterPage(IReadOnlyList<DeadLetter> Items, int Page, int PageSize, int Total, int Pending);

/// <summary>The administrator's view of deliveries given up, and sending one again (重新投递), for the admin page and the API.</summary>
public sealed class DeadLetters(ApprovalDatabase database, IClock clock)
{
    public const int PageSize = 20;

    public async Task<DeadLetterPage> PageAsync(int page, CancellationToken ct = default)
    {
        page = Math.Max(1, page);
        await using var db = database.CreateContext();
        var dead = db.NotificationDeliveries.AsNoTracking().Where(d => d.Status == DeliveryStatus.DeadLetter);
        var total = await dead.CountAsync(ct);
        var pending = await db.NotificationDeliveries.CountAsync(d => d.Status == DeliveryStatus.Pending, ct);
        var rows = await dead.OrderByDescending(d => d.NextAttemptAt).ThenBy(d => d.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new DeadLetterPage([.. rows.Select(d => new DeadLetter(d.Id, d.MessageId, d.Kind, d.Channel,
            d.Address is null ? d.UserId ?? "" : NotificationIds.Mask(d.Address), d.ProjectCode, d.Attempts, d.LastError, d.CreatedAt,
            d.NextAttemptAt))], page, PageSize, total, pending);
    }

    /// <summary>Puts a dead letter back in the queue with its attempts reset; false when there is no such dead letter.</summary>
    public async Task<bool> RetryAsync(Guid id, CancellationToken ct = default)
    {
        var now = clock.GetCurrentInstant();
        using var gate = await database.EnterWriteAsync(ct);
        await using var db = database.CreateContext();
        return await db.NotificationDeliveries.Where(d => d.Id == id && d.Status == DeliveryStatus.DeadLetter)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Pending).SetProperty(d => d.Attempts, 0)
                .SetProperty(d => d.NextAttemptAt, now), ct) == 1;
    }
}
