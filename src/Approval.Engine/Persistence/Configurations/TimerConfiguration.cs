using Approval.Engine.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Approval.Engine.Persistence.Configurations;

/// <summary>Maps <see cref="DurableTimer"/>, indexed for the scheduler's "due and unclaimed" query.</summary>
public sealed class TimerConfiguration : IEntityTypeConfiguration<DurableTimer>
{
    public void Configure(EntityTypeBuilder<DurableTimer> b)
    {
        b.ToTable("timers");
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).ValueGeneratedNever();
        b.Property(t => t.LeaseOwner).HasMaxLength(100);
        b.HasIndex(t => new { t.Status, t.DueAt }).HasDatabaseName("ix_timers_status_due");
        b.HasIndex(t => t.InstanceId).HasDatabaseName("ix_timers_instance");
    }
}
