using Approval.Engine.Runtime;
using Approval.Engine.Service;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Approval.Engine.Persistence.Configurations;

/// <summary>Maps <see cref="Card"/> (黄牌/红牌), counted per department and month.</summary>
public sealed class CardConfiguration : IEntityTypeConfiguration<Card>
{
    public void Configure(EntityTypeBuilder<Card> b)
    {
        b.ToTable("cards");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.DepartmentId).HasMaxLength(64);
        b.Property(c => c.MatterCode).HasMaxLength(64);
        b.HasOne<ProjectInstance>().WithMany().HasForeignKey(c => c.InstanceId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => c.InstanceId).HasDatabaseName("ix_cards_instance");
        b.HasIndex(c => new { c.DepartmentId, c.RecordedOn }).HasDatabaseName("ix_cards_department_day");
    }
}
