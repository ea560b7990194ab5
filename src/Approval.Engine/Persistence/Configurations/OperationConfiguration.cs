using Approval.Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Approval.Engine.Persistence.Configurations;

/// <summary>
/// Maps <see cref="ProcessedOperation"/>: the key makes a concurrent retry fail instead of signing twice, the
/// instance-version index makes a command that started from a stale version fail instead of overwriting.
/// </summary>
public sealed class OperationConfiguration : IEntityTypeConfiguration<ProcessedOperation>
{
    public void Configure(EntityTypeBuilder<ProcessedOperation> b)
    {
        b.ToTable("operations");
        b.HasKey(o => o.OperationId);
        b.Property(o => o.OperationId).HasMaxLength(200);
        b.Property(o => o.CommandType).HasMaxLength(100);
        b.Property(o => o.UserId).HasMaxLength(100);
        b.Property(o => o.Result).HasColumnType("text");
        b.Property(o => o.RequestFingerprint).HasMaxLength(64);
        // The guard that makes a command's writes all-or-nothing against a concurrent one (see ProjectStore.SaveAtomicallyAsync).
        b.HasIndex(o => new { o.InstanceId, o.InstanceVersion }).IsUnique().HasDatabaseName("ux_operations_instance_version");
    }
}
