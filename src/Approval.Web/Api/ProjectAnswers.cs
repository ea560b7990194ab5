using System.Reflection;
using System.Text.Json;
using Approval.Engine;
using Approval.Engine.Calendar;
using Approval.Engine.Definitions;
using Approval.Engine.Runtime;
using Approval.Engine.Supervision;
using Approval.Web.Api.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Approval.Web.Api;

/// <summary>
/// The tracking answer (<c>GET /api/tracking</c>) and one project's answer (<c>GET /api/projects/{id}</c>), each built
/// once and then kept, with its JSON, for as long as nothing it was built from has changed (issue 16: building one
/// took 2–3 ms and ~150 KB of allocations; the version read that decides whether a kept one still holds is one statement).
/// </summary>
/// <remarks>
/// <para>
/// A kept answer is used only when all of these are what they were when it was built: the version of the project and
/// of every other application under its project code, read from the database on every request (every save of a
/// project raises its version, and its tasks, clock stops, extensions and journal change only with it, in the same
/// transaction); today's date and whether today's deadline has passed (the lights and working days used and left
/// change with them, nothing finer); the calendar snapshot (a reload of the calendar replaces it). The definition
/// catalogue does not change while the host runs.
/// </para>
/// <para>
/// Several nodes on one database: each node keeps its own answers and reads the versions from the shared database on
/// every request, so a node never answers with a project older than the one committed when the request's version
/// read ran (a save on another node is seen by the next request, as without the cache). An answer is built after its
/// versions are read, so what is kept is never older than its key; at worst it is newer, and then the next request,
/// reading the newer versions, builds it again.
/// </para>
/// <para>
/// Per reader: supervisors, the window and administrators read the same answer; an investor its own (its query key,
/// and only its own applications under the same code); an approver its department's (projects its department works
/// on). An agent's visibility depends on its authorisations (委托), which change without any project's version, so an
/// agent's answer is built every time (in one connection).
/// </para>
/// <para>Bounded: at most <c>Approval:Reads:AnswerCacheMegabytes</c> (64) of JSON, least recently used first out; 0 turns it off.</para>
/// </remarks>
public sealed class ProjectAnswers
{
    private readonly ProjectReader _reader;
    private readonly ProjectViews _views;
    private readonly DefinitionCatalog _catalog;
    private readonly IWorkingDayCalendars _calendars;
    private readonly Deadlines _deadlines;
    private readonly IClock _clock;
    private readonly JsonSerializerOptions _json;
    private readonly MemoryCache? _kept;

    public ProjectAnswers(ProjectReader reader, ProjectViews views, DefinitionCatalog catalog, IWorkingDayCalendars calendars,
        WorkflowEngine engine, IClock clock, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, IConfiguration configuration)
    {
        (_reader, _views, _catalog, _calendars, _deadlines, _clock, _json) =
            (reader, views, catalog, calendars, engine.Deadlines, clock, json.Value.SerializerOptions);
        var megabytes = configuration.GetValue("Approval:Reads:AnswerCacheMegabytes", 64);
        if (megabytes > 0) _kept = new MemoryCache(new MemoryCacheOptions { SizeLimit = megabytes * 1024L * 1024L });
    }

    /// <summary>The tracking answer of the project a code and query key name; null for a wrong code or key alike.</summary>
    public async Task<ProjectAnswer<TrackingDto>?> TrackAsync(string code, string key, CancellationToken ct)
    {
        if (await _reader.TrackVersionAsync(code, key, ct) is not { } stamp) return null;
        var key_ = new Key(Tracking, stamp.Id, "");
        var moment = Now();
        if (Kept<TrackingDto>(key_, [stamp], moment) is { } kept) return kept;
        if (await _reader.WithJournalAsync(stamp.Id, ct) is not { } read) return null;
        var answer = Answer(TrackingApi.View(read.Project, read.Journal, _views, _catalog, moment.Calendar, _deadlines));
        Keep(key_, [stamp], moment, answer);
        return answer;
    }

