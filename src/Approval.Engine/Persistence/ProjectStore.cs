using Approval.Engine.Journal;
using Approval.Engine.Runtime;
using Approval.Engine.Timers;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Approval.Engine.Persistence;

/// <summary>
/// The one owner of a project's rows (项目办件的数据): the instance, its tasks, timers, clock stops and extensions, its
/// operation records and its journal. It loads a project for a command, saves what the command did all or nothing
/// under the version guard, releases the timer claims the command overtook, reads time as the database keeps it, keeps
/// the projects it saved last, and claims due timers for the scheduler. Nothing else writes those rows.
/// </summary>
/// <remarks>
/// The rule is held by the compiler and by the save, not by convention: the context's sets of these rows are internal
/// to the engine, and <see cref="ApprovalDbContext"/> refuses a SaveChanges that adds, changes or deletes one unless
/// this store is saving. An operator who must correct a project runs an engine command (<c>CorrectProject</c>), which
/// is journalled like every other change. A write the compiler cannot see (SQL run by hand) is caught by the version
/// guard when it moved the version, and by nothing at all when it did not: it is not a supported way to change a project.
/// </remarks>
internal sealed class ProjectStore(ApprovalDatabase database, EngineOptions options, IClock clock, Calendar.IWorkingDayCalendars calendars)
{
    private const long TicksPerMicrosecond = NodaConstants.TicksPerMillisecond / 1000;

    /// <summary>The projects kept in memory for their next command (<see cref="EngineOptions.AggregateCacheSize"/>); null when off.</summary>
    public AggregateCache? Kept { get; } = options.AggregateCacheSize > 0 ? new AggregateCache(options.AggregateCacheSize) : null;

    public DatabaseProvider Provider => database.Provider;

    /// <summary>The calendar the tallies' days are counted by (<see cref="TallyChanges"/>).</summary>
    public Calendar.WorkingDayCalendar Calendar => calendars.National;

    /// <summary>
    /// The clock's reading to the microsecond, which is what PostgreSQL keeps of an instant: a project kept in memory
    /// then holds exactly the instants its rows hold.
    /// </summary>
    public Instant Now() => Instant.FromUnixTimeTicks(clock.GetCurrentInstant().ToUnixTimeTicks() / TicksPerMicrosecond * TicksPerMicrosecond);

    /// <summary>Begins one attempt of a command: the right to write (SQLite's one writer) and a fresh context.</summary>
    public async Task<ProjectSession> OpenAsync(CancellationToken ct)
    {
        var gate = await database.EnterWriteAsync(ct);
        return new ProjectSession(this, gate, database.CreateContext());
    }

    /// <summary>The ids of the running projects.</summary>
    public async Task<List<Guid>> RunningAsync(CancellationToken ct)
    {
        await using var db = database.CreateContext();
        return await db.Instances.Where(i => i.Status == InstanceStatus.Running).Select(i => i.Id).ToListAsync(ct);
    }

    /// <summary>
    /// Claims up to <paramref name="batchSize"/> due, unclaimed (or lease-expired) timers for a node. On PostgreSQL
    /// several nodes claim with <c>FOR UPDATE SKIP LOCKED</c>, so each timer goes to one node.
    /// </summary>
    /// <remarks>
    /// A claim writes a timer's lease columns only, which no command reads, and does not move the project's version:
    /// timer firings always load their project, and a command that moves a timer writes its released claim whatever it
    /// took the claim to be (<see cref="ProjectSession.SaveAsync"/>).
    /// </remarks>
    public async Task<IReadOnlyList<ClaimedTimer>> ClaimTimersAsync(string nodeId, Duration lease, int batchSize, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        using var gate = await database.EnterWriteAsync(ct);
        await using var db = database.CreateContext();
        var skipLocked = database.Provider == DatabaseProvider.Postgres ? "FOR UPDATE SKIP LOCKED" : "";
        var sql = $$"""
            UPDATE timers SET "LeaseOwner" = {0}, "LeaseExpiresAt" = {1}, "Attempts" = "Attempts" + 1
            WHERE "Id" IN (
                SELECT "Id" FROM timers
                WHERE "Status" = 'Pending' AND "DueAt" <= {2} AND ("LeaseExpiresAt" IS NULL OR "LeaseExpiresAt" <= {2})
                ORDER BY "DueAt" LIMIT {3} {{skipLocked}})
            RETURNING "Id", "DueAt"
            """;
        var nowUtc = now.ToDateTimeUtc();
        var until = (now + lease).ToDateTimeUtc();
#pragma warning disable EF1002 // Only the provider-specific locking clause is interpolated; values are parameters.
        var rows = await db.Database.SqlQueryRaw<ClaimedRow>(sql, nodeId, until, nowUtc, batchSize).ToListAsync(ct);
#pragma warning restore EF1002
        var dueAt = db.Model.FindEntityType(typeof(DurableTimer))!.FindProperty(nameof(DurableTimer.DueAt))!.GetValueConverter()!;
        return [.. rows.Select(r => new ClaimedTimer(r.Id, (Instant)dueAt.ConvertFromProvider(r.DueAt)!))];
    }

