using System.Linq.Expressions;
using Approval.Engine.Persistence;
using Approval.Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Approval.Engine.Supervision;

/// <summary>
/// The lists that grow with the data — a department's to-do (待办), supervision's open work and running projects
/// (电子监察), the window's queue (待受理), an applicant's projects — filtered, sorted and paged (keyset) in SQL, and
/// the department boards counted by light with one <c>GROUP BY</c>.
/// </summary>
/// <remarks>
/// Lights are conditions on stored dates: the days that decide them are computed once from today with the calendar
/// (<see cref="LightPolicy.BoundsAt"/>), so "red only" is a <c>WHERE</c>. Task rows come with only their project's code
/// and name, never the whole project. Visibility is the same as <see cref="ProjectReader"/>'s.
/// </remarks>
public sealed class ListReader(ApprovalDatabase database, AgentAuthorizations authorizations, LightPolicy lights, IClock clock,
    Calendar.IWorkingDayCalendars calendars)
{
    private const string DepartmentList = "dept";
    private const string WorkList = "work";
    private const string ProjectList = "running";
    private const string QueueList = "queue";
    private const string MineList = "mine";
    private const string ExtensionList = "extensions";

    /// <summary>The light bounds of this instant (today, the last overdue day …).</summary>
    public LightBounds Bounds() => lights.BoundsAt(clock.GetCurrentInstant());

    /// <summary>
    /// Department work: open or stopped tasks of a department (not the applicant's own corrections), soonest due first
    /// (then by id), of one department, kind, light and due state when given; with the total when asked for.
    /// A department's to-do lists all its open tasks; supervision (<c>runningOnly</c>) those of running projects.
    /// </summary>
    public async Task<Page<TaskRow>> OpenTasksAsync(TaskQuery query, PageRequest page, bool runningOnly = false, bool counted = false,
        CancellationToken ct = default)
    {
        var bounds = Bounds();
        // Generic plans: planning this statement afresh each call cost as much as running it (ApprovalDatabase.PagePlanSettings).
        await using var db = database.CreatePageContext();
        var list = query.DepartmentId is null ? WorkList : DepartmentList + query.DepartmentId;
        // The total is summed from the tally of open work, not counted from the tasks: a few hundred rows, not the backlog.
        var total = counted ? await Filtered(OpenWorkTallies(db, runningOnly), query, bounds).SumAsync(t => t.Count, ct) : (int?)null;
        var (afterDue, afterId, undatedOnly) = ((LocalDate?)null, Guid.Empty, false);
        if (page.After is { } after)
        {
            var keys = Cursor.Decode(list, after, 2);
            (afterDue, afterId) = (Cursor.DateOf(keys[0]), Cursor.GuidOf(keys[1]));
            undatedOnly = afterDue is null;
        }

        // Tasks with a deadline first, soonest due, then those without, by id. Read in two parts so that each is a range
        // of the (department,) due, id index: "due after the cursor or undated" in one condition is no index range, and
        // the planner then walks the list from its start (1.3 s for a department's near-due tasks at a million projects).
        var read = new List<TaskRow>();
        if (!undatedOnly)
        {
            var dated = WithProject(db, Filtered(OpenWork(db), query, bounds, dated: true), runningOnly);
            if (afterDue is { } due)
                dated = dated.Where(r => r.Task.DueOn >= due && (r.Task.DueOn > due || r.Task.Id.CompareTo(afterId) > 0));
            // Counts computed before the query: a computed value in the tree is compiled to be evaluated on every call.
            var take = page.Size + 1;
            read.AddRange(await dated.OrderBy(r => r.Task.DueOn).ThenBy(r => r.Task.Id).Take(take)
                .Select(r => new TaskRow(r.Task, r.ProjectCode, r.ProjectName, r.Simulation)).ToListAsync(ct));
        }
        if (read.Count <= page.Size)
        {
            var undated = WithProject(db, Filtered(OpenWork(db), query, bounds, dated: false), runningOnly);
            if (undatedOnly) undated = undated.Where(r => r.Task.Id.CompareTo(afterId) > 0);
            var take = page.Size + 1 - read.Count;
            read.AddRange(await undated.OrderBy(r => r.Task.Id).Take(take)
                .Select(r => new TaskRow(r.Task, r.ProjectCode, r.ProjectName, r.Simulation)).ToListAsync(ct));
        }
        return Page<TaskRow>.From(read, page.Size, r => Cursor.Encode(list, Cursor.Of(r.Task.DueOn), Cursor.Of(r.Task.Id)), total);
    }

    // Open tasks with what a list shows of their project, of running projects only when asked.
    private static IQueryable<OpenTaskRow> WithProject(ApprovalDbContext db, IQueryable<WorkTask> tasks, bool runningOnly) =>
        from t in tasks
        join i in db.Instances on t.InstanceId equals i.Id
        where !runningOnly || i.Status == InstanceStatus.Running
        select new OpenTaskRow { Task = t, ProjectCode = i.ProjectCode, ProjectName = i.ProjectName, Simulation = i.Simulation };

    private sealed class OpenTaskRow
    {
        public required WorkTask Task { get; init; }
        public string? ProjectCode { get; init; }
        public required string ProjectName { get; init; }
        public SimulationState Simulation { get; init; }
    }

    /// <summary>
    /// One open task of a department with its project row and the project's clock stops (what the project's summary
    /// needs), in one query; null when there is none (another department's, a decided one, an unknown id).
    /// </summary>
    public async Task<(WorkTask Task, ProjectInstance Project)?> OpenTaskWithProjectAsync(string departmentId, Guid id, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var row = await (from t in OpenWork(db)
                         where t.Id == id && t.DepartmentId == departmentId
                         join i in db.Instances.AsNoTracking() on t.InstanceId equals i.Id
                         select new { Task = t, Project = i, Stops = db.ClockStops.AsNoTracking().Where(s => s.InstanceId == i.Id).ToList() })
            .AsSingleQuery().FirstOrDefaultAsync(ct);
        if (row is null) return null;
        row.Project.ClockStops = row.Stops;
        return (row.Task, row.Project);
    }

    /// <summary>
    /// Open department work of running projects counted per department by light, overdue (超期) and near due (临期),
    /// summed from the tally of open work (<see cref="OpenWorkTally"/>) in one <c>GROUP BY</c>; only the departments
    /// that have any, or the one asked for.
    /// </summary>
    /// <param name="departmentId">One department, or null for all.</param>
    /// <param name="runningOnly">Only tasks of running projects (supervision); a department's to-do counts all its open tasks.</param>
    /// <param name="ct">Cancels the query.</param>
    public async Task<Dictionary<string, WorkCounts>> CountsByDepartmentAsync(string? departmentId, bool runningOnly = true, CancellationToken ct = default)
    {
        var b = Bounds();
        var (red, yellowDue, yellowWarn, overdue, today) = (b.RedThrough, b.YellowDueThrough, b.YellowWarnThrough, b.LastOverdue, b.Today);
        await using var db = database.CreateContext();
        var tallies = OpenWorkTallies(db, runningOnly).Where(t => departmentId == null || t.DepartmentId == departmentId);
        // The same conditions as LightBounds.OfTask and Statistics.IsOverdue / IsNearDue, written on the columns.
        var counts = await tallies.GroupBy(t => t.DepartmentId).Select(g => new
        {
            g.Key,
            Open = g.Sum(t => t.Count),
            Red = g.Sum(t => t.DueOn != null && t.DueOn <= red ? t.Count : 0),
            Yellow = g.Sum(t => t.DueOn != null && t.DueOn > red && (t.DueOn <= yellowDue || (t.WarnOn != null && t.WarnOn <= yellowWarn)) ? t.Count : 0),
            YellowNotOverdue = g.Sum(t => t.DueOn != null && t.DueOn > overdue
                && (t.DueOn <= yellowDue || (t.WarnOn != null && t.WarnOn <= yellowWarn)) ? t.Count : 0),
            Overdue = g.Sum(t => t.DueOn != null && t.DueOn <= overdue ? t.Count : 0),
            NearDue = g.Sum(t => (t.DueOn == null || t.DueOn > overdue) && t.WarnOn != null && t.WarnOn <= today ? t.Count : 0),
        }).ToListAsync(ct);
        return counts.Where(c => c.Open != 0).ToDictionary(c => c.Key,
            c => new WorkCounts(c.Open, c.Open - c.Red - c.Yellow, c.Yellow, c.Red, c.Overdue, c.NearDue, c.YellowNotOverdue));
    }

    /// <summary>
    /// Running projects (电子监察), soonest deadline first (then by id), of one definition and light when given, each
    /// with its tasks and clock stops (what its view needs), at most a page of them.
    /// </summary>
    /// <remarks>
    /// Red, and every light under the overdue-and-escalated convention, are conditions on the deadline. A project's
    /// nearness under the near-deadline convention also counts its stopped days (and, when configured, the share of
    /// time used), so the query narrows by the deadline and by "has a stop ahead", and the policy decides the few rows
    /// where the stops could change it.
    /// </remarks>
    /// <param name="definitionId">One definition, or null for all.</param>
    /// <param name="light">One light, or null for all.</param>
    /// <param name="page">The page asked for.</param>
    /// <param name="ct">Cancels the query.</param>
    /// <param name="simulation">Only projects in this simulation state (模拟审批), or null for all.</param>
    public async Task<Page<ProjectInstance>> RunningProjectsAsync(string? definitionId, Light? light, PageRequest page,
        CancellationToken ct = default, SimulationState? simulation = null)
    {
        await using var db = database.CreateContext();
        var query = db.Instances.AsNoTracking().Where(i => i.Status == InstanceStatus.Running);
        if (definitionId is not null) query = query.Where(i => i.DefinitionId == definitionId);
        if (simulation is { } state) query = query.Where(i => i.Simulation == state);
        query = WhereLight(db, query, light, Bounds());
        if (page.After is { } after)
        {
            var keys = Cursor.Decode(ProjectList, after, 2);
            var (due, id) = (Cursor.DateOf(keys[0]), Cursor.GuidOf(keys[1]));
            query = due is null
                ? query.Where(i => i.DueOn == null && i.Id.CompareTo(id) > 0)
                : query.Where(i => i.DueOn == null || i.DueOn > due || (i.DueOn == due && i.Id.CompareTo(id) > 0));
        }
        var ids = SoonestDueFirst(query, i => i.DueOn, i => i.Id).Select(i => i.Id);
        return Page<ProjectInstance>.From(await ReadAsync(db, ids, light, page.Size, ct), page.Size,
            p => Cursor.Encode(ProjectList, Cursor.Of(p.DueOn), Cursor.Of(p.Id)));
    }

    /// <summary>Filings waiting for the window (待受理), oldest first (then by id), with how many there are.</summary>
    public async Task<Page<ProjectInstance>> IntakeQueueAsync(PageRequest page, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var query = db.Instances.AsNoTracking().Where(i => i.Status == InstanceStatus.Filed);
        // Summed from the projects' tally rather than counted: the queue may hold a hundred thousand filings.
        var total = await db.ProjectTallies.AsNoTracking().Where(t => t.Status == InstanceStatus.Filed).SumAsync(t => t.Count, ct);
        if (page.After is { } after)
        {
            var keys = Cursor.Decode(QueueList, after, 2);
            var (at, id) = (Cursor.InstantOf(keys[0]), Cursor.GuidOf(keys[1]));
            // The first condition is implied by the second; it makes the cursor an index range (an OR alone is a filter).
            query = query.Where(i => i.FiledAt >= at && (i.FiledAt > at || i.Id.CompareTo(id) > 0));
        }
        var read = await query.OrderBy(i => i.FiledAt).ThenBy(i => i.Id).Take(page.Size + 1).ToListAsync(ct);
        return Page<ProjectInstance>.From(read, page.Size, p => Cursor.Encode(QueueList, Cursor.Of(p.FiledAt), Cursor.Of(p.Id)), total);
    }

    /// <summary>
    /// Extension requests (延期申请) waiting for a supervisor, oldest request first (then by id), with how many there
    /// are: one query for the page's requests joined to their task and project (only the columns a request's view
    /// and <see cref="Deadlines.EffectOfExtension(ProjectInstance, WorkTask, int, int)"/> read, with the step's longest
    /// approved extension) and one for the clock stops of the page's projects, never a whole project per request.
    /// </summary>
    public async Task<Page<PendingExtensionRow>> PendingExtensionsAsync(PageRequest page, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var pending = db.Extensions.AsNoTracking().Where(e => e.Status == ExtensionStatus.Pending);
        var total = await pending.CountAsync(ct);
        if (page.After is { } after)
        {
            var keys = Cursor.Decode(ExtensionList, after, 2);
            var (at, id) = (Cursor.InstantOf(keys[0]), Cursor.GuidOf(keys[1]));
            // The ">=" alone is a range the index starts from; the OR is only a filter (without it a deep page read the
            // index from the first pending request: 2,000 rows skipped at 100 k projects).
            pending = pending.Where(e => e.RequestedAt >= at && (e.RequestedAt > at || e.Id.CompareTo(id) > 0));
        }
        var read = await (from e in pending.OrderBy(e => e.RequestedAt).ThenBy(e => e.Id).Take(page.Size + 1)
                          join t in db.Tasks on e.TaskId equals t.Id
                          join i in db.Instances on e.InstanceId equals i.Id
                          orderby e.RequestedAt, e.Id
                          select new
                          {
                              Extension = e,
                              Task = new WorkTask
                              {
                                  Id = t.Id, InstanceId = t.InstanceId, ActivityId = t.ActivityId, Kind = t.Kind, DepartmentId = t.DepartmentId,
                                  MatterCode = t.MatterCode, Title = t.Title, Status = t.Status, Round = t.Round, OpenedOn = t.OpenedOn,
                                  LimitWorkingDays = t.LimitWorkingDays, ExtensionWorkingDays = t.ExtensionWorkingDays, DueOn = t.DueOn, WarnOn = t.WarnOn,
                              },
                              Project = new ProjectInstance
                              {
                                  Id = i.Id, DefinitionId = i.DefinitionId, DefinitionVersion = i.DefinitionVersion, ProjectCode = i.ProjectCode,
                                  ProjectName = i.ProjectName, Status = i.Status, CurrentActivityId = i.CurrentActivityId, Simulation = i.Simulation,
                                  AcceptedOn = i.AcceptedOn, ConvertedOn = i.ConvertedOn, TargetWorkingDays = i.TargetWorkingDays,
                                  ExtensionWorkingDays = i.ExtensionWorkingDays, DueOn = i.DueOn,
                              },
                              StepExtension = db.Tasks.Where(s => s.InstanceId == t.InstanceId && s.ActivityId == t.ActivityId).Max(s => s.ExtensionWorkingDays),
                          }).ToListAsync(ct);
        var projectIds = read.Select(r => r.Project.Id).Distinct().ToList();
        var stops = (projectIds.Count == 0 ? []
            : await db.ClockStops.AsNoTracking().Where(s => projectIds.Contains(s.InstanceId)).ToListAsync(ct)).ToLookup(s => s.InstanceId);
        var rows = read.Select(r =>
        {
            r.Project.ClockStops = stops[r.Project.Id].ToList();
            return new PendingExtensionRow(r.Extension, r.Task, r.Project, r.StepExtension);
        }).ToList();
        return Page<PendingExtensionRow>.From(rows, page.Size,
            r => Cursor.Encode(ExtensionList, Cursor.Of(r.Extension.RequestedAt), Cursor.Of(r.Extension.Id)), total);
    }

    /// <summary>
    /// The projects an applicant follows (an investor's own; an agent's principals' whose authorisation is valid
    /// today), newest filing first (then by id), with their tasks and clock stops, and how many there are.
    /// </summary>
    /// <param name="actor">The investor or agent.</param>
    /// <param name="page">Which page.</param>
    /// <param name="light">Only running projects of this light.</param>
    /// <param name="activityIds">Only projects standing at one of these steps.</param>
    /// <param name="ct">Cancels the query.</param>
    public async Task<Page<ProjectInstance>> ForApplicantAsync(Actor actor, PageRequest page, CancellationToken ct = default,
        Light? light = null, IReadOnlyCollection<string>? activityIds = null)
    {
        await using var db = database.CreateContext();
        IQueryable<ProjectInstance> query;
        if (actor.Role == ActorRole.Investor) query = db.Instances.AsNoTracking().Where(i => i.InvestorId == actor.UserId);
        else if (actor.Role == ActorRole.Agent)
        {
            var principals = await authorizations.InvestorsOfAsync(actor.UserId, calendars.National.LocalDateOf(clock.GetCurrentInstant()), ct);
            query = db.Instances.AsNoTracking().Where(i => principals.Contains(i.InvestorId));
        }
        else return new Page<ProjectInstance>([], null, 0);
        if (activityIds is not null) query = query.Where(i => activityIds.Contains(i.CurrentActivityId));
        if (light is not null) query = WhereLight(db, query.Where(i => i.Status == InstanceStatus.Running), light, Bounds());
        // With a light the count would need every project's stops: the total is given without one.
        var total = light is null ? await query.CountAsync(ct) : (int?)null;
        if (page.After is { } after)
        {
            var keys = Cursor.Decode(MineList, after, 2);
            var (at, id) = (Cursor.InstantOf(keys[0]), Cursor.GuidOf(keys[1]));
            query = query.Where(i => i.FiledAt <= at && (i.FiledAt < at || i.Id.CompareTo(id) < 0));
        }
        var ids = query.OrderByDescending(i => i.FiledAt).ThenByDescending(i => i.Id).Select(i => i.Id);
        return Page<ProjectInstance>.From(await ReadAsync(db, ids, light, page.Size, ct), page.Size,
            p => Cursor.Encode(MineList, Cursor.Of(p.FiledAt), Cursor.Of(p.Id)), total);
    }

    /// <summary>
    /// Running projects of a light, as far as the deadline decides it: red, and every light under the
    /// overdue-and-escalated convention, exactly; under the near-deadline convention the rows whose stops (or a share
    /// rule) could make them near are kept for <see cref="ReadAsync"/> to decide.
    /// </summary>
    private static IQueryable<ProjectInstance> WhereLight(ApprovalDbContext db, IQueryable<ProjectInstance> query, Light? light, LightBounds b)
    {
        var (red, yellowDue, today, nearBefore) = (b.RedThrough, b.YellowDueThrough, b.Today, b.ProjectYellowDueBefore);
        var byDue = !b.ProjectNearNeedsRows;
        return light switch
        {
            Light.Red => query.Where(i => i.DueOn != null && i.DueOn <= red),
            Light.Yellow => query.Where(i => i.DueOn != null && i.DueOn > red && (!byDue || i.DueOn <= yellowDue || i.DueOn < nearBefore
                || db.ClockStops.Any(s => s.InstanceId == i.Id && (s.ResumesOn == null || s.ResumesOn > today)))),
            Light.Green => query.Where(i => i.DueOn == null || (i.DueOn > red && i.DueOn > yellowDue && (!byDue || i.DueOn >= nearBefore
                || db.ClockStops.Any(s => s.InstanceId == i.Id && (s.ResumesOn == null || s.ResumesOn > today))))),
            _ => query,
        };
    }

    /// <summary>
    /// One more than a page of projects from ordered ids, with their tasks and stops; with a light, only those the
    /// policy gives it, reading on in batches until the page is full (rarely more than one batch).
    /// </summary>
    private async Task<List<ProjectInstance>> ReadAsync(ApprovalDbContext db, IQueryable<Guid> orderedIds, Light? light, int size, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var found = new List<ProjectInstance>();
        for (var skip = 0; ; skip += size + 1)
        {
            var ids = await orderedIds.Skip(skip).Take(size + 1).ToListAsync(ct);
            var batch = await WithChildren(db, ids, ct);
            found.AddRange(light is null ? batch : batch.Where(p => lights.Of(now, p) == light));
            if (found.Count > size || ids.Count <= size) return found;
        }
    }

    /// <summary>Soonest due first, rows without a deadline last, then by id: the order of the lists' keyset.</summary>
    /// <remarks>
    /// PostgreSQL already sorts NULL last in ascending order, as its indexes on (…, DueOn, Id) hold the rows, so there
    /// the order is the plain columns and a page is read in index order (with <c>(DueOn IS NULL)</c> first, the planner
    /// sorted a department's whole open work for every page: 350 ms instead of 1 ms at 30,000 open tasks).
    /// SQLite sorts NULL first, so there the undated rows are put last by the expression.
    /// </remarks>
    private IOrderedQueryable<T> SoonestDueFirst<T>(IQueryable<T> rows, Expression<Func<T, LocalDate?>> due, Expression<Func<T, Guid>> id)
    {
        if (database.Provider == DatabaseProvider.Postgres) return rows.OrderBy(due).ThenBy(id);
        var undated = Expression.Lambda<Func<T, bool>>(Expression.Equal(due.Body, Expression.Constant(null, typeof(LocalDate?))), due.Parameters);
        return rows.OrderBy(undated).ThenBy(due).ThenBy(id);
    }

    private static IQueryable<WorkTask> OpenWork(ApprovalDbContext db) => db.Tasks.AsNoTracking().Where(TallyRules.OpenWork);

    // Open work of every project, or of running ones (in simulation or not), as the tally counts it.
    private static IQueryable<OpenWorkTally> OpenWorkTallies(ApprovalDbContext db, bool runningOnly) =>
        runningOnly
            ? db.OpenWorkTallies.AsNoTracking().Where(t => t.Phase == ProjectPhase.Running || t.Phase == ProjectPhase.Simulating)
            : db.OpenWorkTallies.AsNoTracking();

    // One filter for open tasks and their tally: the columns a light and a due state are decided by. With `dated`, only
    // the tasks with a deadline (true) or without (false), each condition written without the other's alternative, so
    // that a due-day bound is an index range.
    private static IQueryable<T> Filtered<T>(IQueryable<T> tasks, TaskQuery query, LightBounds b, bool? dated = null)
        where T : class, IOpenWorkDates
    {
        var (red, yellowDue, yellowWarn, overdue, today) = (b.RedThrough, b.YellowDueThrough, b.YellowWarnThrough, b.LastOverdue, b.Today);
        if (query.DepartmentId is { } department) tasks = tasks.Where(t => t.DepartmentId == department);
        if (query.Kind is { } kind) tasks = tasks.Where(t => t.Kind == kind);
        if (dated == false)
        {
            // Without a deadline a task is green and never overdue; it is near due by its follow-up day alone.
            tasks = tasks.Where(t => t.DueOn == null);
            return query.Light is Light.Red or Light.Yellow || query.Due == DueState.Overdue ? tasks.Where(t => false)
                : query.Due == DueState.NearDue ? tasks.Where(t => t.WarnOn != null && t.WarnOn <= today)
                : tasks;
        }
        if (dated == true) tasks = tasks.Where(t => t.DueOn != null);
        var undatedToo = dated is null;
        tasks = query.Light switch
        {
            Light.Red => tasks.Where(t => t.DueOn != null && t.DueOn <= red),
            Light.Yellow => tasks.Where(t => t.DueOn != null && t.DueOn > red && (t.DueOn <= yellowDue || (t.WarnOn != null && t.WarnOn <= yellowWarn))),
            Light.Green => undatedToo
                ? tasks.Where(t => t.DueOn == null || (t.DueOn > red && t.DueOn > yellowDue && (t.WarnOn == null || t.WarnOn > yellowWarn)))
                : tasks.Where(t => t.DueOn > red && t.DueOn > yellowDue && (t.WarnOn == null || t.WarnOn > yellowWarn)),
            _ => tasks,
        };
        return query.Due switch
        {
            DueState.Overdue => tasks.Where(t => t.DueOn != null && t.DueOn <= overdue),
            DueState.NotOverdue => undatedToo ? tasks.Where(t => t.DueOn == null || t.DueOn > overdue) : tasks.Where(t => t.DueOn > overdue),
            DueState.NearDue => undatedToo
                ? tasks.Where(t => (t.DueOn == null || t.DueOn > overdue) && t.WarnOn != null && t.WarnOn <= today)
                : tasks.Where(t => t.DueOn > overdue && t.WarnOn != null && t.WarnOn <= today),
            _ => tasks,
        };
    }

    // The page's projects with what their views need, in the order of the ids.
    private static async Task<List<ProjectInstance>> WithChildren(ApprovalDbContext db, List<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var rows = await db.Instances.AsNoTracking().Include(i => i.Tasks).Include(i => i.ClockStops).AsSplitQuery()
            .Where(i => ids.Contains(i.Id)).ToListAsync(ct);
        var byId = rows.ToDictionary(i => i.Id);
        return ids.Select(id => byId[id]).ToList();
    }
}

