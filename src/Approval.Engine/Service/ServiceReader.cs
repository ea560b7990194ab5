using Approval.Engine.Persistence;
using Approval.Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Approval.Engine.Service;

/// <summary>
/// The reads of the after-service (好差评, 整改, 督办, 黄牌/红牌): counts grouped in SQL per department, matter, window clerk
/// and month, and the bounded lists the supervisor and the department work from.
/// </summary>
/// <remarks>
/// What a department reads (<see cref="RatingOfRectificationAsync"/>) never carries the rater; the supervisor's groups
/// count ratings, they do not name raters either. Only the project's own applicant reads its ratings with who rated.
/// </remarks>
public sealed class ServiceReader(ApprovalDatabase database, IClock clock, Calendar.IWorkingDayCalendars calendars)
{
    /// <summary>The most rows a list returns (open work first); the counts are always whole.</summary>
    public const int ListSize = 200;

    /// <summary>Ratings counted per level, grouped by department, matter (事项; "*" the whole project) or window clerk, in SQL.</summary>
    public async Task<IReadOnlyList<RatingCounts>> RatingsAsync(RatingGrouping by, LocalDate? from, LocalDate? to, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var ratings = Between(db.Ratings.AsNoTracking(), from, to);
        var groups = by switch
        {
            RatingGrouping.Matter => ratings.GroupBy(r => r.MatterKey),
            RatingGrouping.Clerk => ratings.GroupBy(r => r.ClerkId ?? ""),
            _ => ratings.GroupBy(r => r.DepartmentId),
        };
        var rows = await groups.Select(g => new RatingCounts(g.Key,
                g.Count(r => r.Level == RatingLevel.VerySatisfied), g.Count(r => r.Level == RatingLevel.Satisfied),
                g.Count(r => r.Level == RatingLevel.BasicallySatisfied), g.Count(r => r.Level == RatingLevel.Dissatisfied),
                g.Count(r => r.Level == RatingLevel.VeryDissatisfied)))
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Key, StringComparer.Ordinal)];
    }

    private static IQueryable<Rating> Between(IQueryable<Rating> ratings, LocalDate? from, LocalDate? to)
    {
        if (from is { } f) ratings = ratings.Where(r => r.RatedOn >= f);
        if (to is { } t) ratings = ratings.Where(r => r.RatedOn <= t);
        return ratings;
    }

    /// <summary>The 差评 rectifications (整改), open ones first and soonest due, with the rating that opened each (no rater).</summary>
    public async Task<RectificationList> RectificationsAsync(string? departmentId = null, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var tasks = db.Tasks.AsNoTracking().Where(t => t.Kind == TaskKind.Rectification);
        if (departmentId is not null) tasks = tasks.Where(t => t.DepartmentId == departmentId);
        var open = new[] { Runtime.TaskStatus.Open, Runtime.TaskStatus.Suspended };
        // Whole counts: every rectification's status, deadline and decision time (three small columns), judged on time
        // against its deadline day in Asia/Shanghai, which SQL does not know.
        var all = await tasks.Select(t => new { t.Status, t.DueOn, t.DecidedAt }).ToListAsync(ct);
        var closed = all.Where(t => t.Status == Runtime.TaskStatus.Done).ToList();
        var onTime = closed.Count(t => t.DecidedAt is { } at && t.DueOn is { } due && calendars.National.LocalDateOf(at) <= due);
        var rows = await (
                from t in tasks
                join i in db.Instances on t.InstanceId equals i.Id
                join r in db.Ratings on t.Id equals r.RectificationTaskId
                orderby open.Contains(t.Status) descending, t.DueOn, t.Id
                select new RectificationRow(t.Id, i.Id, i.ProjectCode, i.ProjectName, t.DepartmentId!, r.MatterKey, t.Title,
                    t.Status, t.OpenedOn, t.DueOn, t.WarnOn, t.DecidedAt, r.Level, r.Reason, r.Comment, t.Comment, t.Items, t.Card))
            .Take(ListSize).ToListAsync(ct);
        return new RectificationList(rows, all.Count, all.Count(t => open.Contains(t.Status)), closed.Count, onTime);
    }

    /// <summary>The rating a rectification task came from, as its department reads it: level, reason, comment — no rater.</summary>
    public async Task<RectificationRow?> RatingOfRectificationAsync(Guid taskId, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        return await (
                from t in db.Tasks.AsNoTracking()
                join i in db.Instances on t.InstanceId equals i.Id
                join r in db.Ratings on t.Id equals r.RectificationTaskId
                where t.Id == taskId
                select new RectificationRow(t.Id, i.Id, i.ProjectCode, i.ProjectName, t.DepartmentId!, r.MatterKey, t.Title,
                    t.Status, t.OpenedOn, t.DueOn, t.WarnOn, t.DecidedAt, r.Level, r.Reason, r.Comment, t.Comment, t.Items, t.Card))
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>The project's ratings, for its applicant (who rated is the applicant's own business).</summary>
    public async Task<IReadOnlyList<Rating>> RatingsOfProjectAsync(Guid instanceId, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        return await db.Ratings.AsNoTracking().Where(r => r.InstanceId == instanceId).OrderBy(r => r.RatedAt).ToListAsync(ct);
    }

    /// <summary>督办, those awaiting a reply or closure first, then the latest; of one department when given.</summary>
    public async Task<IReadOnlyList<EscalationRow>> EscalationsAsync(string? departmentId = null, Guid? instanceId = null, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var escalations = db.Escalations.AsNoTracking();
        if (departmentId is not null) escalations = escalations.Where(e => e.DepartmentId == departmentId);
        if (instanceId is not null) escalations = escalations.Where(e => e.InstanceId == instanceId);
        return await (
                from e in escalations
                join i in db.Instances on e.InstanceId equals i.Id
                join reply in db.Tasks on e.ReplyTaskId equals reply.Id
                join target in db.Tasks on e.TargetTaskId equals target.Id into targets
                from target in targets.DefaultIfEmpty()
                orderby e.Status == EscalationStatus.Closed, e.IssuedAt descending, e.Id
                select new EscalationRow(e.Id, i.Id, i.ProjectCode, i.ProjectName, e.DepartmentId, e.TargetTaskId,
                    target == null ? null : target.Title, e.Notice, e.Status, e.IssuedOn, e.ReplyWorkingDays, e.ReplyTaskId,
                    reply.DueOn, reply.WarnOn, reply.Status, e.Reply, e.RepliedOn, e.ClosingNote, e.ClosedOn))
            .Take(ListSize).ToListAsync(ct);
    }

    /// <summary>The 督办 a reply task answers.</summary>
    public async Task<EscalationRow?> EscalationOfReplyTaskAsync(Guid replyTaskId, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var id = await db.Escalations.AsNoTracking().Where(e => e.ReplyTaskId == replyTaskId).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(ct);
        return id is null ? null : (await EscalationByIdAsync(id.Value, ct));
    }

    /// <summary>One 督办 by id.</summary>
    public async Task<EscalationRow?> EscalationByIdAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var instanceId = await db.Escalations.AsNoTracking().Where(e => e.Id == id).Select(e => (Guid?)e.InstanceId).FirstOrDefaultAsync(ct);
        if (instanceId is null) return null;
        return (await EscalationsAsync(instanceId: instanceId, ct: ct)).FirstOrDefault(e => e.Id == id);
    }

    /// <summary>
    /// Per department over [from, to] (either open when null): 督办 issued, 黄牌 and 红牌 recorded, ratings and 差评 —
    /// each a GROUP BY in SQL.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, DepartmentService>> PerDepartmentAsync(LocalDate? from, LocalDate? to, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var issued = db.Escalations.AsNoTracking();
        if (from is { } f) issued = issued.Where(e => e.IssuedOn >= f);
        if (to is { } t) issued = issued.Where(e => e.IssuedOn <= t);
        var escalations = await issued
            .GroupBy(e => e.DepartmentId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var recorded = db.Cards.AsNoTracking();
        if (from is { } since) recorded = recorded.Where(c => c.RecordedOn >= since);
        if (to is { } until) recorded = recorded.Where(c => c.RecordedOn <= until);
        var cards = await recorded
            .GroupBy(c => c.DepartmentId)
            .Select(g => new { g.Key, Yellow = g.Count(c => c.Colour == CardColour.Yellow), Red = g.Count(c => c.Colour == CardColour.Red) })
            .ToDictionaryAsync(g => g.Key, ct);
        var ratings = (await RatingsAsync(RatingGrouping.Department, from, to, ct)).ToDictionary(r => r.Key);
        return escalations.Keys.Concat(cards.Keys).Concat(ratings.Keys).Distinct().ToDictionary(id => id, id => new DepartmentService(
            escalations.GetValueOrDefault(id), cards.GetValueOrDefault(id)?.Yellow ?? 0, cards.GetValueOrDefault(id)?.Red ?? 0,
            ratings.GetValueOrDefault(id) ?? RatingCounts.None(id)));
    }

    /// <summary>Today in Asia/Shanghai.</summary>
    public LocalDate Today() => calendars.National.LocalDateOf(clock.GetCurrentInstant());
}

