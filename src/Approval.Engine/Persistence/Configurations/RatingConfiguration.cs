using Approval.Engine.Runtime;
using Approval.Engine.Service;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Approval.Engine.Persistence.Configurations;

/// <summary>Maps <see cref="Rating"/>: one per (project, matter), read per department and month by the supervisor's GROUP BY.</summary>
public sealed class RatingConfiguration : IEntityTypeConfiguration<Rating>
{
    public void Configure(EntityTypeBuilder<Rating> b)
    {
        b.ToTable("ratings");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.MatterKey).HasMaxLength(64);
        b.Property(r => r.DepartmentId).HasMaxLength(64);
        b.Property(r => r.Reason).HasMaxLength(64);
        b.Property(r => r.Comment).HasColumnType("text");
        b.HasOne<ProjectInstance>().WithMany().HasForeignKey(r => r.InstanceId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.InstanceId, r.MatterKey }).IsUnique().HasDatabaseName("ux_ratings_instance_matter");
        b.HasIndex(r => new { r.DepartmentId, r.RatedOn }).HasDatabaseName("ix_ratings_department_day");
    }
}