/// <summary>An open task with its project's code and name (what a list shows of the project).</summary>
/// <param name="Task">The open task.</param>
/// <param name="ProjectCode">Its project's code.</param>
/// <param name="ProjectName">Its project's name.</param>
/// <param name="Simulation">Whether its project runs as a simulated approval (模拟审批).</param>
public sealed record TaskRow(WorkTask Task, string? ProjectCode, string ProjectName, SimulationState Simulation = SimulationState.None);

/// <summary>
/// A pending extension request with its task and project as far as the list reads them: the task's title, department,
/// matter, status and dates; the project's code, name, status, simulation, deadline and what it is counted from, and
/// its clock stops. The project's tasks are not read: <paramref name="StepExtensionWorkingDays"/> stands for them in
/// <see cref="Deadlines.EffectOfExtension(ProjectInstance, WorkTask, int, int)"/>.
/// </summary>
/// <param name="Extension">The request.</param>
/// <param name="Task">The task it would extend (its listed columns only).</param>
/// <param name="Project">The task's project (its listed columns and clock stops only; no tasks).</param>
/// <param name="StepExtensionWorkingDays">The longest extension already approved in the task's step (the step's own extension).</param>
public sealed record PendingExtensionRow(Extension Extension, WorkTask Task, ProjectInstance Project, int StepExtensionWorkingDays);

/// <summary>Which open department work to list; null means "any".</summary>
public sealed record TaskQuery(string? DepartmentId = null, TaskKind? Kind = null, Light? Light = null, DueState? Due = null);

/// <summary>Where an open task stands against its deadline day, whatever colour the convention gives it.</summary>
public enum DueState
{
    /// <summary>Its deadline day is over (超期).</summary>
    Overdue,
    /// <summary>Not yet overdue.</summary>
    NotOverdue,
    /// <summary>Not yet overdue, and on or after its follow-up date (临期).</summary>
    NearDue,
}

/// <summary>
/// A department's open work counted: by light, overdue (超期), near due (临期), and yellow before its deadline (the
/// to-do page's 即将超时, empty under the overdue-and-escalated convention where yellow means overdue).
/// </summary>
public sealed record WorkCounts(int Open, int Green, int Yellow, int Red, int Overdue, int NearDue, int YellowNotOverdue);
