using Approval.Engine.Journal;
using Approval.Engine.Persistence;
using Approval.Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Approval.Engine.Supervision;

/// <summary>
/// What each role may read about projects. Visibility lives here, next to the data, so that every endpoint asks
/// the same question the same way: an applicant sees its own and its principals' projects, an approver those its
/// department works on, window, supervisors and administrators all of them. Anything else is "not found".
/// </summary>
public sealed class ProjectReader(ApprovalDatabase database, AgentAuthorizations authorizations, IClock clock,
    Calendar.IWorkingDayCalendars calendars)
{
    /// <summary>The projects an applicant follows: an investor's own; for an agent, those of the investors whose authorisation is valid today.</summary>
    public async Task<List<ProjectInstance>> ForApplicantAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var query = db.Instances.AsNoTracking().Include(i => i.Tasks).Include(i => i.ClockStops).AsSplitQuery();
        if (actor.Role == ActorRole.Investor) return await query.Where(i => i.InvestorId == actor.UserId).OrderByDescending(i => i.FiledAt).ToListAsync(ct);
        if (actor.Role != ActorRole.Agent) return [];
        var principals = await authorizations.InvestorsOfAsync(actor.UserId, Today, ct);
        return await query.Where(i => principals.Contains(i.InvestorId))
            .OrderByDescending(i => i.FiledAt).ToListAsync(ct);
    }

    /// <summary>One project with everything that hangs off it, if the actor may see it; otherwise <see cref="NotFoundException"/>.</summary>
    public async Task<ProjectInstance> GetAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var instance = await WholeProject(db, id).FirstOrDefaultAsync(ct);
        if (instance is null || !await MaySeeAsync(actor, instance, ct)) throw new NotFoundException($"Project {id}");
        return instance;
    }

    /// <summary>
    /// The project a task belongs to, with everything that hangs off it, if the actor may see it; otherwise
    /// <see cref="NotFoundException"/> naming the task (a task of a project the caller may not see is as unknown as
    /// one that does not exist).
    /// </summary>
    public async Task<ProjectInstance> GetByTaskAsync(Actor actor, Guid taskId, CancellationToken ct = default)
    {
        Guid? instanceId;
        await using (var db = database.CreateContext())
            instanceId = await db.Tasks.AsNoTracking().Where(t => t.Id == taskId).Select(t => (Guid?)t.InstanceId).FirstOrDefaultAsync(ct);
        try
        {
            return await GetAsync(actor, instanceId ?? throw new NotFoundException($"Task {taskId}"), ct);
        }
        catch (NotFoundException) when (instanceId is not null)
        {
            throw new NotFoundException($"Task {taskId}");
        }
    }

    /// <summary>
    /// The project's other applications under the same project code that the actor may see, oldest first: the 施工许可
    /// a 竣工联合验收 follows, and the acceptance that followed a permit. Empty for a project without a code.
    /// </summary>
    public async Task<List<ProjectInstance>> SameProjectCodeAsync(Actor actor, ProjectInstance project, CancellationToken ct = default)
    {
        if (project.ProjectCode is null) return [];
        await using var db = database.CreateContext();
        return await VisibleSameCodeAsync(db, actor, project, ct);
    }

    private async Task<List<ProjectInstance>> VisibleSameCodeAsync(ApprovalDbContext db, Actor actor, ProjectInstance project, CancellationToken ct)
    {
        if (project.ProjectCode is not { } code) return [];
        var others = await db.Instances.AsNoTracking().Include(i => i.Tasks)
            .Where(i => i.ProjectCode == code && i.Id != project.Id).OrderBy(i => i.FiledAt).ToListAsync(ct);
        var visible = new List<ProjectInstance>();
        foreach (var other in others)
            if (await MaySeeAsync(actor, other, ct)) visible.Add(other);
        return visible;
    }

    /// <summary>
    /// One project with everything that hangs off it, its journal and its other applications under the same code the
    /// actor may see (<see cref="SameProjectCodeAsync"/>), read on one connection; <see cref="NotFoundException"/> as <see cref="GetAsync"/>.
    /// </summary>
    public async Task<ProjectRead> ReadAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var instance = await WholeProject(db, id).FirstOrDefaultAsync(ct);
        if (instance is null || !await MaySeeAsync(actor, instance, ct)) throw new NotFoundException($"Project {id}");
        var journal = await JournalOf(db, id).ToListAsync(ct);
        return new ProjectRead(instance, journal, await VisibleSameCodeAsync(db, actor, instance, ct));
    }

    /// <summary>
    /// The versions of a project and of every other application under its project code, in one statement by the
    /// primary key and the code's index: what an answer built from <see cref="ReadAsync"/> depends on in the database
    /// (a project's tasks, clock stops, extensions and journal change only with its <see cref="ProjectInstance.Version"/>).
    /// Empty when there is no such project.
    /// </summary>
    public async Task<List<ProjectStamp>> VersionsAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var stamps = new List<ProjectStamp>(2);
        await foreach (var stamp in VersionsQuery(db, id).WithCancellation(ct)) stamps.Add(stamp);
        return stamps;
    }

    private static IAsyncEnumerable<ProjectStamp> VersionsQuery(ApprovalDbContext db, Guid id) => db switch
    {
        PostgresApprovalDbContext postgres => Compiled<PostgresApprovalDbContext>.Versions(postgres, id),
        SqliteApprovalDbContext sqlite => Compiled<SqliteApprovalDbContext>.Versions(sqlite, id),
        _ => throw new InvalidOperationException($"no compiled queries for {db.GetType().Name}"),
    };

    private static IAsyncEnumerable<TrackCandidate> TrackQuery(ApprovalDbContext db, string code) => db switch
    {
        PostgresApprovalDbContext postgres => Compiled<PostgresApprovalDbContext>.Track(postgres, code),
        SqliteApprovalDbContext sqlite => Compiled<SqliteApprovalDbContext>.Track(sqlite, code),
        _ => throw new InvalidOperationException($"no compiled queries for {db.GetType().Name}"),
    };

    /// <summary>
    /// The compiled queries, once per provider's context type: a compiled query is bound to one model, and one process
    /// (the tests) may use both providers at once.
    /// </summary>
    private static class Compiled<TContext> where TContext : ApprovalDbContext
    {
        public static readonly Func<TContext, Guid, IAsyncEnumerable<ProjectStamp>> Versions = EF.CompileAsyncQuery(
            (TContext db, Guid id) => db.Instances.AsNoTracking()
                .Where(i => i.Id == id)
                .Select(i => new { i.Id, i.Version })
                .Concat(db.Instances.AsNoTracking()
                    .Where(i => i.ProjectCode != null && i.Id != id
                        && i.ProjectCode == db.Instances.Where(p => p.Id == id).Select(p => p.ProjectCode).FirstOrDefault())
                    .Select(i => new { i.Id, i.Version }))
                .Select(i => new ProjectStamp(i.Id, i.Version)));

        public static readonly Func<TContext, string, IAsyncEnumerable<TrackCandidate>> Track = EF.CompileAsyncQuery(
            (TContext db, string code) => db.Instances.AsNoTracking().Where(i => i.ProjectCode == code && i.QueryKey != null)
                .Select(i => new TrackCandidate(i.Id, i.Version, i.QueryKey)));
    }

    /// <summary>
    /// The project a code and query key name, as its id and version only (one statement by the code's index); null
    /// for a wrong code or key, which look the same (<see cref="TrackAsync"/>).
    /// </summary>
    public async Task<ProjectStamp?> TrackVersionAsync(string code, string key, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var wanted = System.Text.Encoding.UTF8.GetBytes(key.Trim().ToUpperInvariant());
        ProjectStamp? found = null;
        await foreach (var candidate in TrackQuery(db, code).WithCancellation(ct))
            if (found is null && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(candidate.QueryKey!), wanted))
                found = new ProjectStamp(candidate.Id, candidate.Version);
        return found;
    }

    private sealed record TrackCandidate(Guid Id, int Version, string? QueryKey);

    /// <summary>One project with its tasks, clock stops and extensions, and its journal, read on one connection (no visibility: tracking's).</summary>
    public async Task<(ProjectInstance Project, List<JournalEntry> Journal)?> WithJournalAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var instance = await WholeProject(db, id).FirstOrDefaultAsync(ct);
        if (instance is null) return null;
        return (instance, await JournalOf(db, id).ToListAsync(ct));
    }

    private static IQueryable<ProjectInstance> WholeProject(ApprovalDbContext db, Guid id) =>
        db.Instances.AsNoTracking().Include(i => i.Tasks).Include(i => i.ClockStops).Include(i => i.Extensions)
            .AsSplitQuery().Where(i => i.Id == id);

    private static IQueryable<JournalEntry> JournalOf(ApprovalDbContext db, Guid id) =>
        db.Journal.AsNoTracking().Where(j => j.InstanceId == id).OrderBy(j => j.Sequence);

    public async Task<List<JournalEntry>> JournalAsync(Guid instanceId, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        return await JournalOf(db, instanceId).ToListAsync(ct);
    }

    /// <summary>How many files were uploaded for each material code of a project.</summary>
    public async Task<Dictionary<string, int>> MaterialFileCountsAsync(Guid instanceId, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        return await db.MaterialFiles.AsNoTracking().Where(f => f.InstanceId == instanceId)
            .GroupBy(f => f.MaterialCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }

    /// <summary>The investor's view by project code and query key; wrong code and wrong key look the same.</summary>
    public async Task<ProjectInstance?> TrackAsync(string code, string key, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var candidates = await db.Instances.AsNoTracking().Include(i => i.Tasks).Include(i => i.Extensions).Include(i => i.ClockStops).AsSplitQuery()
            .Where(i => i.ProjectCode == code && i.QueryKey != null).ToListAsync(ct);
        return candidates.FirstOrDefault(i => System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(i.QueryKey!), System.Text.Encoding.UTF8.GetBytes(key.Trim().ToUpperInvariant())));
    }

    /// <summary>Running projects with their tasks, for e-supervision.</summary>
    public async Task<List<ProjectInstance>> RunningAsync(CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        return await db.Instances.AsNoTracking().Include(i => i.Tasks).Include(i => i.ClockStops).AsSplitQuery()
            .Where(i => i.Status == InstanceStatus.Running).OrderBy(i => i.DueOn).ToListAsync(ct);
    }

    /// <summary>
    /// Running projects standing at one of the given activities (e.g. the site surveys and completions the window
    /// handles), with their tasks, oldest acceptance first; filtered in the database.
    /// </summary>
    public async Task<List<ProjectInstance>> RunningAtAsync(IReadOnlyCollection<string> activityIds, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        return await db.Instances.AsNoTracking().Include(i => i.Tasks).AsSplitQuery()
            .Where(i => i.Status == InstanceStatus.Running && activityIds.Contains(i.CurrentActivityId))
            .OrderBy(i => i.AcceptedOn).ThenBy(i => i.FiledAt).ToListAsync(ct);
    }

    /// <summary>The deadline (办结期限) of every running project, in one query without its tasks (e.g. before and after a calendar reload).</summary>
    public async Task<List<RunningDeadline>> RunningDeadlinesAsync(CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        return await db.Instances.AsNoTracking().Where(i => i.Status == InstanceStatus.Running)
            .Select(i => new RunningDeadline(i.Id, i.ProjectName, i.ProjectCode, i.DueOn)).ToListAsync(ct);
    }

    /// <summary>How many projects are running on each version of each definition (a running project stays on its version), counted in SQL.</summary>
    public async Task<Dictionary<(string DefinitionId, int Version), int>> RunningPerVersionAsync(CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var counts = await db.Instances.AsNoTracking().Where(i => i.Status == InstanceStatus.Running)
            .GroupBy(i => new { i.DefinitionId, i.DefinitionVersion })
            .Select(g => new { g.Key.DefinitionId, g.Key.DefinitionVersion, Count = g.Count() }).ToListAsync(ct);
        return counts.ToDictionary(c => (c.DefinitionId, c.DefinitionVersion), c => c.Count);
    }

    /// <summary>
    /// The published decisions, newest decision first (then by task id), a page at a time by keyset: read from the
    /// tasks of ended projects by their decision time (index <c>ix_tasks_disclosed</c>), without counting the whole history.
    /// </summary>
    public async Task<Page<DisclosedDecision>> DisclosedAsync(DisclosureFilter filter, PageRequest page, CancellationToken ct = default)
    {
        const string list = "disclosed";
        await using var db = database.CreateContext();
        var rows = Disclosed(db, filter);
        if (page.After is { } after)
        {
            var keys = Cursor.Decode(list, after, 2);
            var (at, id) = ((Instant?)Cursor.InstantOf(keys[0]), Cursor.GuidOf(keys[1]));
            rows = rows.Where(r => r.Task.DecidedAt < at || (r.Task.DecidedAt == at && r.Task.Id.CompareTo(id) < 0));
        }
        var read = await rows.OrderByDescending(r => r.Task.DecidedAt).ThenByDescending(r => r.Task.Id).Take(page.Size + 1).ToListAsync(ct);
        return Page<(WorkTask Task, string? ProjectCode, string ProjectName)>.From(read.Select(r => (r.Task, r.ProjectCode, r.ProjectName)).ToList(),
                page.Size, r => Cursor.Encode(list, Cursor.Of(r.Task.DecidedAt!.Value), Cursor.Of(r.Task.Id)))
            .Map(r => Decision(r.Task, r.ProjectCode, r.ProjectName));
    }

    // Decided matters (approved, rejected, deemed approved) of ended projects, filtered; days are local calendar days of the decision.
    private IQueryable<DisclosedRow> Disclosed(ApprovalDbContext db, DisclosureFilter filter)
    {
        string[] published = [Activities.Outcomes.Approved, Activities.Outcomes.Rejected, Activities.Outcomes.DeemedApproved];
        var calendar = calendars.National;
        var rows = from t in db.Tasks.AsNoTracking()
                   join i in db.Instances.AsNoTracking() on t.InstanceId equals i.Id
                   where t.ProjectEndedAt != null && t.Kind == TaskKind.MatterDecision && t.Status == Runtime.TaskStatus.Done
                         && t.DecidedAt != null && t.MatterCode != null && t.DepartmentId != null && published.Contains(t.Outcome!)
                   select new DisclosedRow { Task = t, ProjectCode = i.ProjectCode, ProjectName = i.ProjectName };
        if (filter.From is { } from)
        {
            var start = calendar.StartOfDay(from);
            rows = rows.Where(r => r.Task.DecidedAt >= start);
        }
        if (filter.To is { } to)
        {
            var end = calendar.StartOfDay(to.PlusDays(1));
            rows = rows.Where(r => r.Task.DecidedAt < end);
        }
        if (filter.DepartmentId is { } department) rows = rows.Where(r => r.Task.DepartmentId == department);
        if (filter.MatterCode is { } matter) rows = rows.Where(r => r.Task.MatterCode == matter);
        if (filter.ProjectCode is { } code) rows = rows.Where(r => r.ProjectCode != null && r.ProjectCode.Contains(code));
        return rows;
    }

    private DisclosedDecision Decision(WorkTask task, string? projectCode, string projectName) => new(projectCode, projectName, task.MatterCode!,
        task.Title, task.Outcome!, calendars.National.LocalDateOf(task.DecidedAt!.Value), task.DepartmentId!);

    private sealed class DisclosedRow
    {
        public WorkTask Task { get; init; } = null!;
        public string? ProjectCode { get; init; }
        public string ProjectName { get; init; } = "";
    }

    public LocalDate Today => calendars.National.LocalDateOf(clock.GetCurrentInstant());

    private async Task<bool> MaySeeAsync(Actor actor, ProjectInstance instance, CancellationToken ct) => actor.Role switch
    {
        ActorRole.Investor => instance.InvestorId == actor.UserId,
        ActorRole.Agent => (await authorizations.InvestorsOfAsync(actor.UserId, Today, ct)).Contains(instance.InvestorId),
        ActorRole.Approver => instance.Tasks.Any(t => t.DepartmentId == actor.DepartmentId),
        ActorRole.WindowClerk or ActorRole.Supervisor or ActorRole.Administrator or ActorRole.System => true,
        _ => false,
    };
}