/// <summary>How ratings are grouped.</summary>
public enum RatingGrouping { Department, Matter, Clerk }

/// <summary>Ratings of one group per level of the five-level scale.</summary>
public sealed record RatingCounts(string Key, int VerySatisfied, int Satisfied, int BasicallySatisfied, int Dissatisfied, int VeryDissatisfied)
{
    public static RatingCounts None(string key) => new(key, 0, 0, 0, 0, 0);
    public int Total => VerySatisfied + Satisfied + BasicallySatisfied + Dissatisfied + VeryDissatisfied;
    /// <summary>差评: 不满意 and 非常不满意.</summary>
    public int Bad => Dissatisfied + VeryDissatisfied;
    /// <summary>满意率: the share of ratings that are not 差评; null when there are none.</summary>
    public double? Satisfaction => Total == 0 ? null : (Total - Bad) / (double)Total;
    /// <summary>The average on 5 (非常满意) to 1 (非常不满意); null when there are none.</summary>
    public double? AverageScore => Total == 0 ? null
        : (5.0 * VerySatisfied + 4 * Satisfied + 3 * BasicallySatisfied + 2 * Dissatisfied + VeryDissatisfied) / Total;
}

/// <summary>A rectification with the rating that opened it (no rater), its deadline and, once closed, measures and call-back.</summary>
public sealed record RectificationRow(Guid TaskId, Guid InstanceId, string? ProjectCode, string ProjectName, string DepartmentId,
    string MatterKey, string Title, Runtime.TaskStatus Status, LocalDate? OpenedOn, LocalDate? DueOn, LocalDate? WarnOn, Instant? DecidedAt,
    RatingLevel Level, string Reason, string? Comment, string? Measures, List<string> CallBack, CardColour? Card);

