using Approval.Engine;
using Approval.Engine.Calendar;
using Approval.Engine.Definitions;
using Approval.Engine.Journal;
using Approval.Engine.Persistence;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Supervision;
using Approval.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace Approval.Browser.Tests.Tasks;

/// <summary>
/// Projects for the approver pages, arranged through the engine: filed by the demo investor and accepted by the window,
/// today or on an earlier day (an engine over the product's database whose clock stands on that day), then driven to
/// the step a test is about. Every project has its own name, so tests find their own data on the shared server.
/// </summary>
internal static class TaskData
{
    public const string Industrial = "industrial-construction-permit";
    public const string Enterprise = "enterprise-establishment";

    private static readonly Actor Window = new("window", ActorRole.WindowClerk);
    private static readonly Actor Investor = new(DemoData.InvestorId, ActorRole.Investor, null, DemoData.InvestorName);

    public static Actor Approver(string departmentId) => new($"approver-{departmentId}", ActorRole.Approver, departmentId);

    /// <summary>A project name no other test uses.</summary>
    public static string UniqueName(string what) => $"{what}{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>Files and accepts a project today (through the product's own engine); returns its id.</summary>
    public static Task<Guid> AcceptedAsync(IServiceProvider product, string definitionId, string name) =>
        AcceptedAsync(product.GetRequiredService<WorkflowEngine>(), definitionId, name);

    /// <summary>
    /// Files and accepts a project on <paramref name="day"/> (10:00 in Shanghai), as if it had happened then: its
    /// tasks were opened that day, so they are as near their deadline, or as far past it, as the day makes them.
    /// </summary>
    public static async Task<Guid> AcceptedOnAsync(IServiceProvider product, LocalDate day, string definitionId, string name,
        Func<IServiceProvider, Guid, Task>? then = null)
    {
        await using var services = EngineAt(product, day);
        var engine = services.GetRequiredService<WorkflowEngine>();
        var id = await AcceptedAsync(engine, definitionId, name);
        if (then is not null) await then(services, id);
        return id;
    }

    /// <summary>A project at the combined site survey with the survey on <paramref name="day"/>: every pre-review opinion passed that day.</summary>
    public static Task<Guid> AtSurveyOnAsync(IServiceProvider product, LocalDate day, string name) =>
        AcceptedOnAsync(product, day, Industrial, name, async (services, id) =>
        {
            var engine = services.GetRequiredService<WorkflowEngine>();
            var project = await services.GetRequiredService<ProjectReader>().GetAsync(Actor.System, id);
            foreach (var task in project.Tasks.Where(t => t.Kind == TaskKind.PreReviewOpinion && t.IsOpen).ToList())
                await engine.ExecuteAsync(new GiveOpinion(Guid.NewGuid().ToString(), Approver(task.DepartmentId!), task.Id, true, [], null));
            await engine.ExecuteAsync(new ScheduleSurvey(Guid.NewGuid().ToString(), Window, id, day));
        });

    public static Task<ProjectInstance> ProjectAsync(IServiceProvider product, Guid id) =>
        product.GetRequiredService<ProjectReader>().GetAsync(Actor.System, id);

    public static Task<List<JournalEntry>> JournalAsync(IServiceProvider product, Guid id) =>
        product.GetRequiredService<ProjectReader>().JournalAsync(id);

    /// <summary>The task of a department (its latest round), in whatever state it is now.</summary>
    public static async Task<WorkTask> TaskOfAsync(IServiceProvider product, Guid id, string departmentId, TaskKind kind) =>
        (await ProjectAsync(product, id)).Tasks.Where(t => t.DepartmentId == departmentId && t.Kind == kind).OrderBy(t => t.Round).Last();

    /// <summary>Today on the product's national calendar.</summary>
    public static LocalDate Today(IServiceProvider product) => product.GetRequiredService<ProjectReader>().Today;

    /// <summary>The latest working day on or before today.</summary>
    public static LocalDate LastWorkingDay(IServiceProvider product)
    {
        var calendar = product.GetRequiredService<IWorkingDayCalendars>().National;
        var day = Today(product);
        while (!calendar.IsWorkingDay(day)) day = day.PlusDays(-1);
        return day;
    }

    /// <summary>
    /// The latest working day D before today such that a task of <paramref name="workingDays"/> opened on D is due
    /// today or later but within <paramref name="withinWorkingDays"/>: a task near its deadline.
    /// </summary>
    public static LocalDate DayForNearDeadline(IServiceProvider product, int workingDays, int withinWorkingDays)
    {
        var calendar = product.GetRequiredService<IWorkingDayCalendars>().National;
        var today = Today(product);
        var day = today;
        while (true)
        {
            var earlier = day.PlusDays(-1);
            while (!calendar.IsWorkingDay(earlier)) earlier = earlier.PlusDays(-1);
            if (calendar.Deadline(earlier, workingDays).Date < today) break;
            day = earlier;
        }
        var due = calendar.Deadline(day, workingDays).Date;
        return calendar.WorkingDaysBetween(today, due).Days <= withinWorkingDays ? day : throw new InvalidOperationException(
            $"No day near the deadline: {day} is due {due}.");
    }