    /// <summary>
    /// Saves a context's changes all or nothing, with as few round trips as the provider allows, as the last thing
    /// done with the context: the saved changes are not accepted into its tracker, so it must not be saved again.
    /// </summary>
    /// <remarks>
    /// The engine throws its context away after the save (a retry starts from a fresh load); accepting the changes,
    /// which walks every tracked entry and takes new snapshots of its values, was 4% of a command's CPU.
    /// <para>
    /// On PostgreSQL the save goes out as one command without BEGIN and COMMIT: the server runs statements sent
    /// together as one implicit transaction, and a statement that fails (a unique violation of the operations'
    /// (instance, version) index, or the version check of an update, which <see cref="SaveWriter"/> makes raise
    /// rather than match no row) rolls back every statement of it. That saves a round trip per command, and round
    /// trips are what a command costs the server most. The command is written by <see cref="SaveWriter"/> (one
    /// multi-row INSERT per table, SQL straight from the model) when the save is of the engine's usual shape. Anything
    /// else (a delete), saves inside a transaction of the caller's, and SQLite (where a transaction costs no round
    /// trip, and a command's statements would each commit on their own) save as EF Core always does, in a transaction.
    /// </para>
    /// </remarks>
    internal static async Task SaveAtomicallyAsync(ApprovalDbContext db, CancellationToken ct, Action? changesDetected = null)
    {
        // Changes are detected once, here, rather than again by the writer's plan and SaveChanges.
        db.ChangeTracker.DetectChanges();
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.SavingProjectRows = true;
        try
        {
            changesDetected?.Invoke();
            if (db.Database.CurrentTransaction is null && await SaveWriter.TryWriteAsync(db, ct)) return;
            // In EF Core's own transaction: it checks an update's row count only after the statements ran, and without
            // a transaction of its own the server would have committed them by then.
            await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
            db.SavingProjectRows = false;
        }
    }

    /// <summary>A row as the claim returns it, before the model's converter makes the due time an <see cref="Instant"/>.</summary>
    private sealed class ClaimedRow
    {
        public Guid Id { get; init; }
        public DateTime DueAt { get; init; }
    }
}

/// <summary>
/// One attempt of a command on one project: the context it reads and writes through, and the right to write. Disposed
/// after the save (or after a failed attempt); a retry opens a new one.
/// </summary>
internal sealed class ProjectSession(ProjectStore store, IDisposable gate, ApprovalDbContext db) : IAsyncDisposable
{
    /// <summary>For the command's reads of other rows (authorisations, running projects with a code).</summary>
    public ApprovalDbContext Db => db;

    /// <summary>The operation's first result if it was applied already, and the project the key addresses, in one round trip.</summary>
    public Task<LoadedAggregate> LoadAsync(string operationId, AggregateKey? key, CancellationToken ct) =>
        AggregateLoader.LoadAsync(db, operationId, key, ct);

    /// <summary>A copy of the kept project the key addresses, attached as a load attaches it; null when none is kept.</summary>
    public ProjectInstance? TakeKept(AggregateKey key) => store.Kept?.Take(db, key);

    /// <summary>The record of an operation, if one was saved (a retry of the same operation that committed meanwhile).</summary>
    public Task<ProcessedOperation?> FindOperationAsync(string operationId, CancellationToken ct) =>
        db.Operations.AsNoTracking().FirstOrDefaultAsync(o => o.OperationId == operationId, ct);

    /// <summary>
    /// The latest completed application of one of <paramref name="definitionIds"/> under this project code by this
    /// project unit: what a following application (竣工联合验收 after 施工许可) is linked to; null when there is none.
    /// </summary>
    public Task<ProjectInstance?> LatestCompletedAsync(string projectCode, IReadOnlyCollection<string> definitionIds, string investorId,
        CancellationToken ct) =>
        db.Instances.AsNoTracking()
            .Where(i => i.ProjectCode == projectCode && definitionIds.Contains(i.DefinitionId) && i.InvestorId == investorId
                && i.Status == InstanceStatus.Completed)
            .OrderByDescending(i => i.EndedAt).FirstOrDefaultAsync(ct);