/// <summary>The rectification list (at most <see cref="ServiceReader.ListSize"/> rows) and whole counts.</summary>
/// <param name="Rows">The rows.</param>
/// <param name="Total">Every rectification a 差评 opened.</param>
/// <param name="Open">Still open.</param>
/// <param name="Closed">Closed with the call-back record.</param>
/// <param name="ClosedOnTime">Closed by their deadline day.</param>
public sealed record RectificationList(IReadOnlyList<RectificationRow> Rows, int Total, int Open, int Closed, int ClosedOnTime)
{
    /// <summary>The share of 差评 rectified on time (整改按时办结率) among all opened; null when none.</summary>
    public double? OnTimeShare => Total == 0 ? null : ClosedOnTime / (double)Total;
}

/// <summary>A 督办 with its project, target and reply task.</summary>
public sealed record EscalationRow(Guid Id, Guid InstanceId, string? ProjectCode, string ProjectName, string DepartmentId,
    Guid? TargetTaskId, string? TargetTitle, string Notice, EscalationStatus Status, LocalDate IssuedOn, int ReplyWorkingDays,
    Guid ReplyTaskId, LocalDate? ReplyDueOn, LocalDate? ReplyWarnOn, Runtime.TaskStatus ReplyStatus, string? Reply, LocalDate? RepliedOn,
    string? ClosingNote, LocalDate? ClosedOn);

/// <summary>One department's after-service over a period.</summary>
public sealed record DepartmentService(int Escalations, int YellowCards, int RedCards, RatingCounts Ratings);
