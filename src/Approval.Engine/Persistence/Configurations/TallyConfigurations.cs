using Approval.Engine.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Approval.Engine.Persistence.Configurations;

/// <summary>
/// Maps the tallies (<see cref="Tally"/>): keyed by an id the engine gives (so a save writes them with its other rows
/// in one batch), no foreign keys, one index for the column the reads narrow by.
/// </summary>
public sealed class TallyConfigurations :
    IEntityTypeConfiguration<OpenWorkTally>, IEntityTypeConfiguration<DecisionTally>,
    IEntityTypeConfiguration<ProjectTally>, IEntityTypeConfiguration<AcceptanceTally>
{
    public void Configure(EntityTypeBuilder<OpenWorkTally> b)
    {
        Keyed(b, "tally_open_work");
        b.Property(t => t.DepartmentId).HasMaxLength(100);
        b.Property(t => t.MatterCode).HasMaxLength(100);
        b.HasIndex(t => t.DepartmentId).HasDatabaseName("ix_tally_open_work_department");
    }

    public void Configure(EntityTypeBuilder<DecisionTally> b)
    {
        Keyed(b, "tally_decisions");
        b.Property(t => t.DepartmentId).HasMaxLength(100);
        b.Property(t => t.MatterCode).HasMaxLength(100);
        b.Property(t => t.Outcome).HasMaxLength(64);
        b.HasIndex(t => t.DecidedOn).HasDatabaseName("ix_tally_decisions_day");
    }

    public void Configure(EntityTypeBuilder<ProjectTally> b)
    {
        Keyed(b, "tally_projects");
        b.Property(t => t.DefinitionId).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<AcceptanceTally> b)
    {
        Keyed(b, "tally_acceptances");
        b.Property(t => t.DefinitionId).HasMaxLength(100);
        b.HasIndex(t => t.AcceptedOn).HasDatabaseName("ix_tally_acceptances_day");
    }

    private static void Keyed<T>(EntityTypeBuilder<T> b, string table) where T : Tally
    {
        b.ToTable(table);
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).ValueGeneratedNever();
    }
}
