using System.Collections.Concurrent;
using Approval.Engine.Notifications;

namespace Approval.Engine.Tests.Notifications;

/// <summary>Everyone is told by SMS on one number and in-app as one user, and a webhook subscriber: fixed recipients.</summary>
internal sealed class FixedRecipients : IRecipientDirectory
{
    public Task<IReadOnlyList<Recipient>> ResolveAsync(NotificationContext context, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Recipient>>(
        [
            new("user:u1", DeliveryChannel.InApp, "u1", null),
            new("phone:13800000001", DeliveryChannel.Sms, "u1", "13800000001"),
            new("webhook:platform", DeliveryChannel.Webhook, null, "platform"),
        ]);
}

/// <summary>A channel that records what it was given and fails while <see cref="FailuresLeft"/> is above zero.</summary>
internal sealed class RecordingChannel(DeliveryChannel channel) : INotificationChannel
{
    public ConcurrentQueue<OutgoingMessage> Sent { get; } = new();
    public int FailuresLeft;
    public DeliveryChannel Channel => channel;

    public Task SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        if (Interlocked.Decrement(ref FailuresLeft) >= 0) throw new HttpRequestException("503 Service Unavailable");
        Sent.Enqueue(message);
        return Task.CompletedTask;
    }
}
