using Approval.Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Approval.Engine.Persistence.Configurations;

/// <summary>Maps <see cref="AgentAuthorization"/>, looked up by agent and by investor.</summary>
public sealed class AgentAuthorizationConfiguration : IEntityTypeConfiguration<AgentAuthorization>
{
    public void Configure(EntityTypeBuilder<AgentAuthorization> b)
    {
        b.ToTable("agent_authorizations");
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.AgentId).HasMaxLength(100);
        b.Property(a => a.InvestorId).HasMaxLength(100);
        b.Property(a => a.InvestorName).HasMaxLength(200);
        b.Property(a => a.GrantedBy).HasMaxLength(100);
        b.HasIndex(a => new { a.AgentId, a.InvestorId }).HasDatabaseName("ix_agent_authorizations_agent_investor");
        b.HasIndex(a => a.InvestorId).HasDatabaseName("ix_agent_authorizations_investor");
    }
}
