using Approval.Engine.Journal;
using Approval.Engine.Runtime;
using Approval.Engine.Timers;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Approval.Engine.Persistence;

/// <summary>The one database of Approval: instances and everything that hangs off them, the journal, operations and timers.</summary>
/// <remarks>
/// Each provider has its own subclass (<see cref="SqliteApprovalDbContext"/>, <see cref="PostgresApprovalDbContext"/>)
/// only so that each finds its own hand-written migrations; the model is this one.
/// </remarks>
public abstract class ApprovalDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<ProjectInstance> Instances => Set<ProjectInstance>();
    public DbSet<WorkTask> Tasks => Set<WorkTask>();
    public DbSet<DurableTimer> Timers => Set<DurableTimer>();
    public DbSet<ClockStop> ClockStops => Set<ClockStop>();
    public DbSet<Extension> Extensions => Set<Extension>();
    public DbSet<JournalEntry> Journal => Set<JournalEntry>();
    public DbSet<ProcessedOperation> Operations => Set<ProcessedOperation>();
    public DbSet<IssuedProjectCode> IssuedProjectCodes => Set<IssuedProjectCode>();
    public DbSet<AgentAuthorization> AgentAuthorizations => Set<AgentAuthorization>();
    public DbSet<MaterialFile> MaterialFiles => Set<MaterialFile>();

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        builder.Properties<Instant>().HaveConversion<InstantConverter>();
        builder.Properties<LocalDate>().HaveConversion<LocalDateConverter>();
        builder.Properties<List<string>>().HaveConversion<StringListConverter, StringListComparer>();
        builder.Properties<List<CorrectionAsk>>().HaveConversion<CorrectionAsksConverter, CorrectionAsksComparer>();
        builder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<string>().HaveMaxLength(400);
        builder.Properties<decimal>().HavePrecision(18, 2);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ApprovalDbContext).Assembly,
            t => t.Namespace == typeof(Configurations.InstanceConfiguration).Namespace);
}

/// <summary>The SQLite flavour of <see cref="ApprovalDbContext"/> (the embedded default).</summary>
public sealed class SqliteApprovalDbContext(DbContextOptions<SqliteApprovalDbContext> options) : ApprovalDbContext(options);

/// <summary>The PostgreSQL flavour of <see cref="ApprovalDbContext"/> (deployments with several nodes).</summary>
public sealed class PostgresApprovalDbContext(DbContextOptions<PostgresApprovalDbContext> options) : ApprovalDbContext(options);
