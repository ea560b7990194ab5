using System.Text.Json;
using Approval.Engine.Activities;
using Approval.Engine.Calendar;
using Approval.Engine.Definitions;
using Approval.Engine.Journal;
using Approval.Engine.Persistence;
using Approval.Engine.ProjectCodes;
using Approval.Engine.Runtime.Commands;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Approval.Engine.Runtime;

/// <summary>
/// Runs commands against projects: one database transaction per command in which state, tasks, timers, clock
/// stops and the journal change together; idempotent by operation id; optimistic concurrency on the instance,
/// with conflicts retried here rather than shown to the user.
/// </summary>
public sealed partial class WorkflowEngine(
    ApprovalDatabase database,
    DefinitionCatalog catalog,
    IWorkingDayCalendars calendars,
    IClock clock,
    EngineOptions options,
    LocalProjectCodeIssuer issuer,
    IProjectCodeVerifier verifier,
    ILogger<WorkflowEngine> logger)
{
    private static readonly Dictionary<ActivityType, IActivity> Activities = new IActivity[]
    {
        new OneWindowIntake(), new JointPreReview(), new CombinedSiteSurvey(), new ParallelApprovals(), new DeadlineCompletion(),
    }.ToDictionary(a => a.Type);

    private readonly AggregateCache? _kept = options.AggregateCacheSize > 0 ? new AggregateCache(options.AggregateCacheSize) : null;

    public DefinitionCatalog Catalog => catalog;

    /// <summary>The projects kept in memory for their next command (<see cref="EngineOptions.AggregateCacheSize"/>); null when off.</summary>
    internal AggregateCache? Kept => _kept;

    /// <summary>The deadline rules of the national calendar (regional overlays are chosen per deployment).</summary>
    public Deadlines Deadlines { get; } = new(calendars, options);

    public async Task<CommandResult> ExecuteAsync(Command command, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(command.OperationId) || command.OperationId.Length > 200)
            throw new InvalidInputException("operationId", "Every command needs an operation id of 1 to 200 characters (header Idempotency-Key).");
        if (await TryFromKeptAsync(command, ct) is { } quick) return quick;
        var prepared = new AcceptancePreparation();
        var conflicts = 0;
        while (true)
        {
            try
            {
                if (await TryExecuteAsync(command, prepared, ct) is { } result) return result;
                // The attempt stopped for the platform's answer on a given project code: not a conflict.
                await VerifyAsync(prepared, ct);
            }
            catch (DbUpdateException ex) when (conflicts + 1 < options.MaxConflictRetries &&
                (ex is DbUpdateConcurrencyException || ApprovalDatabase.IsUniqueViolation(ex)))
            {
                // Another command saved first, or a proposed local project code was taken: start again from a fresh load.
                conflicts++;
                LogConflict(logger, command.GetType().Name, command.OperationId, conflicts);
                await Task.Delay(Random.Shared.Next(1, 5 * conflicts), ct);
            }
        }
    }

    /// <summary>
    /// Runs the command on the project as this engine last saved it, without reading it back, and without looking
    /// up its operation id first: one round trip (the save) instead of two. Null when there is no such project, or
    /// when the attempt did not end in a save, for whatever reason — then the command runs the full way, which
    /// reads the current state and answers from it (a replay, a conflict, a refusal).
    /// </summary>
    /// <remarks>
    /// The save proves the attempt right: it carries the operation id (a replay fails on its key) and the version
    /// the project was at (a project changed elsewhere fails on the version guard), and fails as a whole. Timer
    /// firings always load: the scheduler's claim has just changed the timer's row.
    /// </remarks>
    private async Task<CommandResult?> TryFromKeptAsync(Command command, CancellationToken ct)
    {
        if (_kept is null || command is FireTimer) return null;
        var key = KeyOf(command);
        if (key is { } k && !_kept.Holds(k)) return null;
        ProjectInstance? instance = null;
        try
        {
            using var gate = await database.EnterWriteAsync(ct);
            await using var db = database.CreateContext();
            if (key is { } held && (instance = _kept.Take(db, held)) is null) return null;
            var attempt = await AttemptAsync(db, command, instance, new AcceptancePreparation(), ct);
            if (attempt.Saved)
            {
                _kept.CountSaved();
                return attempt.Result;
            }
            _kept.FellBack(instance?.Id);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogKeptFailed(logger, command.GetType().Name, command.OperationId, ex.GetType().Name);
            _kept.FellBack(instance?.Id);
            return null;
        }
    }

    /// <remarks>
    /// Two round trips on PostgreSQL: the load, then the save, which needs no BEGIN/COMMIT (see
    /// <see cref="ApprovalDatabase.SaveAtomicallyAsync"/>). Nothing holds a lock between them: a command that started
    /// from a version another command has since moved on from fails at the save on the operations' unique
    /// (instance, version) index, or on the instance's version check, and is retried from a fresh load.
    /// </remarks>
    /// <returns>Null when an acceptance must first have its given project code verified (<see cref="VerifyAsync"/>).</returns>
    private async Task<CommandResult?> TryExecuteAsync(Command command, AcceptancePreparation prepared, CancellationToken ct)
    {
        using var gate = await database.EnterWriteAsync(ct);
        await using var db = database.CreateContext();
        var (done, instance) = await AggregateLoader.LoadAsync(db, command.OperationId, KeyOf(command), ct);
        if (done is not null) return Replay(done, command);
        return (await AttemptAsync(db, command, instance, prepared, ct)).Result;
    }

    /// <summary>What an attempt came to: the result (null when it stopped for a verification), and whether it saved.</summary>
    private readonly record struct Attempt(CommandResult? Result, bool Saved);

    /// <summary>Applies the command to the project in <paramref name="db"/> (none for a filing) and saves, all or nothing.</summary>
    private async Task<Attempt> AttemptAsync(ApprovalDbContext db, Command command, ProjectInstance? instance,
        AcceptancePreparation prepared, CancellationToken ct)
    {
        var journal = new List<JournalEntry>();
        CommandResult result;
        ProjectInstance target;
        try
        {
            if (command is FileApplication file)
            {
                (result, target) = await FileAsync(db, file, journal, ct);
            }
            else
            {
                target = instance ?? throw NotFound(command);
                // A firing that no longer applies (applied already, moved since its claim) saves nothing: recording it
                // would make its operation id a replay when the occurrence does come due.
                if (command is FireTimer fire && !ProjectTimers.Applies(target, fire, Now()))
                    return new Attempt(new CommandResult(target.Id, target.Status, target.CurrentActivityId, target.ProjectCode, target.QueryKey), false);
                if (!PrepareAcceptance(db, command, target, prepared, out var acceptance)) return default;
                (result, var moved) = Apply(target, command, acceptance, journal);
                ReleaseClaims(db, moved);
            }
        }
        catch (ConflictException)
        {
            // A retry of this very operation may have committed after we looked: then the answer is its result.
            var committed = await db.Operations.AsNoTracking().FirstOrDefaultAsync(o => o.OperationId == command.OperationId, ct);
            if (committed is not null) return new Attempt(Replay(committed, command), false);
            throw;
        }
        db.Journal.AddRange(journal);
        // An uploaded file's record is written with the project's change, so that a file is never there unticked.
        if (command is AttachMaterialFile attached) db.MaterialFiles.Add(attached.File);
        db.Operations.Add(new ProcessedOperation
        {
            OperationId = command.OperationId, CommandType = Fingerprint(command), InstanceId = result.InstanceId,
            UserId = command.Actor.UserId, Result = JsonSerializer.Serialize(result), At = Now(),
            InstanceVersion = target.Version, RequestFingerprint = RequestFingerprint.Of(command),
        });
        await database.SaveAtomicallyAsync(db, ct);
        _kept?.Keep(target);
        return new Attempt(result, true);
    }

    /// <summary>
    /// Writes the released claim of every timer the command moved, whatever the context took its claim to be: a
    /// project kept in memory, or loaded just before the scheduler claimed the timer, does not know of the claim, and
    /// a value that looks unchanged would not be written, leaving the moved timer claimed until the lease runs out.
    /// </summary>
    private static void ReleaseClaims(ApprovalDbContext db, List<Timers.DurableTimer> moved)
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

    private (CommandResult Result, List<Timers.DurableTimer> MovedTimers) Apply(ProjectInstance instance, Command command,
        AcceptanceContext acceptance, List<JournalEntry> journal)
    {
        // A timer of an ended project never gets here: ProjectTimers.Applies has turned it away.
        if (instance.IsEnded)
            throw new ConflictException($"The project has ended ({instance.Status}).");
        var definition = catalog.Get(instance.DefinitionId, instance.DefinitionVersion);
        var step = new StepContext(instance, definition, catalog, Deadlines, Now(), command.Actor,
            command.OperationId, journal) { Acceptance = acceptance };
        var dueBefore = instance.DueOn;

        Dispatch(step, command);
        Advance(step);
        SyncProjectClock(step, dueBefore);
        instance.Version++;
        return (ResultOf(step, command), step.MovedTimers);
    }

    private static void Dispatch(StepContext step, Command command)
    {
        var instance = step.Instance;
        switch (command)
        {
            case FireTimer fire:
                var timer = instance.Timers.Single(t => t.Id == fire.TimerId);
                timer.Status = Timers.TimerStatus.Fired;
                timer.FiredAt = step.Now;
                ProjectTimers.Fire(step, timer, Activities[step.Activity.Type]);
                break;
            case SupplyDeficiencies supply:
                ProjectTimers.Supply(step, supply);
                break;
            case AttachMaterialFile attach:
                HandedInMaterials.Attach(step, attach);
                break;
            case RecordPaperOriginals paper:
                HandedInMaterials.RecordPaper(step, paper);
                break;
            case RefreshDeadlines:
                ProjectTimers.Refresh(step);
                break;
            case DecideExtension decide:
                MatterClock.DecideExtension(step, instance.Extensions.Single(e => e.Id == decide.ExtensionId), decide);
                break;
            default:
                Activities[step.Activity.Type].Handle(step, command);
                break;
        }
    }

    /// <summary>Moves the flow on while activities complete (an activity may complete as soon as it is entered).</summary>
    private void Advance(StepContext step)
    {
        var instance = step.Instance;
        while (step.StepCompleted && !instance.IsEnded)
        {
            step.StepCompleted = false;
            if (step.Definition.NextAfter(instance.CurrentActivityId) is not { } next) break;
            instance.CurrentActivityId = next.Id;
            instance.StepStartedOn = step.Today;
            instance.StepDueOn = Deadlines.StepDue(instance, step.Today, next.BudgetWorkingDays, next.Id);
            step.Record(JournalEvents.StepStarted, reasons: $"{next.Name}：期限 {instance.StepDueOn:yyyy-MM-dd}", by: Actor.System);
            Activities[next.Type].Enter(step);
        }
    }

    /// <summary>Re-derives the project's and the step's deadlines and keeps the project deadline timer in step with them.</summary>
    private void SyncProjectClock(StepContext step, LocalDate? dueBefore)
    {
        var instance = step.Instance;
        if (instance.Status != InstanceStatus.Running) return;
        instance.DueOn = Deadlines.ProjectDue(instance);
        if (instance.StepStartedOn is { } started)
            instance.StepDueOn = Deadlines.StepDue(instance, started, step.Activity.BudgetWorkingDays, step.Activity.Id);
        var pending = instance.Timers.Any(t => t.Kind == Timers.TimerKind.ProjectDeadline && t.Status == Timers.TimerStatus.Pending);
        if (pending && dueBefore == instance.DueOn) return;
        step.CancelTimers(t => t.Kind == Timers.TimerKind.ProjectDeadline);
        step.Schedule(Timers.TimerKind.ProjectDeadline, Deadlines.EndOf(instance.DueOn!.Value));
    }

    /// <summary>
    /// The clock's reading to the microsecond, which is what PostgreSQL keeps of an instant: a project kept in memory
    /// (<see cref="AggregateCache"/>) then holds exactly the instants its rows hold.
    /// </summary>
    private Instant Now() => Instant.FromUnixTimeTicks(clock.GetCurrentInstant().ToUnixTimeTicks() / TicksPerMicrosecond * TicksPerMicrosecond);

    private const long TicksPerMicrosecond = NodaConstants.TicksPerMillisecond / 1000;

    private static CommandResult ResultOf(StepContext step, Command command) => new(
        step.Instance.Id, step.Instance.Status, step.Instance.CurrentActivityId, step.Instance.ProjectCode,
        step.Instance.QueryKey, TaskId: (command as TaskCommand)?.TaskId, ExtensionId: step.CreatedExtension?.Id,
        OpenedTasks: [.. step.OpenedTasks.Where(t => t.IsOpen).Distinct()
            .Select(t => new OpenedTask(t.Id, t.Kind, t.ActivityId, t.DepartmentId, t.MatterCode))]);

    /// <summary>The first answer, when the operation id comes again with the same request; otherwise the key was reused.</summary>
    private static CommandResult Replay(ProcessedOperation done, Command command)
    {
        if (done.CommandType != Fingerprint(command) || done.UserId != command.Actor.UserId ||
            (done.RequestFingerprint is { } first && first != RequestFingerprint.Of(command)))
            throw new IdempotencyKeyReusedException(done.OperationId);
        return JsonSerializer.Deserialize<CommandResult>(done.Result)! with { Replayed = true };
    }

    /// <summary>The command's kind and target: an operation id reused for another task or project is a conflict, not a replay.</summary>
    private static string Fingerprint(Command command) => command switch
    {
        InstanceCommand c => $"{c.GetType().Name}:{c.InstanceId:N}",
        TaskCommand c => $"{c.GetType().Name}:{c.TaskId:N}",
        DecideExtension c => $"{c.GetType().Name}:{c.ExtensionId:N}",
        FireTimer c => $"{c.GetType().Name}:{c.TimerId:N}",
        FileApplication c => $"{c.GetType().Name}:{c.DefinitionId}",
        _ => command.GetType().Name,
    };

    [LoggerMessage(LogLevel.Debug, "{Command} {OperationId} could not be saved from the kept project ({Reason}); loading it")]
    private static partial void LogKeptFailed(ILogger logger, string command, string operationId, string reason);

    [LoggerMessage(LogLevel.Debug, "Concurrency conflict on {Command} {OperationId}, attempt {Attempt}; retrying")]
    private static partial void LogConflict(ILogger logger, string command, string operationId, int attempt);
}
