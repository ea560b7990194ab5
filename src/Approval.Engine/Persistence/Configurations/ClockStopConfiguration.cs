using Approval.Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Approval.Engine.Persistence.Configurations;

/// <summary>Maps <see cref="ClockStop"/>.</summary>
public sealed class ClockStopConfiguration : IEntityTypeConfiguration<ClockStop>
{
    public void Configure(EntityTypeBuilder<ClockStop> b)
    {
        b.ToTable("clock_stops");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.ActivityId).HasMaxLength(100);
        b.Property(s => s.Notice).HasColumnType("text");
        b.Ignore(s => s.IsOpen);
        b.HasIndex(s => s.InstanceId).HasDatabaseName("ix_clock_stops_instance");
    }
}