/// <summary>A project as one reader reads it: itself, its journal in order, its other applications under the same code the reader may see, oldest first.</summary>
public sealed record ProjectRead(ProjectInstance Project, List<JournalEntry> Journal, List<ProjectInstance> SameProjectCode);

/// <summary>A project's id and its version (<see cref="ProjectInstance.Version"/>, raised by every save).</summary>
public readonly record struct ProjectStamp(Guid Id, int Version);

/// <summary>A running project's deadline (办结期限), with what names the project.</summary>
public sealed record RunningDeadline(Guid ProjectId, string ProjectName, string? ProjectCode, LocalDate? DueOn);

/// <summary>Which published decisions to list; null means "any".</summary>
/// <param name="From">The first local day of the decision.</param>
/// <param name="To">The last local day of the decision.</param>
/// <param name="DepartmentId">The deciding department.</param>
/// <param name="MatterCode">The matter decided.</param>
/// <param name="ProjectCode">Part of the project code.</param>
public sealed record DisclosureFilter(LocalDate? From = null, LocalDate? To = null, string? DepartmentId = null,
    string? MatterCode = null, string? ProjectCode = null);

/// <summary>A published decision (审批结果): no person, only the project, the matter, the decision and its day.</summary>
public sealed record DisclosedDecision(string? ProjectCode, string ProjectName, string MatterCode, string TaskTitle,
    string Outcome, LocalDate DecidedOn, string DepartmentId);
