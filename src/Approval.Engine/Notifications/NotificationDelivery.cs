using NodaTime;

namespace Approval.Engine.Notifications;

/// <summary>The ways a notification reaches someone (通知渠道).</summary>
public enum DeliveryChannel
{
    /// <summary>站内消息: shown on the pages, with the unread count in the header.</summary>
    InApp,
    /// <summary>短信, through the configured HTTP gateway.</summary>
    Sms,
    /// <summary>电子邮件, through SMTP.</summary>
    Email,
    /// <summary>A subscribed system (the provincial platform, a messaging gateway), by signed JSON POST.</summary>
    Webhook,
}

/// <summary>The life of a delivery.</summary>
public enum DeliveryStatus
{
    /// <summary>Waiting for its (next) attempt.</summary>
    Pending,
    /// <summary>The channel accepted it.</summary>
    Delivered,
    /// <summary>Given up after the configured attempts (死信): the administrator sees it and may send it again.</summary>
    DeadLetter,
}

/// <summary>
/// One notification to one recipient over one channel (消息投递), with its attempts. Delivered at least once: a
/// receiver that may see it twice dedupes by <see cref="MessageId"/>, which is stable per outbox row, recipient and channel.
/// </summary>
public sealed class NotificationDelivery
{
    public Guid Id { get; set; }
    /// <summary>Stable per outbox row + recipient + channel; unique, so a second fan-out of the same row adds nothing.</summary>
    public string MessageId { get; set; } = "";
    /// <summary>The outbox row (and journal entry) it was made from: project and sequence.</summary>
    public Guid InstanceId { get; set; }
    public int Sequence { get; set; }
    public string? ProjectCode { get; set; }
    public string Kind { get; set; } = "";
    public DeliveryChannel Channel { get; set; }
    /// <summary>The account it is for, when it is for an account (in-app messages are read by it).</summary>
    public string? UserId { get; set; }
    /// <summary>Where it goes: a telephone number, an e-mail address, a webhook subscriber's name; null in-app.</summary>
    public string? Address { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public Instant CreatedAt { get; set; }
    public Instant NextAttemptAt { get; set; }
    public string? LeaseOwner { get; set; }
    public Instant? LeaseExpiresAt { get; set; }
    public string? LastError { get; set; }
    public Instant? DeliveredAt { get; set; }
    /// <summary>When its recipient read it (in-app messages).</summary>
    public Instant? ReadAt { get; set; }
}

/// <summary>The channels a user wants notifications on (个人设置·通知), with the telephone and e-mail address to use.</summary>
public sealed class NotificationPreference
{
    public string UserId { get; set; } = "";
    public bool Sms { get; set; }
    public bool Email { get; set; }
    /// <summary>A mobile number as <see cref="Runtime.ContactPhone"/> keeps it.</summary>
    public string? Phone { get; set; }
    public string? EmailAddress { get; set; }
    public Instant UpdatedAt { get; set; }
}
