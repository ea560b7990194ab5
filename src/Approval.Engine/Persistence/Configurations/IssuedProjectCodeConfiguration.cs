using Approval.Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Approval.Engine.Persistence.Configurations;

/// <summary>Maps <see cref="IssuedProjectCode"/>; the key is the uniqueness guarantee for locally issued codes.</summary>
public sealed class IssuedProjectCodeConfiguration : IEntityTypeConfiguration<IssuedProjectCode>
{
    public void Configure(EntityTypeBuilder<IssuedProjectCode> b)
    {
        b.ToTable("issued_project_codes");
        b.HasKey(c => c.Code);
        b.Property(c => c.Code).HasMaxLength(24);
    }
}
