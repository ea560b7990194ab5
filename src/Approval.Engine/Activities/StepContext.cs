using Approval.Engine.Calendar;
using Approval.Engine.Definitions;
using Approval.Engine.Journal;
using Approval.Engine.Runtime;
using Approval.Engine.Timers;
using NodaTime;

namespace Approval.Engine.Activities;

/// <summary>
/// What an activity sees and may change while a command runs: the instance, its definition and catalogue,
/// the calendar, the time, the actor — and helpers that keep tasks, timers and the journal consistent.
/// </summary>
public sealed class StepContext
{
    private readonly List<JournalEntry> _journal;

    internal StepContext(ProjectInstance instance, WorkflowDefinition definition, DefinitionCatalog catalog,
        Deadlines deadlines, Instant now, Actor actor, string operationId, List<JournalEntry> journal)
    {
        Instance = instance;
        Definition = definition;
        Catalog = catalog;
        Deadlines = deadlines;
        Now = now;
        Today = deadlines.Calendar.LocalDateOf(now);
        Actor = actor;
        OperationId = operationId;
        _journal = journal;
    }

    public ProjectInstance Instance { get; }
    public WorkflowDefinition Definition { get; }
    public DefinitionCatalog Catalog { get; }
    public Deadlines Deadlines { get; }
    public WorkingDayCalendar Calendar => Deadlines.Calendar;
    public Instant Now { get; }
    /// <summary>The local (Asia/Shanghai) date of <see cref="Now"/>.</summary>
    public LocalDate Today { get; }
    public Actor Actor { get; }
    public string OperationId { get; }
    public ActivityDefinition Activity => Definition.Activity(Instance.CurrentActivityId);

    /// <summary>Prepared by the engine before an acceptance (a locally issued code when the filing had none).</summary>
    public AcceptanceContext Acceptance { get; internal set; } = new(null);

    /// <summary>The service centre's settings (rating period, rectification limit, card thresholds …).</summary>
    public EngineOptions Options { get; internal init; } = new();

    /// <summary>The after-service rows (好差评, 督办) this command reads, and the ones it adds.</summary>
    public Service.ServiceRecords Records { get; internal init; } = new();

    /// <summary>The journal entries this command has written so far.</summary>
    internal IReadOnlyList<JournalEntry> Written => _journal;

    /// <summary>Set by an activity when it is done; the engine then moves the flow on.</summary>
    internal bool StepCompleted { get; set; }

    /// <summary>An extension request created by the command, reported in its result.</summary>
    public Extension? CreatedExtension { get; internal set; }

    /// <summary>Tasks opened or re-opened by this command, reported in its result.</summary>
    internal List<WorkTask> OpenedTasks { get; } = [];

    /// <summary>Timers this command re-armed in place, whose claims by the scheduler it releases.</summary>
    internal List<DurableTimer> MovedTimers { get; } = [];

    /// <summary>Tasks of the current activity.</summary>
    public IEnumerable<WorkTask> StepTasks => Instance.Tasks.Where(t => t.ActivityId == Instance.CurrentActivityId);

    /// <summary>Working days left in the current step from today (at least 1), the limit of a re-check after a correction.</summary>
    /// <remarks>From the step's deadline as its stops stand now: the stored one still counts a stop that just ended as
    /// lasting the days it was expected to.</remarks>
    public int StepDaysLeft() => Instance.StepStartedOn is { } started
        ? Math.Max(1, Calendar.WorkingDaysBetween(Today, Deadlines.StepDue(Instance, started, Activity.BudgetWorkingDays, Activity.Id)).Days)
        : 1;

    /// <summary>Marks the step done; the engine moves the flow on, so the entry is the system's, not the actor's who answered last.</summary>
    public void CompleteStep(string? reason = null)
    {
        Record(JournalEvents.StepCompleted, reasons: reason, by: Actor.System);
        StepCompleted = true;
    }

    /// <summary>Ends the project without completion (rejected, refused, terminated): open tasks and timers are cancelled.</summary>
    /// <param name="status">How it ended.</param>
    /// <param name="reason">Why, as the applicant reads it.</param>
    /// <param name="by">Who ended it: the acting user (a refusal), or <see cref="Runtime.Actor.System"/> when a rule of the definition did.</param>
    public void EndProject(InstanceStatus status, string reason, Actor? by = null)
    {
        foreach (var task in Instance.Tasks.Where(t => t.IsOpen || t.Status == Runtime.TaskStatus.Waiting))
        {
            task.Status = Runtime.TaskStatus.Cancelled;
        }
        CancelTimers(_ => true);
        Instance.Status = status;
        Instance.OutcomeReason = reason;
        Instance.EndedAt = Now;
        Instance.EndedOn = Today;
        Record(JournalEvents.ProjectEnded, status.ToString(), reason, by: by);
    }

