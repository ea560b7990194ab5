using Approval.Engine;
using Approval.Engine.Persistence;
using Approval.Engine.Runtime;
using Approval.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using NodaTime.Testing;

namespace Approval.Benchmarks.Seed;

/// <summary>
/// The engine the generator and its tests use: the repository's workflows, the given database (migrated by the
/// engine's own start-up path, <see cref="ApprovalDatabase.MigrateAsync"/>), a fake clock, the scheduler off.
/// </summary>
public sealed class SeedEngine : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private SeedEngine(ServiceProvider services, FakeClock clock)
    {
        _services = services;
        Clock = clock;
    }

    public FakeClock Clock { get; }
    public IServiceProvider Services => _services;
    public WorkflowEngine Engine => _services.GetRequiredService<WorkflowEngine>();
    public ApprovalDatabase Database => _services.GetRequiredService<ApprovalDatabase>();

    public static async Task<SeedEngine> StartAsync(DatabaseProvider provider, string connectionString, FakeClock clock,
        Action<ApprovalEngineSetup>? configure = null, CancellationToken ct = default)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddApprovalEngine(setup =>
        {
            setup.Engine.WorkflowsDirectory = RepositoryPaths.Workflows;
            setup.Persistence.Provider = provider;
            setup.Persistence.ConnectionString = connectionString;
            setup.Scheduler.Enabled = false;
            configure?.Invoke(setup);
        });
        services.Replace(ServiceDescriptor.Singleton<IClock>(clock));
        var provided = services.BuildServiceProvider();
        await provided.GetRequiredService<ApprovalDatabase>().MigrateAsync(ct);
        return new SeedEngine(provided, clock);
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}

/// <summary>Templates, then clones: what <c>seed</c> does, callable from tests.</summary>
public static class SeedRun
{
    /// <summary>The day the templates run from: a Monday, a year before the three years the clones spread over need not matter.</summary>
    public static readonly LocalDate TemplateDate = new(2025, 3, 3);

    public static async Task<(IReadOnlyList<TemplateProject> Templates, GeneratedData Data)> RunAsync(SeedEngine seed, int projects,
        LocalDate today, bool fullTemplates, int randomSeed, Action<string> progress, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var templates = await new TemplateProjects(seed.Engine, seed.Database, seed.Services.GetRequiredService<AgentAuthorizations>(),
            seed.Clock, TemplateDate).MakeAsync(fullTemplates, ct);
        progress($"seed: {templates.Count} template projects run through the engine ({string.Join(", ", templates.GroupBy(t => t.DefinitionId).Select(g => $"{g.Key} {g.Count()}"))}) in {started.Elapsed.TotalSeconds:F1} s");
        var generator = new ProjectGenerator(seed.Database, seed.Engine.Deadlines.Calendar, today, randomSeed, progress);
        var data = await generator.GenerateAsync(templates, projects, ct);
        // The clones were written round the engine: their tallies are built from the rows, as on an upgraded database.
        var tallied = System.Diagnostics.Stopwatch.StartNew();
        await seed.Services.GetRequiredService<Approval.Engine.Supervision.TallyCompaction>().RebuildAsync(ct);
        progress($"seed: tallies built from the rows in {tallied.Elapsed.TotalSeconds:F1} s");
        await using var db = seed.Database.CreateContext();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        await db.Database.ExecuteSqlRawAsync("ANALYZE", ct);
        return (templates, data);
    }
}
