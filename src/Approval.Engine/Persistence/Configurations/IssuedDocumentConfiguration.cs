using Approval.Engine.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Approval.Engine.Persistence.Configurations;

/// <summary>Maps <see cref="IssuedDocument"/>: the key keeps numbers unique, the index keeps a reprint's number.</summary>
public sealed class IssuedDocumentConfiguration : IEntityTypeConfiguration<IssuedDocument>
{
    public void Configure(EntityTypeBuilder<IssuedDocument> b)
    {
        b.ToTable("document_numbers");
        b.HasKey(d => new { d.Prefix, d.Kind, d.Year, d.Sequence });
        b.Property(d => d.Prefix).HasMaxLength(20);
        b.HasIndex(d => new { d.InstanceId, d.Kind, d.Occasion }).IsUnique().HasDatabaseName("ux_document_numbers_occasion");
        b.Ignore(d => d.Number);
    }
}
