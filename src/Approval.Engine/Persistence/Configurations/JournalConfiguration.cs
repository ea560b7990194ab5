using Approval.Engine.Journal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Approval.Engine.Persistence.Configurations;

/// <summary>Maps <see cref="JournalEntry"/>: append-only, numbered per instance.</summary>
public sealed class JournalConfiguration : IEntityTypeConfiguration<JournalEntry>
{
    public void Configure(EntityTypeBuilder<JournalEntry> b)
    {
        b.ToTable("journal");
        b.HasKey(j => j.Id);
        b.Property(j => j.Id).ValueGeneratedOnAdd();
        b.Property(j => j.ProjectCode).HasMaxLength(24);
        b.Property(j => j.ActivityId).HasMaxLength(100);
        b.Property(j => j.DepartmentId).HasMaxLength(100);
        b.Property(j => j.MatterCode).HasMaxLength(100);
        b.Property(j => j.Event).HasMaxLength(64);
        b.Property(j => j.Decision).HasMaxLength(64);
        b.Property(j => j.Reasons).HasColumnType("text");
        b.Property(j => j.UserId).HasMaxLength(100);
        b.Property(j => j.OperationId).HasMaxLength(200);
        b.HasIndex(j => new { j.InstanceId, j.Sequence }).IsUnique().HasDatabaseName("ux_journal_instance_sequence");
        // No index on ProjectCode: every reader finds the instance by code first (instances are indexed by it) and
        // reads its journal by instance; an unused index would cost every one of the journal's many inserts.
        b.HasOne<Runtime.ProjectInstance>().WithMany().HasForeignKey(j => j.InstanceId).OnDelete(DeleteBehavior.Restrict);
    }
}
