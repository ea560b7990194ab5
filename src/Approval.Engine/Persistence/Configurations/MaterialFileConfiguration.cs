using Approval.Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Approval.Engine.Persistence.Configurations;

/// <summary>Maps <see cref="MaterialFile"/>.</summary>
public sealed class MaterialFileConfiguration : IEntityTypeConfiguration<MaterialFile>
{
    public void Configure(EntityTypeBuilder<MaterialFile> b)
    {
        b.ToTable("material_files");
        b.HasKey(m => m.Id);
        b.Property(m => m.Id).ValueGeneratedNever();
        b.Property(m => m.MaterialCode).HasMaxLength(100);
        b.Property(m => m.FileName).HasMaxLength(255);
        b.Property(m => m.ContentType).HasMaxLength(100);
        b.Property(m => m.Sha256).HasMaxLength(64);
        b.Property(m => m.UploadedBy).HasMaxLength(100);
        b.HasIndex(m => m.InstanceId).HasDatabaseName("ix_material_files_instance");
        b.HasOne<ProjectInstance>().WithMany().HasForeignKey(m => m.InstanceId).OnDelete(DeleteBehavior.Cascade);
    }
}
