using Approval.Engine.Notifications;
using Approval.Engine.Persistence;
using Approval.Engine.Supervision;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Approval.Web.Notifications;

/// <summary>A message as its reader sees it.</summary>
public sealed record InboxMessage(Guid Id, string Kind, string Title, string Body, string? ProjectCode, Guid InstanceId,
    Instant CreatedAt, Instant? ReadAt);

/// <summary>A page of a user's messages, newest first, and how many are unread.</summary>
public sealed record InboxPage(IReadOnlyList<InboxMessage> Items, int Page, int PageSize, int Total, int Unread);

/// <summary>
/// A user's in-app messages (站内消息): read by the 消息 page, the header's unread count and the API alike. A user
/// reads and marks only their own.
/// </summary>
public sealed class NotificationInbox(ApprovalDatabase database, IClock clock)
{
    public const int PageSize = 20;

    private static IQueryable<NotificationDelivery> Of(ApprovalDbContext db, string userId) =>
        db.NotificationDeliveries.AsNoTracking().Where(d => d.UserId == userId && d.Channel == DeliveryChannel.InApp);

    public async Task<InboxPage> PageAsync(string userId, int page, CancellationToken ct = default)
    {
        page = Math.Max(1, page);
        await using var db = database.CreateContext();
        var mine = Of(db, userId);
        var total = await mine.CountAsync(ct);
        var unread = await mine.CountAsync(d => d.ReadAt == null, ct);
        var items = await mine.OrderByDescending(d => d.CreatedAt).ThenBy(d => d.Id).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(d => new InboxMessage(d.Id, d.Kind, d.Title, d.Body, d.ProjectCode, d.InstanceId, d.CreatedAt, d.ReadAt))
            .ToListAsync(ct);
        return new InboxPage(items, page, PageSize, total, unread);
    }

    public async Task<int> UnreadAsync(string userId, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        return await Of(db, userId).CountAsync(d => d.ReadAt == null, ct);
    }

    /// <summary>Marks one of the user's messages read; false when the user has no such message.</summary>
    public async Task<bool> MarkReadAsync(string userId, Guid id, CancellationToken ct = default)
    {
        var now = clock.GetCurrentInstant();
        using var gate = await database.EnterWriteAsync(ct);
        await using var db = database.CreateContext();
        var mine = db.NotificationDeliveries.Where(d => d.Id == id && d.UserId == userId && d.Channel == DeliveryChannel.InApp);
        if (!await mine.AnyAsync(ct)) return false;
        await mine.Where(d => d.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(d => d.ReadAt, now), ct);
        return true;
    }

    /// <summary>Marks all of the user's messages read; returns how many were unread.</summary>
    public async Task<int> MarkAllReadAsync(string userId, CancellationToken ct = default)
    {
        var now = clock.GetCurrentInstant();
        using var gate = await database.EnterWriteAsync(ct);
        await using var db = database.CreateContext();
        return await db.NotificationDeliveries.Where(d => d.UserId == userId && d.Channel == DeliveryChannel.InApp && d.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ReadAt, now), ct);
    }
}

/// <summary>The account a signed-in principal's messages and channels belong to (its user id, not the actor it acts as).</summary>
public static class MessageOwner
{
    public static string Of(System.Security.Claims.ClaimsPrincipal user) =>
        user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? user.FindFirst("sub")?.Value
        ?? throw new Engine.Runtime.ForbiddenException("The signed-in account has no user id.");
}