    /// <summary>Files (choosing <paramref name="commitmentMatters"/> on commitment, 告知承诺) and accepts a project today; returns its id.</summary>
    public static Task<Guid> AcceptedOnCommitmentAsync(IServiceProvider product, string definitionId, string name, params string[] commitmentMatters) =>
        AcceptedAsync(product.GetRequiredService<WorkflowEngine>(), definitionId, name, commitmentMatters);

    private static async Task<Guid> AcceptedAsync(WorkflowEngine engine, string definitionId, string name, IReadOnlyList<string>? commitmentMatters = null)
    {
        var materials = engine.Catalog.Latest(definitionId).Intake.Materials.Select(m => m.Code).ToList();
        var project = new ProjectDetails(name, DemoData.InvestorId, DemoData.InvestorName, "320193", "C2651", 52000m, null, "张伟", "13812345678");
        var id = (await engine.ExecuteAsync(new FileApplication(Guid.NewGuid().ToString(), Investor, definitionId, project, materials,
            commitmentMatters))).InstanceId;
        await engine.ExecuteAsync(new RecordPaperOriginals(Guid.NewGuid().ToString(), Window, id, materials));
        await engine.ExecuteAsync(new AcceptApplication(Guid.NewGuid().ToString(), Window, id));
        return id;
    }

    /// <summary>
    /// A construction permit and the 竣工联合验收 that follows it under the same code, both carried to their end on the
    /// last working day with everyone agreeing; returns both ids.
    /// </summary>
    public static async Task<(Guid Permit, Guid Acceptance)> CompletedJointAcceptanceAsync(IServiceProvider product, string name)
    {
        var day = LastWorkingDay(product);
        await using var services = EngineAt(product, day);
        var engine = services.GetRequiredService<WorkflowEngine>();
        var reader = services.GetRequiredService<ProjectReader>();
        var permit = await AcceptedAsync(engine, Industrial, name + "施工许可");
        await CompleteAllAsync(engine, reader, permit, day);
        var code = (await reader.GetAsync(Actor.System, permit)).ProjectCode;
        var materials = engine.Catalog.Latest("joint-completion-acceptance").Intake.Materials.Select(m => m.Code).ToList();
        var project = new ProjectDetails(name, DemoData.InvestorId, DemoData.InvestorName, "320193", "C2651", 52000m, code, "张伟", "13812345678");
        var acceptance = (await engine.ExecuteAsync(new FileApplication(Guid.NewGuid().ToString(), Investor, "joint-completion-acceptance", project, materials))).InstanceId;
        await engine.ExecuteAsync(new RecordPaperOriginals(Guid.NewGuid().ToString(), Window, acceptance, materials));
        await engine.ExecuteAsync(new AcceptApplication(Guid.NewGuid().ToString(), Window, acceptance));
        await CompleteAllAsync(engine, reader, acceptance, day);
        return (permit, acceptance);
    }

    /// <summary>Every opinion passes, the survey is on <paramref name="day"/>, every finding agrees, every matter is approved, the window issues.</summary>
    private static async Task CompleteAllAsync(WorkflowEngine engine, ProjectReader reader, Guid id, LocalDate day)
    {
        for (var guard = 0; guard < 100; guard++)
        {
            var project = await reader.GetAsync(Actor.System, id);
            if (project.IsEnded) return;
            var step = engine.Catalog.Get(project.DefinitionId, project.DefinitionVersion).Activity(project.CurrentActivityId);
            var open = project.Tasks.Where(t => t.ActivityId == project.CurrentActivityId && t.Status == Engine.Runtime.TaskStatus.Open).ToList();
            var op = Guid.NewGuid().ToString();
            Command command = step is DeadlineCompletionDefinition ? new IssueResults(op, Window, id)
                : open.Any(t => t.Kind == TaskKind.SurveyFinding) && project.SurveyOn is null ? new ScheduleSurvey(op, Window, id, day)
                : open[0].Kind switch
                {
                    TaskKind.PreReviewOpinion => new GiveOpinion(op, Approver(open[0].DepartmentId!), open[0].Id, true, [], null),
                    TaskKind.SurveyFinding => new RecordFindings(op, Approver(open[0].DepartmentId!), open[0].Id, true, "现场与申报一致"),
                    _ => new DecideMatter(op, Approver(open[0].DepartmentId!), open[0].Id, MatterDecision.Approve, "验收合格", []),
                };
            await engine.ExecuteAsync(command);
        }
        throw new InvalidOperationException($"Project {id} did not end.");
    }

    /// <summary>An engine over the product's database, calendars and definitions whose clock stands at 10:00 on <paramref name="day"/>.</summary>
    private static ServiceProvider EngineAt(IServiceProvider product, LocalDate day)
    {
        var calendars = product.GetRequiredService<IWorkingDayCalendars>();
        var at = calendars.National.StartOfDay(day).Plus(Duration.FromHours(10));
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IClock>(new FixedClock(at));
        services.AddApprovalEngine();
        services.Replace(ServiceDescriptor.Singleton(product.GetRequiredService<PersistenceOptions>()));
        services.Replace(ServiceDescriptor.Singleton(product.GetRequiredService<EngineOptions>()));
        services.Replace(ServiceDescriptor.Singleton(calendars));
        services.Replace(ServiceDescriptor.Singleton(product.GetRequiredService<DefinitionCatalog>()));
        services.RemoveAll<Microsoft.Extensions.Hosting.IHostedService>();
        return services.BuildServiceProvider();
    }

    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }
}
