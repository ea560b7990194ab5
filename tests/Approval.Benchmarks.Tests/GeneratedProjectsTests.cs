using Approval.Benchmarks.Seed;
using Approval.Engine.Definitions;
using Approval.Engine.Persistence;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Supervision;
using Approval.Engine.Timers;
using Approval.Testing.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using TaskStatus = Approval.Engine.Runtime.TaskStatus;

namespace Approval.Benchmarks.Tests;

/// <summary>
/// The data generator (<c>seed</c>) on a small volume: every status and every light is there, and the engine carries
/// on generated projects of every procedure and stage — accepting filings, deciding tasks, issuing, firing due timers.
/// </summary>
public sealed class GeneratedProjectsTests
{
    private const int Projects = 200;
    // A Monday in a verified calendar year; the running projects' lights are relative to it.
    private static readonly LocalDate Today = new(2026, 6, 15);

    [Fact]
    public async Task Generated_projects_on_sqlite_have_every_status_and_light_and_the_engine_carries_them_on()
    {
        var folder = Path.Combine(Path.GetTempPath(), "approval-seed-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await GenerateAndCarryOnAsync(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "seed.db")}");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task Generated_projects_on_postgres_have_every_status_and_light_and_the_engine_carries_them_on()
    {
        await using var pg = await PostgresDatabase.CreateAsync(TestContext.Current.CancellationToken);
        await GenerateAndCarryOnAsync(DatabaseProvider.Postgres, pg.ConnectionString);
    }

    private static async Task GenerateAndCarryOnAsync(DatabaseProvider provider, string connection)
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeClock(Instant.FromUtc(2025, 3, 3, 2, 0));
        await using var seed = await SeedEngine.StartAsync(provider, connection, clock, ct: ct);
        var (templates, data) = await SeedRun.RunAsync(seed, Projects, Today, fullTemplates: false, randomSeed: 7, _ => { }, ct);
        Assert.Equal(Projects, data.Projects);
        var templateIds = templates.Select(t => t.Id).ToHashSet();

        await using var db = seed.Database.CreateContext();
        var generated = (await db.Set<ProjectInstance>().AsNoTracking().Include(i => i.Tasks).AsSplitQuery().ToListAsync(ct))
            .Where(i => !templateIds.Contains(i.Id)).ToList();
        // The templates, the permits a 竣工联合验收 follows, and the clones.
        Assert.True(generated.Count >= Projects, $"{generated.Count} projects besides the templates");

        // Every status the generator promises, every procedure, many investors, several departments.
        foreach (var status in new[] { InstanceStatus.Filed, InstanceStatus.Returned, InstanceStatus.Running, InstanceStatus.Completed,
                     InstanceStatus.Rejected, InstanceStatus.Refused, InstanceStatus.Terminated })
            Assert.Contains(generated, i => i.Status == status);
        Assert.Equal(seed.Engine.Catalog.Definitions.Select(d => d.Id).Distinct().Order(), generated.Select(i => i.DefinitionId).Distinct().Order());
        Assert.True(generated.Select(i => i.InvestorId).Distinct().Count() > Projects / 10);
        Assert.Contains(generated, i => i.Status == InstanceStatus.Completed && i.OnTime == false);
        Assert.Contains(generated, i => i.Status == InstanceStatus.Completed && i.OnTime == true);
        Assert.True(generated.SelectMany(i => i.Tasks).Select(t => t.DepartmentId).Distinct().Count() >= 5);
        // Unique codes and query keys; filings spread over about three years.
        var codes = generated.Where(i => i.ProjectCode is not null).Select(i => i.ProjectCode).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        var filed = generated.Select(i => i.FiledAt.InUtc().Date).ToList();
        Assert.True(Period.Between(filed.Min(), filed.Max(), PeriodUnits.Days).Days > 600, $"filed from {filed.Min()} to {filed.Max()}");
        Assert.All(generated, i => Assert.True(i.FiledAt.InUtc().Date <= Today));

        // Lights of every colour among running projects' open tasks, today.
        SetDate(clock, Today);
        var lights = seed.Services.GetRequiredService<LightPolicy>();
        var now = clock.GetCurrentInstant();
        var open = generated.Where(i => i.Status == InstanceStatus.Running).SelectMany(i => i.Tasks.Where(t => t.Status == TaskStatus.Open)).ToList();
        Assert.Equal([Light.Green, Light.Yellow, Light.Red], open.Select(t => lights.Of(now, t)).Distinct().Order());
        Assert.Contains(generated.SelectMany(i => i.Tasks), t => t.Status == TaskStatus.Suspended);

        // The engine carries on generated projects: one of every procedure and stage.
        var engine = seed.Engine;
        var carried = 0;
        foreach (var project in generated.Where(i => i.Status is InstanceStatus.Running or InstanceStatus.Filed)
                     .GroupBy(i => (i.DefinitionId, i.Status, i.CurrentActivityId, Open: i.Tasks.Count(t => t.Status == TaskStatus.Open)))
                     .Select(g => g.OrderByDescending(i => i.StepDueOn).First()))   // a survey date must fit in its step: the least late
        {
            if (project.SurveyOn is null && project.StepDueOn < Today && project.Tasks.Any(t => t.Kind == TaskKind.SurveyFinding && t.Status == TaskStatus.Open))
                continue;   // the engine fixes a survey date only within its step
            var result = await NextCommandAsync(engine, project, Today, ct);
            Assert.Equal(project.Id, result.InstanceId);
            await using var after = seed.Database.CreateContext();
            var saved = await after.Set<ProjectInstance>().AsNoTracking().SingleAsync(i => i.Id == project.Id, ct);
            Assert.True(saved.Version > project.Version, $"{project.DefinitionId} at {project.CurrentActivityId}: not saved");
            carried++;
        }
        Assert.True(carried >= 15, $"only {carried} stages carried on");

        // Due timers of generated projects fire (the scheduler catches up on red tasks).
        var fired = await seed.Services.GetRequiredService<TimerScheduler>().RunDueAsync(ct);
        Assert.True(fired > 0, "no due timer fired");
        await using var check = seed.Database.CreateContext();
        Assert.True(await check.Set<DurableTimer>().CountAsync(t => t.Status == TimerStatus.Fired && t.FiredAt == now, ct) > 0);
    }

