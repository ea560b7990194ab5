using Approval.Engine;
using Approval.Engine.Definitions;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Service;
using Approval.Engine.Supervision;
using Approval.Web.Hosting;
using Approval.Web.Api.Contracts;
using NodaTime;

namespace Approval.Web.Api;

/// <summary>A rating (好差评) as the applicant gives or changes it.</summary>
/// <param name="MatterCode">The decided matter rated; absent rates the whole project once it has ended.</param>
/// <param name="Level">verySatisfied, satisfied, basicallySatisfied, dissatisfied, veryDissatisfied.</param>
/// <param name="Reason">A reason code for the level (<c>GET /api/ratings/reasons</c>).</param>
/// <param name="Comment">Required for dissatisfied and veryDissatisfied (差评).</param>
public sealed record RatingRequest(string? MatterCode, RatingLevel? Level, string? Reason, string? Comment);

/// <summary>The department's rectification (整改) closed with its measures and the call-back record (回访).</summary>
public sealed record RectificationRequest(string? Measures, string? CallBack);

/// <summary>A 督办: on a task of the project, or on the project for a department holding open work on it.</summary>
public sealed record EscalationRequest(Guid? ProjectId, Guid? TaskId, string? DepartmentId, string? Notice, int? ReplyWorkingDays);

/// <summary>The department's written reply to a 督办.</summary>
public sealed record EscalationReplyRequest(string? Reply);

/// <summary>The supervisor's closing note of a 督办.</summary>
public sealed record EscalationCloseRequest(string? Note);

/// <summary>A rating as its applicant reads it back.</summary>
public sealed record RatingDto(string? MatterCode, string Subject, string DepartmentId, string DepartmentName, RatingLevel Level,
    string LevelLabel, string Reason, string ReasonLabel, string? Comment, LocalDate RatedOn, LocalDate EditableUntil, bool Editable,
    Guid? RectificationTaskId);

/// <summary>A matter or the whole project the applicant may rate now, with its rating if given.</summary>
public sealed record RateableDto(string? MatterCode, string Subject, string DepartmentName, RatingDto? Rating);

/// <summary>One department on the public 成绩单: decisions on time, average working days, satisfaction.</summary>
public sealed record ScorecardRowDto(string DepartmentId, string DepartmentName, int Decided, double? OnTimeRate, double? AverageWorkingDays,
    int Ratings, double? Satisfaction, double? AverageScore);

/// <summary>The public 成绩单 over a period.</summary>
public sealed record ScorecardDto(LocalDate AsOf, LocalDate? From, LocalDate? To, IReadOnlyList<ScorecardRowDto> Departments);

/// <summary>One department's line of the monthly ranking (绩效排名).</summary>
public sealed record RankingRowDto(int Rank, string DepartmentId, string DepartmentName, double Score, int Decided, double? OnTimeRate,
    int Ratings, double? Satisfaction, int Escalations, int YellowCards, int RedCards);

/// <summary>The monthly ranking (绩效排名).</summary>
public sealed record RankingDto(string Month, LocalDate From, LocalDate To, IReadOnlyList<RankingRowDto> Departments);