    /// <summary>Opens a task of the current activity, with its deadline, follow-up date and timers (none when the limit is 0).</summary>
    public WorkTask OpenTask(TaskKind kind, string? departmentId, string? matterCode, string title, int limitWorkingDays,
        Runtime.TaskStatus status = Runtime.TaskStatus.Open)
    {
        var task = new WorkTask
        {
            Id = Guid.NewGuid(), InstanceId = Instance.Id, ActivityId = Instance.CurrentActivityId, Kind = kind,
            DepartmentId = departmentId, MatterCode = matterCode, Title = title, Status = status,
            LimitWorkingDays = limitWorkingDays,
        };
        Instance.Tasks.Add(task);
        if (status != Runtime.TaskStatus.Open) return task;
        if (limitWorkingDays > 0)
        {
            StartClock(task);
        }
        else
        {
            // The applicant's own tasks run no clock: their time is stopped time, not the department's.
            task.OpenedOn = Today;
            OpenedTasks.Add(task);
            Record(JournalEvents.TaskOpened, task: task, by: Actor.System);
        }
        return task;
    }

    /// <summary>Starts (or restarts after a correction) a task's clock from today.</summary>
    public void StartClock(WorkTask task)
    {
        task.Status = Runtime.TaskStatus.Open;
        task.OpenedOn = Today;
        RescheduleTask(task);
        OpenedTasks.Add(task);
        // The flow opens tasks (a step entered, a prerequisite approved, a correction answered): the system's entry.
        Record(JournalEvents.TaskOpened, task: task, by: Actor.System);
    }

    /// <summary>Re-derives a task's dates and re-arms its timer (after a stop, a resumption or an extension).</summary>
    public void RescheduleTask(WorkTask task)
    {
        Deadlines.Refresh(Instance, task);
        var pending = Instance.Timers.Where(t => t.TaskId == task.Id && t.Status == TimerStatus.Pending &&
            t.Kind is TimerKind.TaskWarning or TimerKind.TaskDeadline).ToList();
        // Tasks opened before timers were re-armed have two (warning and deadline): one is kept, the other goes.
        foreach (var extra in pending.Skip(task.Status == Runtime.TaskStatus.Open ? 1 : 0))
            extra.Status = TimerStatus.Cancelled;
        if (task.Status == Runtime.TaskStatus.Open) ArmTaskTimer(task, pending.FirstOrDefault());
    }

    /// <summary>
    /// Sets a task's one timer to its next occurrence: the follow-up date (预警) while that is ahead, else the deadline
    /// (超期). The same row is re-armed after the warning and moved when the dates move, so a task costs one timer
    /// however its life goes; <see cref="Runtime.Commands.FireTimer"/> carries the occurrence it fires.
    /// </summary>
    internal void ArmTaskTimer(WorkTask task, DurableTimer? timer)
    {
        var (kind, dueAt) = task.WarnOn is { } warn && warn <= task.DueOn && Deadlines.StartOf(warn) > Now
            ? (TimerKind.TaskWarning, Deadlines.StartOf(warn))
            : (TimerKind.TaskDeadline, Deadlines.EndOf(task.DueOn!.Value));
        if (timer is null)
        {
            Schedule(kind, dueAt, task);
            return;
        }
        timer.Kind = kind;
        timer.DueAt = dueAt;
        timer.Status = TimerStatus.Pending;
        timer.LeaseOwner = null;
        timer.LeaseExpiresAt = null;
        timer.Attempts = 0;
        MovedTimers.Add(timer);
    }

    /// <summary>Closes a task with its outcome; its timers are cancelled.</summary>
    public void CloseTask(WorkTask task, string outcome, string? comment = null, IEnumerable<string>? items = null)
    {
        task.Status = Runtime.TaskStatus.Done;
        task.Outcome = outcome;
        task.Comment = comment;
        if (items is not null) task.Items = items.ToList();
        task.DecidedAt = Now;
        task.DecidedBy = Actor.UserId;
        // The decision's days and lateness are stored with it, in the same save, for the statistics' GROUP BY.
        Supervision.TimeUsed.Store(task, Deadlines.Calendar);
        CancelTimers(t => t.TaskId == task.Id);
        Record(JournalEvents.TaskDecided, outcome, comment ?? (task.Items.Count > 0 ? string.Join("；", task.Items) : null), task);
    }

