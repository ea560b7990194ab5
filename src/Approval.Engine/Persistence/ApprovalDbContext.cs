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
/// <para>
/// A project's rows — instance, tasks, timers, clock stops, extensions, operations, journal — belong to the engine's
/// <see cref="ProjectStore"/>: their sets are internal to the engine, and a SaveChanges that would add, change or
/// delete one is refused unless the store is saving (<see cref="ProjectRowsWrittenOutsideTheEngineException"/>), so
/// that no code path outside the engine's commands writes them, not even through <c>Set&lt;T&gt;()</c>.
/// </para>
/// </remarks>
public abstract class ApprovalDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>The entity types of a project's rows, which only <see cref="ProjectStore"/> writes.</summary>
    private static readonly HashSet<Type> ProjectRows =
    [
        typeof(ProjectInstance), typeof(WorkTask), typeof(DurableTimer), typeof(ClockStop), typeof(Extension),
        typeof(JournalEntry), typeof(ProcessedOperation),
    ];

    internal DbSet<ProjectInstance> Instances => Set<ProjectInstance>();
    internal DbSet<WorkTask> Tasks => Set<WorkTask>();
    internal DbSet<DurableTimer> Timers => Set<DurableTimer>();
    internal DbSet<ClockStop> ClockStops => Set<ClockStop>();
    internal DbSet<Extension> Extensions => Set<Extension>();
    internal DbSet<JournalEntry> Journal => Set<JournalEntry>();
    internal DbSet<ProcessedOperation> Operations => Set<ProcessedOperation>();
    public DbSet<IssuedProjectCode> IssuedProjectCodes => Set<IssuedProjectCode>();
    public DbSet<AgentAuthorization> AgentAuthorizations => Set<AgentAuthorization>();
    public DbSet<MaterialFile> MaterialFiles => Set<MaterialFile>();
    public DbSet<Documents.IssuedDocument> IssuedDocuments => Set<Documents.IssuedDocument>();

    /// <summary>Set by <see cref="ProjectStore"/> while it saves a command's changes.</summary>
    internal bool SavingProjectRows { get; set; }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseProjectRowsOutsideTheStore();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseProjectRowsOutsideTheStore();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void RefuseProjectRowsOutsideTheStore()
    {
        if (SavingProjectRows) return;
        foreach (var entry in ChangeTracker.Entries())
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && ProjectRows.Contains(entry.Metadata.ClrType))
                throw new ProjectRowsWrittenOutsideTheEngineException(entry.Metadata.ClrType);
    }

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

/// <summary>
/// A save outside the engine tried to write a project's rows, which only the engine's commands write (correct a project
/// with the <c>CorrectProject</c> command).
/// </summary>
public sealed class ProjectRowsWrittenOutsideTheEngineException(Type rowType) : InvalidOperationException(
    $"{rowType.Name} rows belong to a project and are written only by the engine's commands (ProjectStore); " +
    "to correct a project, run the CorrectProject command.");
