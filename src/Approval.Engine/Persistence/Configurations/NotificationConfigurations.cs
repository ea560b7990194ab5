using Approval.Engine.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Approval.Engine.Persistence.Configurations;

/// <summary>Maps <see cref="OutboxNotification"/>: keyed like its journal entry, indexed only where it still waits.</summary>
public sealed class OutboxNotificationConfiguration : IEntityTypeConfiguration<OutboxNotification>
{
    public void Configure(EntityTypeBuilder<OutboxNotification> b)
    {
        b.ToTable("notification_outbox");
        // The journal entry's key: no generated value, no second index on a table every notifying command inserts into,
        // and no foreign key to check on that insert (the save writing both is what ties them).
        b.HasKey(o => new { o.InstanceId, o.Sequence }).HasName("PK_notification_outbox");
        b.Property(o => o.Kind).HasMaxLength(64);
        // Flags: a number, not the names (which would not fit the enums' 32 characters).
        b.Property(o => o.Audience).HasConversion<int>();
        b.Property(o => o.LeaseOwner).HasMaxLength(100);
        // The dispatcher's "waiting" query reads only the rows not fanned out yet; the index holds only those.
        b.HasIndex(o => o.CreatedAt).HasDatabaseName("ix_notification_outbox_waiting").HasFilter("\"FannedOutAt\" IS NULL");
    }
}

/// <summary>Maps <see cref="NotificationDelivery"/>, indexed for the dispatcher's due query and a user's inbox.</summary>
public sealed class NotificationDeliveryConfiguration : IEntityTypeConfiguration<NotificationDelivery>
{
    public void Configure(EntityTypeBuilder<NotificationDelivery> b)
    {
        b.ToTable("notification_deliveries");
        b.HasKey(d => d.Id);
        b.Property(d => d.Id).ValueGeneratedNever();
        b.Property(d => d.MessageId).HasMaxLength(120);
        b.HasIndex(d => d.MessageId).IsUnique().HasDatabaseName("ux_notification_deliveries_message");
        b.Property(d => d.ProjectCode).HasMaxLength(24);
        b.Property(d => d.Kind).HasMaxLength(64);
        b.Property(d => d.UserId).HasMaxLength(450);
        b.Property(d => d.Address).HasMaxLength(400);
        b.Property(d => d.Title).HasMaxLength(200);
        b.Property(d => d.Body).HasColumnType("text");
        b.Property(d => d.LeaseOwner).HasMaxLength(100);
        b.Property(d => d.LastError).HasMaxLength(1000);
        b.HasIndex(d => new { d.Status, d.NextAttemptAt }).HasDatabaseName("ix_notification_deliveries_status_next");
        b.HasIndex(d => new { d.UserId, d.Channel, d.CreatedAt }).HasDatabaseName("ix_notification_deliveries_inbox");
    }
}

/// <summary>Maps <see cref="NotificationPreference"/>: one row per user who chose channels.</summary>
public sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> b)
    {
        b.ToTable("notification_preferences");
        b.HasKey(p => p.UserId);
        b.Property(p => p.UserId).HasMaxLength(450);
        b.Property(p => p.Phone).HasMaxLength(20);
        b.Property(p => p.EmailAddress).HasMaxLength(256);
    }
}