    public DurableTimer Schedule(TimerKind kind, Instant dueAt, WorkTask? task = null)
    {
        var timer = new DurableTimer
        {
            Id = Guid.NewGuid(), InstanceId = Instance.Id, TaskId = task?.Id, Kind = kind, DueAt = dueAt,
            Status = TimerStatus.Pending,
        };
        Instance.Timers.Add(timer);
        return timer;
    }

    public void CancelTimers(Func<DurableTimer, bool> which)
    {
        foreach (var timer in Instance.Timers.Where(t => t.Status == TimerStatus.Pending).Where(which))
            timer.Status = TimerStatus.Cancelled;
    }

    /// <summary>Appends to the project's journal, numbered in order, in the same transaction as the change.</summary>
    /// <param name="event">One of <see cref="JournalEvents"/>.</param>
    /// <param name="decision">The decision or outcome, if the event is one.</param>
    /// <param name="reasons">What a person reads about it: reasons, notice, names of materials.</param>
    /// <param name="task">The task it concerns; the entry is then at the task's department.</param>
    /// <param name="departmentId">The department it concerns when no task says so.</param>
    /// <param name="by">
    /// Who caused it, when not the command's actor: <see cref="Runtime.Actor.System"/> for what the engine derives (a
    /// step completed or started, tasks opened), or the department that asked for a correction that another's answer
    /// sent. The entry is at <paramref name="by"/>'s department only when no task or department is named.
    /// </param>
    public void Record(string @event, string? decision = null, string? reasons = null, WorkTask? task = null,
        string? departmentId = null, Actor? by = null)
    {
        var actor = by ?? Actor;
        _journal.Add(new JournalEntry
        {
            InstanceId = Instance.Id, Sequence = ++Instance.JournalCount, ProjectCode = Instance.ProjectCode,
            ActivityId = task?.ActivityId ?? Instance.CurrentActivityId,
            DepartmentId = task?.DepartmentId ?? departmentId ?? actor.DepartmentId, MatterCode = task?.MatterCode,
            TaskId = task?.Id, Event = @event, Decision = decision, Reasons = reasons, UserId = actor.UserId,
            ActorRole = actor.Role.ToString(), At = Now, WorkingDay = Today, OperationId = OperationId,
        });
    }

    /// <summary>The task a command names, which must belong to the current step and be open.</summary>
    /// <remarks>
    /// To an approver, another department's task is as unknown as one that does not exist (404, as when reading it),
    /// whatever its state: neither its department nor whether it is still open is told.
    /// </remarks>
    public WorkTask OpenTaskOf(Guid taskId)
    {
        var task = Instance.Tasks.FirstOrDefault(t => t.Id == taskId) ?? throw new NotFoundException($"Task {taskId}");
        if (Actor.Role == ActorRole.Approver && Actor.DepartmentId != task.DepartmentId) throw new NotFoundException($"Task {taskId}");
        if (task.ActivityId != Instance.CurrentActivityId || !task.IsOpen)
            throw new ConflictException($"Task {taskId} ({task.Title}) is no longer open: it is {task.Status}.");
        return task;
    }

    /// <summary>Refuses an approver acting on another department's task (PRODUCT.md: never act on another department's matter).</summary>
    public void RequireDepartment(WorkTask task)
    {
        if (Actor.Role == ActorRole.System) return;
        if (Actor.Role != ActorRole.Approver || Actor.DepartmentId != task.DepartmentId)
            throw new ForbiddenException($"Only an approver of department '{task.DepartmentId}' may act on this task.");
    }

    /// <summary>Refuses anyone but the applicant side (the investor or the agent who filed) for applicant tasks.</summary>
    public void RequireApplicant()
    {
        var ok = Actor.Role switch
        {
            ActorRole.Investor => Actor.UserId == Instance.InvestorId,
            ActorRole.Agent => Actor.UserId == Instance.AgentId,
            _ => false,
        };
        if (!ok) throw new ForbiddenException("Only the project's investor or its proxy agent may do this.");
    }

    public void RequireRole(params ActorRole[] roles)
    {
        if (Actor.Role != ActorRole.System && !roles.Contains(Actor.Role))
            throw new ForbiddenException($"This needs the role {string.Join(" or ", roles)}.");
    }
}
