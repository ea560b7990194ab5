using Approval.Engine.Runtime;
using Approval.Engine.Service;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Approval.Engine.Persistence.Configurations;

/// <summary>Maps <see cref="Escalation"/> (督办), indexed for the supervisor's list and the department's counts.</summary>
public sealed class EscalationConfiguration : IEntityTypeConfiguration<Escalation>
{
    public void Configure(EntityTypeBuilder<Escalation> b)
    {
        b.ToTable("escalations");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.DepartmentId).HasMaxLength(64);
        b.Property(e => e.Notice).HasColumnType("text");
        b.Property(e => e.Reply).HasColumnType("text");
        b.Property(e => e.ClosingNote).HasColumnType("text");
        b.HasOne<ProjectInstance>().WithMany().HasForeignKey(e => e.InstanceId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => e.InstanceId).HasDatabaseName("ix_escalations_instance");
        b.HasIndex(e => e.ReplyTaskId).IsUnique().HasDatabaseName("ux_escalations_reply_task");
        b.HasIndex(e => new { e.DepartmentId, e.IssuedOn }).HasDatabaseName("ix_escalations_department_day");
    }
}
