using Approval.Engine;
using Approval.Engine.Persistence;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Timers;
using Approval.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace Approval.Engine.Tests.Runtime;

/// <summary>
/// The engine as a host would run it (definitions from the repository's workflows/, a real database), with a
/// fake clock and the timer scheduler driven by hand. One harness, one database.
/// </summary>
public sealed class EngineHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly string? _directory;
    private int _operations;

    private EngineHarness(ServiceProvider services, FakeClock clock, string? directory)
    {
        _services = services;
        Clock = clock;
        _directory = directory;
    }

    public FakeClock Clock { get; }
    public IServiceProvider Services => _services;
    public WorkflowEngine Engine => _services.GetRequiredService<WorkflowEngine>();
    public TimerScheduler Scheduler => _services.GetRequiredService<TimerScheduler>();
    public ApprovalDatabase Database => _services.GetRequiredService<ApprovalDatabase>();

    public static readonly Actor Agent = new("agent-li", ActorRole.Agent, DisplayName: "代办员 李");
    public static readonly Actor Investor = new("investor-1", ActorRole.Investor, DisplayName: "项目单位");
    public static readonly Actor Window = new("window-wang", ActorRole.WindowClerk, DisplayName: "综合窗口 王");
    public static readonly Actor Supervisor = new("supervisor-zhao", ActorRole.Supervisor, DisplayName: "电子监察 赵");
    public static Actor Approver(string department) => new($"approver-{department}", ActorRole.Approver, department);

    /// <summary>A harness on a fresh SQLite file, or on the given PostgreSQL database.</summary>
    /// <param name="replace">Registers services in place of the engine's own (e.g. a platform code verifier).</param>
    public static async Task<EngineHarness> StartAsync(FakeClock clock, string? postgres = null,
        Action<ApprovalEngineSetup>? configure = null, string? sqliteDirectory = null, Action<IServiceCollection>? replace = null)
    {
        var directory = postgres is null ? sqliteDirectory ?? Path.Combine(Path.GetTempPath(), "approval-engine-" + Guid.NewGuid().ToString("N")) : null;
        if (directory is not null) Directory.CreateDirectory(directory);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddApprovalEngine(setup =>
        {
            setup.Engine.WorkflowsDirectory = RepositoryPaths.Workflows;
            setup.Persistence.Provider = postgres is null ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres;
            setup.Persistence.ConnectionString = postgres ?? $"Data Source={Path.Combine(directory!, "approval.db")}";
            setup.Scheduler.Enabled = false;
            configure?.Invoke(setup);
        });
        services.Replace(ServiceDescriptor.Singleton<IClock>(clock));
        replace?.Invoke(services);
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<ApprovalDatabase>().MigrateAsync();
        await provider.GetRequiredService<AgentAuthorizations>().GrantAsync(Actor.System, Investor.UserId, "某某新材料有限公司",
            Agent.UserId, new LocalDate(2000, 1, 1), new LocalDate(2099, 12, 31));
        return new EngineHarness(provider, clock, sqliteDirectory is null ? directory : null);
    }

    public string NextOperation() => $"op-{Interlocked.Increment(ref _operations)}-{Guid.NewGuid():N}";

    public Task<CommandResult> RunAsync(Func<string, Command> command) => Engine.ExecuteAsync(command(NextOperation()));

    /// <summary>
    /// Files an application as the agent listing the given materials (all of the checklist by default); with
    /// <paramref name="handIn"/> the window then records their paper originals, so that they count as handed in.
    /// </summary>
    public async Task<Guid> FileAsync(string definitionId, IEnumerable<string>? materials = null, string? projectCode = null, bool handIn = true)
    {
        var intake = Engine.Catalog.Latest(definitionId).Intake;
        var listed = (materials ?? intake.Materials.Select(m => m.Code)).ToList();
        var project = new ProjectDetails("年产10万吨新材料项目", Investor.UserId, "某某新材料有限公司", "320193", "C26", 52000m, projectCode, "张伟", "13812345678");
        var result = await Engine.ExecuteAsync(new FileApplication(NextOperation(), Agent with { }, definitionId, project, listed));
        if (handIn && listed.Count > 0) await HandInAsync(result.InstanceId, listed);
        return result.InstanceId;
    }

    /// <summary>The window records the paper originals of the given materials (纸质原件).</summary>
    public Task<CommandResult> HandInAsync(Guid id, IReadOnlyList<string> materials) =>
        RunAsync(op => new RecordPaperOriginals(op, Window, id, materials));

    /// <summary>Files and accepts, so the project is running; returns its id.</summary>
    public async Task<Guid> FileAndAcceptAsync(string definitionId, string? projectCode = null)
    {
        var id = await FileAsync(definitionId, projectCode: projectCode);
        await RunAsync(op => new AcceptApplication(op, Window, id));
        return id;
    }

    /// <summary>
    /// Carries a running project to its end on today's date, everyone agreeing: every opinion passes, the survey is on
    /// today, every finding agrees, every matter is approved (the waiting ones as they open), and the window issues.
    /// </summary>
    public async Task CompleteAllApprovedAsync(Guid id)
    {
        for (var guard = 0; guard < 100; guard++)
        {
            var project = await LoadAsync(id);
            if (project.IsEnded) return;
            var definition = Engine.Catalog.Get(project.DefinitionId, project.DefinitionVersion);
            var open = project.Tasks.Where(t => t.ActivityId == project.CurrentActivityId && t.Status == global::Approval.Engine.Runtime.TaskStatus.Open).ToList();
            if (definition.Activity(project.CurrentActivityId) is global::Approval.Engine.Definitions.DeadlineCompletionDefinition)
                await RunAsync(op => new IssueResults(op, Window, id));
            else if (open.Any(t => t.Kind == TaskKind.SurveyFinding) && project.SurveyOn is null)
                await RunAsync(op => new ScheduleSurvey(op, Window, id, Today));
            else if (open.FirstOrDefault() is not { } task)
                throw new InvalidOperationException($"Project {id} waits at {project.CurrentActivityId} with no open task.");
            else
                await RunAsync(op => task.Kind switch
                {
                    TaskKind.PreReviewOpinion => new GiveOpinion(op, Approver(task.DepartmentId!), task.Id, true, [], null),
                    TaskKind.SurveyFinding => new RecordFindings(op, Approver(task.DepartmentId!), task.Id, true, "现场情况与申报一致"),
                    TaskKind.MatterDecision => new DecideMatter(op, Approver(task.DepartmentId!), task.Id, MatterDecision.Approve, "符合条件", []),
                    _ => throw new InvalidOperationException($"Project {id}: no one agrees to a {task.Kind} task."),
                });
        }
        throw new InvalidOperationException($"Project {id} did not end after 100 commands.");
    }

    public async Task<ProjectInstance> LoadAsync(Guid id)
    {
        await using var db = Database.CreateContext();
        return await db.Instances.AsNoTracking().Include(i => i.Tasks).Include(i => i.Timers).Include(i => i.ClockStops)
            .Include(i => i.Extensions).AsSplitQuery().SingleAsync(i => i.Id == id);
    }

    public async Task<List<Journal.JournalEntry>> JournalAsync(Guid id)
    {
        await using var db = Database.CreateContext();
        return await db.Journal.AsNoTracking().Where(j => j.InstanceId == id).OrderBy(j => j.Sequence).ToListAsync();
    }

    public async Task<List<WorkTask>> OpenTasksAsync(Guid id, TaskKind? kind = null) =>
        (await LoadAsync(id)).Tasks.Where(t => t.Status == global::Approval.Engine.Runtime.TaskStatus.Open && (kind is null || t.Kind == kind)).ToList();

    /// <summary>Moves the clock to 10:00 local time on a date.</summary>
    public void SetDate(LocalDate date) =>
        Clock.Reset(date.At(new LocalTime(10, 0)).InZoneStrictly(DateTimeZoneProviders.Tzdb["Asia/Shanghai"]).ToInstant());

    public LocalDate Today => Engine.Deadlines.Calendar.LocalDateOf(Clock.GetCurrentInstant());

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_directory is not null)
        {
            try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
        }
    }
}
