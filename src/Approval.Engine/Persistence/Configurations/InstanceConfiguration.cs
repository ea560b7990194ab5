using Approval.Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Approval.Engine.Persistence.Configurations;

/// <summary>Maps <see cref="ProjectInstance"/>: the aggregate root, its concurrency token and its look-ups.</summary>
public sealed class InstanceConfiguration : IEntityTypeConfiguration<ProjectInstance>
{
    public void Configure(EntityTypeBuilder<ProjectInstance> b)
    {
        b.ToTable("instances");
        b.HasKey(i => i.Id);
        b.Property(i => i.Id).ValueGeneratedNever();
        b.Property(i => i.DefinitionId).HasMaxLength(100);
        b.Property(i => i.ProjectCode).HasMaxLength(24);
        b.Property(i => i.QueryKey).HasMaxLength(32);
        b.Property(i => i.ContactName).HasMaxLength(50);
        b.Property(i => i.ContactPhone).HasMaxLength(32);
        b.Property(i => i.SubmittedMaterials).HasColumnType("text");
        // Rows from before these columns existed have handed in nothing yet; a new row always writes its lists.
        b.Property(i => i.UploadedMaterials).HasColumnType("text").HasDefaultValueSql("'[]'");
        b.Property(i => i.PaperOriginals).HasColumnType("text").HasDefaultValueSql("'[]'");
        b.Property(i => i.Deficiencies).HasColumnType("text");
        // Projects filed before 告知承诺 chose no commitment and were never marked.
        b.Property(i => i.CommitmentMatters).HasColumnType("text").HasDefaultValueSql("'[]'");
        // The default is for rows from before; the engine always writes the value (SaveWriter writes nothing the database generates).
        b.Property(i => i.InvestorCreditMarked).HasDefaultValue(false).ValueGeneratedNever();
        // Projects filed before 模拟审批 were formal ones; the engine always writes the value.
        b.Property(i => i.Simulation).HasDefaultValue(SimulationState.None).ValueGeneratedNever();
        b.Property(i => i.OutcomeReason).HasColumnType("text");
        b.Property(i => i.Version).IsConcurrencyToken();
        b.Ignore(i => i.IsEnded);

        // At most one running instance per project code and definition; ended ones may repeat.
        b.HasIndex(i => new { i.ProjectCode, i.DefinitionId }).IsUnique()
            .HasFilter("\"ProjectCode\" IS NOT NULL AND \"EndedAt\" IS NULL")
            .HasDatabaseName("ux_instances_running_code");
        b.HasIndex(i => i.ProjectCode).HasDatabaseName("ix_instances_code");
        // Running projects soonest deadline first, the id as the keyset's tiebreak: a page is read in index order (ListReader).
        b.HasIndex(i => new { i.Status, i.DueOn, i.Id }).HasDatabaseName("ix_instances_status_due");
        b.HasIndex(i => i.InvestorId).HasDatabaseName("ix_instances_investor");
        b.HasIndex(i => i.AgentId).HasDatabaseName("ix_instances_agent");
        // The read lists (ListReader): the window's queue oldest filing first, an applicant's projects newest first.
        b.HasIndex(i => new { i.Status, i.FiledAt, i.Id }).HasDatabaseName("ix_instances_status_filed");
        b.HasIndex(i => new { i.InvestorId, i.FiledAt, i.Id }).HasDatabaseName("ix_instances_investor_filed");

        b.HasMany(i => i.Tasks).WithOne().HasForeignKey(t => t.InstanceId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(i => i.Timers).WithOne().HasForeignKey(t => t.InstanceId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(i => i.ClockStops).WithOne().HasForeignKey(s => s.InstanceId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(i => i.Extensions).WithOne().HasForeignKey(e => e.InstanceId).OnDelete(DeleteBehavior.Cascade);
    }
}