    private static Task<CommandResult> NextCommandAsync(WorkflowEngine engine, ProjectInstance project, LocalDate today, CancellationToken ct)
    {
        var op = "test-" + Guid.NewGuid().ToString("N");
        var window = new Actor("window-test", ActorRole.WindowClerk);
        if (project.Status == InstanceStatus.Filed) return engine.ExecuteAsync(new AcceptApplication(op, window, project.Id), ct);
        var definition = engine.Catalog.Get(project.DefinitionId, project.DefinitionVersion);
        if (definition.Activity(project.CurrentActivityId) is DeadlineCompletionDefinition)
            return engine.ExecuteAsync(new IssueResults(op, window, project.Id), ct);
        var open = project.Tasks.Where(t => t.ActivityId == project.CurrentActivityId && t.Status == TaskStatus.Open)
            .OrderBy(t => t.Kind).ThenBy(t => t.DepartmentId, StringComparer.Ordinal).ToList();
        if (open.Any(t => t.Kind == TaskKind.SurveyFinding) && project.SurveyOn is null)
            return engine.ExecuteAsync(new ScheduleSurvey(op, window, project.Id, today), ct);
        var task = open.FirstOrDefault() ?? project.Tasks.First(t => t.Status == TaskStatus.Suspended);
        var approver = new Actor("approver-" + task.DepartmentId, ActorRole.Approver, task.DepartmentId);
        Command command = task.Status == TaskStatus.Suspended ? new ResumeClock(op, approver, task.Id, null) : task.Kind switch
        {
            TaskKind.PreReviewOpinion => new GiveOpinion(op, approver, task.Id, true, [], null),
            TaskKind.SurveyFinding => new RecordFindings(op, approver, task.Id, true, "现场情况与申报一致"),
            TaskKind.MatterDecision => new DecideMatter(op, approver, task.Id, MatterDecision.Approve, "符合条件", []),
            TaskKind.ApplicantCorrection => new SubmitCorrection(op, new Actor(project.InvestorId, ActorRole.Investor), task.Id, ["environment-approval"], "已补充"),
            _ => throw new InvalidOperationException($"no command for a {task.Kind} task"),
        };
        return engine.ExecuteAsync(command, ct);
    }

    private static void SetDate(FakeClock clock, LocalDate date) =>
        clock.Reset(date.At(new LocalTime(10, 0)).InZoneStrictly(DateTimeZoneProviders.Tzdb["Asia/Shanghai"]).ToInstant());
}