    /// <summary>One project as <paramref name="actor"/> reads it; <see cref="NotFoundException"/> when it may not (<see cref="ProjectReader.GetAsync"/>).</summary>
    public async Task<ProjectAnswer<ProjectDetailDto>> DetailAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (Reader(actor) is not { } reader || _kept is null) return Answer(Detail(actor, await _reader.ReadAsync(actor, id, ct)));
        var stamps = await _reader.VersionsAsync(id, ct);
        if (stamps.Count == 0) throw new NotFoundException($"Project {id}");
        var key = new Key(Detail_, id, reader);
        var moment = Now();
        if (Kept<ProjectDetailDto>(key, stamps, moment) is { } kept) return kept;
        var answer = Answer(Detail(actor, await _reader.ReadAsync(actor, id, ct)));
        Keep(key, stamps, moment, answer);
        return answer;
    }

    private ProjectDetailDto Detail(Actor actor, ProjectRead read) => _views.Detail(read.Project, read.Journal, actor, read.SameProjectCode);

    /// <summary>Who reads the same answer as whom; null: not kept (an agent's visibility changes with its authorisations).</summary>
    private static string? Reader(Actor actor) => actor.Role switch
    {
        ActorRole.WindowClerk or ActorRole.Supervisor or ActorRole.Administrator or ActorRole.System => "all",
        ActorRole.Investor => "investor:" + actor.UserId,
        ActorRole.Approver when actor.DepartmentId is { } department => "approver:" + department,
        _ => null,
    };

    private const string Tracking = "tracking", Detail_ = "detail";

    private ProjectAnswer<T> Answer<T>(T value) => new(value, JsonSerializer.SerializeToUtf8Bytes(value, _json));

    /// <summary>What, besides the database, an answer depends on: the day, whether its deadline has passed, the calendar.</summary>
    private Moment Now()
    {
        var calendar = _calendars.National;
        var now = _clock.GetCurrentInstant();
        var today = calendar.LocalDateOf(now);
        return new Moment(today, calendar.IsPastDeadline(now, today), calendar);
    }

    private ProjectAnswer<T>? Kept<T>(Key key, List<ProjectStamp> stamps, Moment moment) =>
        _kept is not null && _kept.TryGetValue(key, out var value) && value is Entry<T> entry && entry.Moment == moment
        && entry.Stamps.SequenceEqual(stamps) ? entry.Answer : null;

    private void Keep<T>(Key key, List<ProjectStamp> stamps, Moment moment, ProjectAnswer<T> answer)
    {
        // Built across midnight or a calendar reload: the answer may mix two moments; the next request builds it again.
        if (_kept is null || Now() != moment) return;
        using var entry = _kept.CreateEntry(key);
        // The JSON and, roughly, the objects it was written from.
        entry.Size = answer.Json.Length * 4L;
        entry.Value = new Entry<T>([.. stamps], moment, answer);
    }

    private readonly record struct Key(string Kind, Guid Project, string Reader);

    private readonly record struct Moment(LocalDate Today, bool TodayPastDeadline, WorkingDayCalendar Calendar);

    private sealed record Entry<T>(ProjectStamp[] Stamps, Moment Moment, ProjectAnswer<T> Answer);
}

/// <summary>An answer and its JSON (written with the host's JSON options, as <c>TypedResults.Ok</c> writes it). Shared: do not change it.</summary>
public sealed record ProjectAnswer<T>(T Value, byte[] Json);

/// <summary>
/// 200 with JSON already written (<see cref="ProjectAnswer{T}.Json"/>), byte for byte what <see cref="Ok{TValue}"/> would
/// write, with the same OpenAPI description.
/// </summary>
public sealed class JsonAnswer<T>(ProjectAnswer<T> answer) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IContentTypeHttpResult,
    IValueHttpResult, IValueHttpResult<T>
{
    public int? StatusCode => StatusCodes.Status200OK;
    public string ContentType => "application/json; charset=utf-8";
    public T? Value => answer.Value;
    object? IValueHttpResult.Value => answer.Value;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.ContentLength = answer.Json.Length;
        return response.Body.WriteAsync(answer.Json, httpContext.RequestAborted).AsTask();
    }

    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder) => PopulateAs<Ok<T>>(method, builder);

    private static void PopulateAs<TResult>(MethodInfo method, EndpointBuilder builder) where TResult : IEndpointMetadataProvider =>
        TResult.PopulateMetadata(method, builder);
}
