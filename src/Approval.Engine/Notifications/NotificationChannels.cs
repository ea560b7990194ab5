using System.Security.Cryptography;
using System.Text;
using Approval.Engine.Journal;
using Approval.Engine.Runtime;
using NodaTime;

namespace Approval.Engine.Notifications;

/// <summary>One person or system a notification goes to over one channel.</summary>
/// <param name="Key">Who it is, stable across fan-outs (a user id, a telephone number, a subscriber's name): part of the message id.</param>
/// <param name="Channel">The channel.</param>
/// <param name="UserId">The account, when the recipient has one.</param>
/// <param name="Address">Where the channel sends it (a number, an address, a subscriber's name); null in-app.</param>
public sealed record Recipient(string Key, DeliveryChannel Channel, string? UserId, string? Address);

/// <summary>What a notification is about, for the directory that finds its recipients.</summary>
public sealed record NotificationContext(OutboxNotification Outbox, JournalEntry Entry, ProjectInstance Project);

/// <summary>Finds who a notification goes to, when it is dispatched (accounts, their chosen channels, subscribers).</summary>
public interface IRecipientDirectory
{
    Task<IReadOnlyList<Recipient>> ResolveAsync(NotificationContext context, CancellationToken ct);
}

/// <summary>
/// A delivery as a channel sends it: <c>MessageId</c> is stable per outbox row, recipient and channel (receivers
/// dedupe by it); <c>Attempt</c> is 1 for the first attempt.
/// </summary>
public sealed record OutgoingMessage(string MessageId, string Kind, DeliveryChannel Channel, string? UserId, string? Address,
    string Title, string Body, Guid InstanceId, string? ProjectCode, Instant CreatedAt, int Attempt);

/// <summary>One way of delivering (短信, 邮件, webhook). Throws when the message was not accepted; the dispatcher retries.</summary>
/// <remarks>In-app messages need no channel: they are delivered by being stored.</remarks>
public interface INotificationChannel
{
    DeliveryChannel Channel { get; }

    Task SendAsync(OutgoingMessage message, CancellationToken ct);
}

/// <summary>Message ids and the masked addresses logs show (手机号、邮箱脱敏).</summary>
public static class NotificationIds
{
    /// <summary>The message id of a delivery: the outbox row (project, sequence), the channel, and a hash of the recipient.</summary>
    public static string MessageId(Guid instanceId, int sequence, DeliveryChannel channel, string recipientKey)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(recipientKey)))[..16];
        return $"{instanceId:N}-{sequence}-{channel.ToString().ToLowerInvariant()}-{hash}";
    }

    /// <summary>An address as logs and the administrator's lists show it: 138****1234, z***@example.com.</summary>
    public static string Mask(string? address)
    {
        if (string.IsNullOrEmpty(address)) return "";
        var at = address.IndexOf('@');
        if (at > 0) return address[..1] + "***" + address[at..];
        var digits = address.Count(char.IsDigit);
        if (digits >= 7 && address.Length >= 7) return address[..3] + new string('*', address.Length - 7) + address[^4..];
        return address;
    }
}

/// <summary>Resolves nobody: the engine's default until a host registers its accounts' directory.</summary>
internal sealed class NoRecipients : IRecipientDirectory
{
    public Task<IReadOnlyList<Recipient>> ResolveAsync(NotificationContext context, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Recipient>>([]);
}