/// <summary>
/// 好差评 and 督办 as the API and the pages both do them: the applicant's rating of a decided matter or the ended project,
/// the department's rectification (整改) and 督办 reply, the supervisor's 督办, the rating counts, the public 成绩单 and the
/// monthly ranking (绩效排名). Input is checked the one way here before the engine is asked.
/// </summary>
/// <remarks>
/// The ranking's score (综合得分), on 100: 按时办结率 × 60 + 满意率 × 40 (a department with no decision or no rating in the
/// month gets that part in full), minus 1 per 督办, 2 per 黄牌 and 5 per 红牌 of the month; ties by fewer 红牌, then name.
/// </remarks>
public sealed class AfterServiceDesk(WorkflowEngine engine, ProjectReader reader, ServiceReader service, SupervisionBoard board,
    DefinitionCatalog catalog, EngineOptions options)
{
    public const int MaxComment = Ratings.MaxCommentLength;

    /// <summary>Rates (or re-rates within the period) a decided matter or the ended project.</summary>
    public async Task<CommandResult> RateAsync(Actor actor, string operationId, Guid projectId, RatingRequest body, CancellationToken ct)
    {
        await reader.GetAsync(actor, projectId, ct);
        var errors = new InputErrors();
        var level = errors.Check(() => RequestInput.Defined(body.Level, "level"));
        var reason = errors.Check(() => RequestInput.RequiredText(body.Reason, "reason", 64));
        var comment = errors.Check(() => RequestInput.Text(body.Comment, "comment", false, MaxComment));
        errors.ThrowIfAny();
        var matter = string.IsNullOrWhiteSpace(body.MatterCode) ? null : body.MatterCode.Trim();
        return await engine.ExecuteAsync(new RateService(operationId, actor, projectId, matter, level, reason, comment), ct);
    }

    /// <summary>What the applicant may rate on its project now (decided matters; the whole project once ended), with its ratings.</summary>
    public async Task<IReadOnlyList<RateableDto>> RateableAsync(Actor actor, Guid projectId, CancellationToken ct)
    {
        var project = await reader.GetAsync(actor, projectId, ct);
        var ratings = (await service.RatingsOfProjectAsync(projectId, ct)).ToDictionary(r => r.MatterKey);
        var today = service.Today();
        var rows = project.Tasks.Where(t => t.Kind == TaskKind.MatterDecision && t.Status == Engine.Runtime.TaskStatus.Done && t.MatterCode is not null)
            .DistinctBy(t => t.MatterCode)
            .Select(t => new RateableDto(t.MatterCode, t.Title, CatalogueNames.Department(t.DepartmentId!, catalog),
                ratings.TryGetValue(t.MatterCode!, out var r) ? Dto(r, today) : null))
            .ToList();
        if (project.Status is InstanceStatus.Completed or InstanceStatus.Rejected)
            rows.Add(new RateableDto(null, "项目整体服务", CatalogueNames.Department(options.ServiceCentreDepartmentId, catalog),
                ratings.TryGetValue(Rating.WholeProject, out var whole) ? Dto(whole, today) : null));
        return rows;
    }

    private RatingDto Dto(Rating r, LocalDate today) => new(r.IsWholeProject ? null : r.MatterKey,
        r.IsWholeProject ? "项目整体服务" : catalog.Matters.FirstOrDefault(m => m.Code == r.MatterKey)?.Name ?? r.MatterKey,
        r.DepartmentId, CatalogueNames.Department(r.DepartmentId, catalog), r.Level, RatingLevels.Label(r.Level), r.Reason,
        RatingReasons.Label(r.Reason), r.Comment, r.RatedOn, r.EditableUntil, today <= r.EditableUntil, r.RectificationTaskId);

    /// <summary>Closes a rectification with measures and the call-back record.</summary>
    public Task<CommandResult> CloseRectificationAsync(Actor actor, string operationId, Guid taskId, RectificationRequest body, CancellationToken ct)
    {
        var errors = new InputErrors();
        var measures = errors.Check(() => RequestInput.RequiredText(body.Measures, "measures", MaxComment));
        var callBack = errors.Check(() => RequestInput.RequiredText(body.CallBack, "callBack", MaxComment));
        errors.ThrowIfAny();
        return engine.ExecuteAsync(new CloseRectification(operationId, actor, taskId, measures, callBack), ct);
    }

    /// <summary>Issues a 督办.</summary>
    public Task<CommandResult> IssueEscalationAsync(Actor actor, string operationId, EscalationRequest body, CancellationToken ct)
    {
        var errors = new InputErrors();
        var project = errors.Check(() => RequestInput.Required(body.ProjectId, "projectId", "the project's id"));
        var notice = errors.Check(() => RequestInput.RequiredText(body.Notice, "notice", Escalations.MaxTextLength));
        var days = errors.Check(() => RequestInput.Required(body.ReplyWorkingDays, "replyWorkingDays", "a whole number of working days"));
        if (body.TaskId is null && string.IsNullOrWhiteSpace(body.DepartmentId))
            errors.Add(new InvalidInputException("taskId", ProblemText.RequiredValue("the late or near-due task, or a departmentId for the whole project")));
        errors.ThrowIfAny();
        return engine.ExecuteAsync(new IssueEscalation(operationId, actor, project, body.TaskId, body.DepartmentId?.Trim(), notice, days), ct);
    }

    /// <summary>The department's reply to a 督办.</summary>
    public Task<CommandResult> ReplyAsync(Actor actor, string operationId, Guid taskId, EscalationReplyRequest body, CancellationToken ct)
    {
        var errors = new InputErrors();
        var reply = errors.Check(() => RequestInput.RequiredText(body.Reply, "reply", Escalations.MaxTextLength));
        errors.ThrowIfAny();
        return engine.ExecuteAsync(new ReplyToEscalation(operationId, actor, taskId, reply), ct);
    }

    /// <summary>The supervisor closes a 督办 that has its reply.</summary>
    public async Task<CommandResult> CloseEscalationAsync(Actor actor, string operationId, Guid escalationId, EscalationCloseRequest? body, CancellationToken ct)
    {
        var note = RequestInput.Text(body?.Note, "note", false, Escalations.MaxTextLength);
        var escalation = await service.EscalationByIdAsync(escalationId, ct) ?? throw new NotFoundException($"督办 {escalationId}");
        return await engine.ExecuteAsync(new CloseEscalation(operationId, actor, escalation.InstanceId, escalationId, note), ct);
    }

    /// <summary>The public 成绩单: each department's on-time rate and average working days (the statistics) with its satisfaction.</summary>
    public async Task<ScorecardDto> ScorecardAsync(StatisticsPeriod period, CancellationToken ct)
    {
        var statistics = await board.StatisticsAsync(period, ct);
        var ratings = (await service.RatingsAsync(RatingGrouping.Department, period.From, period.To, ct)).ToDictionary(r => r.Key);
        var ids = statistics.Departments.Select(d => d.DepartmentId).Concat(ratings.Keys).Distinct().ToList();
        var rows = ids.Select(id =>
        {
            var decisions = statistics.Departments.FirstOrDefault(d => d.DepartmentId == id)?.Decisions;
            var rated = ratings.GetValueOrDefault(id) ?? RatingCounts.None(id);
            return new ScorecardRowDto(id, CatalogueNames.Department(id, catalog), decisions?.Decided ?? 0, decisions?.OnTimeRate,
                decisions?.AverageWorkingDays, rated.Total, Rounding.Rate(rated.Satisfaction), rated.AverageScore is { } s ? Math.Round(s, 2) : null);
        }).OrderBy(r => catalog.Departments.ToList().FindIndex(d => d.Id == r.DepartmentId) is var i && i < 0 ? int.MaxValue : i).ToList();
        return new ScorecardDto(statistics.AsOf, period.From, period.To, rows);
    }

    /// <summary>The monthly ranking (绩效排名) of departments, best first (see the remarks for the score).</summary>
    public async Task<RankingDto> RankingAsync(YearMonth month, CancellationToken ct)
    {
        var (from, to) = (month.OnDayOfMonth(1), month.OnDayOfMonth(month.Calendar.GetDaysInMonth(month.Year, month.Month)));
        var statistics = await board.StatisticsAsync(new StatisticsPeriod(from, to), ct);
        var perDepartment = await service.PerDepartmentAsync(from, to, ct);
        var ids = statistics.Departments.Select(d => d.DepartmentId).Concat(perDepartment.Keys).Distinct().ToList();
        var rows = ids.Select(id =>
            {
                var decisions = statistics.Departments.FirstOrDefault(d => d.DepartmentId == id)?.Decisions;
                var s = perDepartment.GetValueOrDefault(id) ?? new DepartmentService(0, 0, 0, RatingCounts.None(id));
                var score = 60 * (decisions?.OnTimeRate ?? 1) + 40 * (s.Ratings.Satisfaction ?? 1) - s.Escalations - 2 * s.YellowCards - 5 * s.RedCards;
                return (Id: id, Name: CatalogueNames.Department(id, catalog), Score: Math.Round(score, 1), Decisions: decisions, Service: s);
            })
            .OrderByDescending(r => r.Score).ThenBy(r => r.Service.RedCards).ThenBy(r => r.Name, StringComparer.Ordinal)
            .Select((r, i) => new RankingRowDto(i + 1, r.Id, r.Name, r.Score, r.Decisions?.Decided ?? 0, r.Decisions?.OnTimeRate,
                r.Service.Ratings.Total, Rounding.Rate(r.Service.Ratings.Satisfaction), r.Service.Escalations, r.Service.YellowCards, r.Service.RedCards))
            .ToList();
        return new RankingDto($"{month.Year:0000}-{month.Month:00}", from, to, rows);
    }
}
