using Approval.Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Approval.Engine.Persistence.Configurations;

/// <summary>Maps <see cref="Extension"/>, indexed for the supervisor's pending list.</summary>
public sealed class ExtensionConfiguration : IEntityTypeConfiguration<Extension>
{
    public void Configure(EntityTypeBuilder<Extension> b)
    {
        b.ToTable("extensions");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Reason).HasColumnType("text");
        b.Property(e => e.DecisionNote).HasColumnType("text");
        b.HasIndex(e => e.InstanceId).HasDatabaseName("ix_extensions_instance");
        // The supervisor's pending list (ListReader.PendingExtensionsAsync), oldest request first with the id as tiebreak;
        // partial, so it stays as small as the pending requests, and it counts them.
        b.HasIndex(e => new { e.RequestedAt, e.Id }).HasFilter("\"Status\" = 'Pending'").HasDatabaseName("ix_extensions_pending_requested");
    }
}
