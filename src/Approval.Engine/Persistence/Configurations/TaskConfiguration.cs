using Approval.Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Approval.Engine.Persistence.Configurations;

/// <summary>Maps <see cref="WorkTask"/>, indexed for a department's open tasks by due date and for overdue lists.</summary>
public sealed class TaskConfiguration : IEntityTypeConfiguration<WorkTask>
{
    /// <summary>The rows of open work (open or stopped tasks), as an index filter on both providers.</summary>
    internal const string OpenWork = "\"Status\" IN ('Open', 'Suspended')";

    public void Configure(EntityTypeBuilder<WorkTask> b)
    {
        b.ToTable("tasks");
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).ValueGeneratedNever();
        b.Property(t => t.ActivityId).HasMaxLength(100);
        b.Property(t => t.DepartmentId).HasMaxLength(100);
        b.Property(t => t.MatterCode).HasMaxLength(100);
        b.Property(t => t.Outcome).HasMaxLength(64);
        b.Property(t => t.Comment).HasColumnType("text");
        b.Property(t => t.Items).HasColumnType("text");
        b.Property(t => t.Asks).HasColumnType("text").HasDefaultValueSql("'[]'");
        b.Ignore(t => t.IsOpen);
        b.HasIndex(t => new { t.DepartmentId, t.Status, t.DueOn }).HasDatabaseName("ix_tasks_department_open_due");
        b.HasIndex(t => new { t.Status, t.DueOn }).HasDatabaseName("ix_tasks_status_due");
        // A project's tasks, and its open ones: with the status here, never the (Status, DueOn) index (see TimerConfiguration).
        b.HasIndex(t => new { t.InstanceId, t.Status }).HasDatabaseName("ix_tasks_instance_status");
        // The read lists (ListReader): open work by department or overall, soonest due first with the id as tiebreak;
        // partial, so they stay as small as the open work.
        b.HasIndex(t => new { t.DepartmentId, t.DueOn, t.Id }).HasFilter(OpenWork).HasDatabaseName("ix_tasks_open_department_due");
        b.HasIndex(t => new { t.DueOn, t.Id }).HasFilter(OpenWork).HasDatabaseName("ix_tasks_open_due");
        // Disclosure reads the decided matters of ended projects newest first: only those rows, so that it never walks past
        // the decisions of running projects (most of the newest ones) to find them.
        b.HasIndex(t => new { t.DecidedAt, t.Id })
            .HasFilter("\"ProjectEndedAt\" IS NOT NULL AND \"Kind\" = 'MatterDecision' AND \"Status\" = 'Done'")
            .HasDatabaseName("ix_tasks_disclosed");
    }
}
