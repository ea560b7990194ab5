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

using Approval.Engine.Telemetry;

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
    EngineTelemetry telemetry,
    ILogger<WorkflowEngine> logger)
{
    private static readonly Dictionary<ActivityType, IActivity> Activities = new IActivity[]
    {
        new OneWindowIntake(), new JointPreReview(), new CombinedSiteSurvey(), new ParallelApprovals(), new DeadlineCompletion(),
    }.ToDictionary(a => a.Type);

    private readonly ProjectStore _store = new(database, options, clock, calendars);

    public DefinitionCatalog Catalog => catalog;

    /// <summary>The one owner of the projects' rows, through which every command reads and saves.</summary>
    internal ProjectStore Store => _store;

    /// <summary>The projects kept in memory for their next command (<see cref="EngineOptions.AggregateCacheSize"/>); null when off.</summary>
    internal AggregateCache? Kept => _store.Kept;

    /// <summary>The deadline rules of the national calendar (regional overlays are chosen per deployment).</summary>
    public Deadlines Deadlines { get; } = new(calendars, options);

    public async Task<CommandResult> ExecuteAsync(Command command, CancellationToken ct = default)
    {
        using var span = EngineTelemetry.StartCommand(command);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            var result = await ExecuteOnceAsync(command, ct);
            telemetry.CommandEnded(command, span, null, System.Diagnostics.Stopwatch.GetElapsedTime(started));
            return result;
        }
        catch (Exception ex)
        {
            telemetry.CommandEnded(command, span, ex, System.Diagnostics.Stopwatch.GetElapsedTime(started));
            throw;
        }
    }

    /// <summary>The command run once for its caller: on the kept project when it can, else loaded, with conflicts retried.</summary>
    private async Task<CommandResult> ExecuteOnceAsync(Command command, CancellationToken ct)
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
                telemetry.ConflictRetried(command);
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
        if (Kept is not { } kept || command is FireTimer) return null;
        var key = KeyOf(command);
        if (key is { } k && !kept.Holds(k)) return null;
        ProjectInstance? instance = null;
        try
        {
            await using var session = await _store.OpenAsync(ct);
            if (key is { } held && (instance = session.TakeKept(held)) is null) return null;
            var attempt = await AttemptAsync(session, command, instance, new AcceptancePreparation(), ct);
            if (attempt.Saved)
            {
                kept.CountSaved();
                telemetry.KeptProject(hit: true);
                return attempt.Result;
            }
            kept.FellBack(instance?.Id);
            telemetry.KeptProject(hit: false);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogKeptFailed(logger, command.GetType().Name, command.OperationId, ex.GetType().Name);
            kept.FellBack(instance?.Id);
            telemetry.KeptProject(hit: false);
            return null;
        }
    }

    /// <remarks>
    /// Two round trips on PostgreSQL: the load, then the save, which needs no BEGIN/COMMIT (see
    /// <see cref="ProjectStore.SaveAtomicallyAsync"/>). Nothing holds a lock between them: a command that started
    /// from a version another command has since moved on from fails at the save on the operations' unique
    /// (instance, version) index, or on the instance's version check, and is retried from a fresh load.
    /// </remarks>
    /// <returns>Null when an acceptance must first have its given project code verified (<see cref="VerifyAsync"/>).</returns>
    private async Task<CommandResult?> TryExecuteAsync(Command command, AcceptancePreparation prepared, CancellationToken ct)
    {
        await using var session = await _store.OpenAsync(ct);
        var (done, instance) = await session.LoadAsync(command.OperationId, KeyOf(command), ct);
        if (done is not null) return Replay(done, command);
        return (await AttemptAsync(session, command, instance, prepared, ct)).Result;
    }

    /// <summary>What an attempt came to: the result (null when it stopped for a verification), and whether it saved.</summary>
    private readonly record struct Attempt(CommandResult? Result, bool Saved);

    /// <summary>Applies the command to the project of <paramref name="session"/> (none for a filing) and saves, all or nothing.</summary>
    private async Task<Attempt> AttemptAsync(ProjectSession session, Command command, ProjectInstance? instance,
        AcceptancePreparation prepared, CancellationToken ct)
    {
        var journal = new List<JournalEntry>();
        CommandResult result;
        ProjectInstance target;
        List<Timers.DurableTimer> moved = [];
        Service.ServiceRecords? records = null;
        try
        {
            if (command is FileApplication file)
            {
                (result, target) = await FileAsync(session, file, journal, ct);
            }
            else
            {
                target = instance ?? throw NotFound(command);
                // A firing that no longer applies (applied already, moved since its claim) saves nothing: recording it
                // would make its operation id a replay when the occurrence does come due.
                if (command is FireTimer fire && !ProjectTimers.Applies(target, fire, Now()))
                    return new Attempt(new CommandResult(target.Id, target.Status, target.CurrentActivityId, target.ProjectCode, target.QueryKey), false);
                if (!PrepareAcceptance(session, command, target, prepared, out var acceptance)) return default;
                records = await Service.ServiceRecords.LoadAsync(session.Db, command, target.Id, ct);
                (result, moved) = Apply(target, command, acceptance, records, journal);
            }
        }
        catch (ConflictException)
        {
            // A retry of this very operation may have committed after we looked: then the answer is its result.
            var committed = await session.FindOperationAsync(command.OperationId, ct);
            if (committed is not null) return new Attempt(Replay(committed, command), false);
            throw;
        }
        // An uploaded file's record is written with the project's change, so that a file is never there unticked.
        if (command is AttachMaterialFile attached) session.Db.MaterialFiles.Add(attached.File);
        // Ratings, 督办 and cards the command recorded are saved with it, all or nothing.
        if (records is not null) session.Db.AddRange(records.Added);
        var operation = new ProcessedOperation
        {
            OperationId = command.OperationId, CommandType = Fingerprint(command), UserId = command.Actor.UserId,
            Result = JsonSerializer.Serialize(result), At = Now(), RequestFingerprint = RequestFingerprint.Of(command),
        };
        await session.SaveAsync(target, journal, operation, moved, ct);
        return new Attempt(result, true);
    }

    private (CommandResult Result, List<Timers.DurableTimer> MovedTimers) Apply(ProjectInstance instance, Command command,
        AcceptanceContext acceptance, Service.ServiceRecords records, List<JournalEntry> journal)
    {
        // A timer of an ended project never gets here: ProjectTimers.Applies has turned it away. A correction of what
        // was recorded is the one change an ended project still takes.
        // A completed project still takes its commitments' verifications (事后核查) and their timers.
        if (instance.Simulation == SimulationState.Expired && command is ConvertSimulation)
            throw new ConflictException(Simulations.ExpiredMessage(instance));
        if (instance.IsEnded && command is not CorrectProject && !Service.AfterService.Takes(instance, command))
            throw new ConflictException($"The project has ended ({instance.Status}).");
        var definition = catalog.Get(instance.DefinitionId, instance.DefinitionVersion);
        var step = new StepContext(instance, definition, catalog, Deadlines, Now(), command.Actor,
            command.OperationId, journal) { Acceptance = acceptance, Options = options, Records = records };
        var dueBefore = instance.DueOn;

        Dispatch(step, command);
        Advance(step);
        Service.Ratings.Invite(step);
        SyncProjectClock(step, dueBefore);
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
            case CorrectProject correct:
                Correct(step, correct);
                break;
            case VerifyCommitment verify:
                Commitments.Verify(step, verify);
                break;
            case ConvertSimulation convert:
                Simulations.Convert(step, convert);
                break;
            case RateService rate:
                Service.Ratings.Rate(step, rate);
                break;
            case CloseRectification rectified:
                Service.Ratings.CloseRectification(step, rectified);
                break;
            case IssueEscalation issue:
                Service.Escalations.Issue(step, issue);
                break;
            case ReplyToEscalation reply:
                Service.Escalations.Reply(step, reply);
                break;
            case CloseEscalation close:
                Service.Escalations.Close(step, close);
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
        // A simulation (模拟审批) has no formal deadline to watch yet: its expiry timer watches it; the conversion starts the clock.
        if (Simulations.IsSimulating(instance))
        {
            step.CancelTimers(t => t.Kind == Timers.TimerKind.ProjectDeadline);
            return;
        }
        var pending = instance.Timers.Any(t => t.Kind == Timers.TimerKind.ProjectDeadline && t.Status == Timers.TimerStatus.Pending);
        if (pending && dueBefore == instance.DueOn) return;
        step.CancelTimers(t => t.Kind == Timers.TimerKind.ProjectDeadline);
        // A deadline that has passed and not moved has had its timer (it just fired, or was cancelled): scheduled anew
        // it would be due at once and fire, journalling 超过办结期限, over and over. A deadline that moves (an
        // extension, a clock stop) is watched afresh, even when it moved to a day already past.
        var dueAt = Deadlines.EndOf(instance.DueOn!.Value);
        if (dueBefore == instance.DueOn && dueAt <= Now()) return;
        step.Schedule(Timers.TimerKind.ProjectDeadline, dueAt);
    }

    /// <summary>The time as the store keeps it (<see cref="ProjectStore.Now"/>).</summary>
    private Instant Now() => _store.Now();

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