    /// <summary>Whether a project with this code is running on this definition.</summary>
    public Task<bool> HasRunningAsync(string projectCode, string definitionId, CancellationToken ct) =>
        db.Instances.AnyAsync(i => i.ProjectCode == projectCode && i.DefinitionId == definitionId && i.EndedAt == null, ct);

    /// <summary>
    /// Saves what a command did to <paramref name="project"/>, all or nothing: a new project (a filing) at version 1,
    /// else the project at its next version, guarded by the version it was read at; its journal entries; the operation
    /// record of the version it made (the operations' unique (instance, version) index guards that too); the
    /// released claims of the timers it moved; the outbox row of each entry whose event notifies
    /// (<see cref="Notifications.NotificationRules"/>); and the tallies' rows of what it changed
    /// (<see cref="TallyChanges"/>). Then keeps the project for its next command.
    /// </summary>
    /// <exception cref="DbUpdateConcurrencyException">The project changed since it was read; nothing was written.</exception>
    /// <exception cref="DbUpdateException">A key was taken (the operation id, the version, a proposed project code); nothing was written.</exception>
    public async Task SaveAsync(ProjectInstance project, IEnumerable<JournalEntry> journal, ProcessedOperation operation,
        IEnumerable<DurableTimer> movedTimers, CancellationToken ct)
    {
        if (db.Entry(project).State == EntityState.Detached)
        {
            project.Version = 1;
            db.Instances.Add(project);
        }
        else
        {
            project.Version++;
        }
        ReleaseClaims(movedTimers);
        foreach (var entry in journal)
        {
            db.Journal.Add(entry);
            // The outbox row of a notifying event goes with its entry: a notification exists iff the event was saved.
            if (Notifications.NotificationRules.For(entry) is { } rule)
                db.Outbox.Add(new Notifications.OutboxNotification
                {
                    InstanceId = entry.InstanceId, Sequence = entry.Sequence, Kind = rule.Kind, Audience = rule.Audience, CreatedAt = entry.At,
                });
        }
        operation.InstanceId = project.Id;
        operation.InstanceVersion = project.Version;
        db.Operations.Add(operation);
        var unloaded = await MarkDecisionsOfEndedProjectAsync(project, ct);
        // The tallies' rows go in the same write: a count moves iff the change that moves it was saved.
        await ProjectStore.SaveAtomicallyAsync(db, ct, () => TallyChanges.Append(db, project, store.Calendar));
        // The earlier steps' decisions read to be marked are no part of what a load of the project reads.
        if (unloaded.Count > 0) project.Tasks.RemoveAll(unloaded.Contains);
        store.Kept?.Keep(project);
    }

    /// <summary>
    /// When this save ends the project, marks its decided matters with the time it ended (<see cref="WorkTask.ProjectEndedAt"/>,
    /// what disclosure reads): those in memory, and those of earlier steps, which a command does not load, read here —
    /// one round trip, once per project. Returns the latter.
    /// </summary>
    private async Task<List<WorkTask>> MarkDecisionsOfEndedProjectAsync(ProjectInstance project, CancellationToken ct)
    {
        var entry = db.Entry(project);
        if (project.EndedAt is not { } ended || entry.State == EntityState.Added || entry.Property(p => p.EndedAt).OriginalValue is not null)
            return [];
        var loaded = project.Tasks.ToHashSet();
        var earlier = await db.Tasks
            .Where(t => t.InstanceId == project.Id && t.Kind == TaskKind.MatterDecision && t.Status == Runtime.TaskStatus.Done && t.ProjectEndedAt == null)
            .ToListAsync(ct);
        foreach (var task in project.Tasks.Concat(earlier).Where(t => t.Kind == TaskKind.MatterDecision && t.Status == Runtime.TaskStatus.Done))
            task.ProjectEndedAt = ended;
        return earlier.Where(t => !loaded.Contains(t)).ToList();
    }

    /// <summary>
    /// Writes the released claim of every timer the command moved, whatever the context took its claim to be: a
    /// project kept in memory, or loaded just before the scheduler claimed the timer, does not know of the claim, and
    /// a value that looks unchanged would not be written, leaving the moved timer claimed until the lease runs out.
    /// </summary>
    private void ReleaseClaims(IEnumerable<DurableTimer> moved)
    {
        foreach (var timer in moved)
        {
            var entry = db.Entry(timer);
            if (entry.State is not (EntityState.Unchanged or EntityState.Modified)) continue;  // a new timer is inserted whole
            entry.Property(t => t.LeaseOwner).IsModified = true;
            entry.Property(t => t.LeaseExpiresAt).IsModified = true;
            entry.Property(t => t.Attempts).IsModified = true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await db.DisposeAsync();
        gate.Dispose();
    }
}
