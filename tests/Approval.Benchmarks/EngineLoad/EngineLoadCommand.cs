using System.Diagnostics;
using System.Globalization;
using Approval.Benchmarks.EngineLoad.Scenarios;
using Approval.Engine;
using Approval.Engine.Persistence;
using Approval.Engine.Runtime;
using Approval.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace Approval.Benchmarks.EngineLoad;

/// <summary>
/// <c>engine --scenario … --instances N --store …</c>: runs N projects end to end against a fresh database and
/// prints a short header, then exactly one summary line that scripts compare between runs.
/// </summary>
public static class EngineLoadCommand
{
    // A Monday and a working day, inside the published calendar years: the survey can be held "today" and the
    // clock never needs to move, so every worker shares one clock.
    private static readonly LocalDate RunDate = new(2024, 3, 4);

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        LoadOptions options;
        try
        {
            options = LoadOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine("engine: " + ex.Message);
            Console.Error.WriteLine(LoadOptions.Usage);
            return 2;
        }
        if (options.InlineCompletions) Environment.SetEnvironmentVariable(LoadOptions.InlineCompletionsVariable, "1");
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
        try
        {
            await RunAsync(options, cancel.Token);
            return 0;
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains(BenchmarkStore.PostgresVariable, StringComparison.Ordinal))
        {
            Console.Error.WriteLine("engine: " + ex.Message);
            return 2;
        }
    }

    private static async Task RunAsync(LoadOptions options, CancellationToken ct)
    {
        var scenario = ILoadScenario.Named(options.Scenario);
        using var workflows = BenchmarkWorkflows.Create();
        await using var store = await BenchmarkStore.CreateAsync(options.Store);
        var clock = FakeClock.AtShanghai(RunDate.Year, RunDate.Month, RunDate.Day, 10);
        var nodes = Enumerable.Range(0, options.Nodes).Select(_ => BuildServices(workflows.Folder, store, clock, options.KeptProjects)).ToList();
        await using var services = nodes[0];
        await using var others = new Disposables(nodes.Skip(1));
        var database = services.GetRequiredService<ApprovalDatabase>();
        await database.MigrateAsync(ct);
        var engines = nodes.Select(n => n.GetRequiredService<WorkflowEngine>()).ToList();
        var engine = engines[0];

        foreach (var line in Header(options, scenario, await store.DescribeAsync())) Console.WriteLine(line);

        // Subscribed before the warm-up: EF Core re-checks whether anyone listens only about once a second.
        using var profiler = options.Profile ? new SqlProfiler() : null;
        var warmUp = await WarmUp.RunAsync(options, instances =>
            RunWorkersAsync(instances, options.Concurrency, scenario, () => new CommandDriver(engines, RunDate, null), ct));
        Console.WriteLine(warmUp.Describe());
        if (await scenario.PrepareAsync(new CommandDriver(engines, RunDate, null), options.Instances, ct) is { } prepared)
            Console.WriteLine(prepared);
        await AnalyzeAsync(database, ct);
        using var allocations = options.Allocations ? new AllocationSampler() : null;
        allocations?.Start();
        var keptBefore = engines.Select(e => e.Kept?.Outcomes).ToList();
        var process = ProcessCost.Start();
        var wall = Stopwatch.StartNew();
        var drivers = await RunWorkersAsync(options.Instances, options.Concurrency, scenario,
            () => new CommandDriver(engines, RunDate, profiler), ct);
        wall.Stop();
        var cost = process.Stop();

        Console.WriteLine(await CheckEndedAsync(database, (warmUp.Instances + options.Instances) * scenario.ProjectsPerInstance, ct));
        var commands = drivers.Sum(d => d.Latencies.Count);
        if (engines.Count == 1) Console.WriteLine(KeptProjects(engine, keptBefore[0], commands));
        else foreach (var line in Nodes(engines, keptBefore, commands)) Console.WriteLine(line);
        foreach (var line in cost.Describe(wall.Elapsed, drivers.Sum(d => d.Latencies.Count))) Console.WriteLine(line);
        if (profiler is not null) foreach (var line in profiler.Report()) Console.WriteLine(line);
        if (allocations is not null) foreach (var line in allocations.Report(drivers.Sum(d => d.Latencies.Count))) Console.WriteLine(line);
        Console.WriteLine(Summary(options, drivers, wall.Elapsed));
    }

    private static ServiceProvider BuildServices(string workflows, BenchmarkStore store, IClock clock, int? keptProjects)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddApprovalEngine(setup =>
        {
            setup.Engine.WorkflowsDirectory = workflows;
            setup.Persistence.Provider = store.Provider;
            setup.Persistence.ConnectionString = store.ConnectionString;
            setup.Scheduler.Enabled = false;
            if (keptProjects is { } kept) setup.Engine.AggregateCacheSize = kept;
        });
        services.Replace(ServiceDescriptor.Singleton(clock));
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// Runs <paramref name="instances"/> projects on <paramref name="concurrency"/> async workers, each taking the
    /// next project number when its previous project has ended.
    /// </summary>
    internal static async Task<List<CommandDriver>> RunWorkersAsync(int instances, int concurrency, ILoadScenario scenario,
        Func<CommandDriver> newDriver, CancellationToken ct)
    {
        var next = -1;
        var drivers = Enumerable.Range(0, Math.Min(concurrency, Math.Max(instances, 1))).Select(_ => newDriver()).ToList();
        await Task.WhenAll(drivers.Select(driver => Task.Run(async () =>
        {
            for (var index = Interlocked.Increment(ref next); index < instances; index = Interlocked.Increment(ref next))
                await scenario.RunAsync(driver, index, ct);
        }, ct)));
        return drivers;
    }

    private static IEnumerable<string> Header(LoadOptions options, ILoadScenario scenario, string store)
    {
        yield return $"engine load: scenario={options.Scenario} instances={options.Instances} concurrency={options.Concurrency}" +
            (options.Nodes > 1 ? $" nodes={options.Nodes}" : "") +
            (options.Profile ? " profile=on (adds overhead)" : "") + (options.InlineCompletions ? " inline-completions=on" : "") +
            (options.Allocations ? " allocations=on (adds overhead)" : "");
        yield return $"machine: {Environment.ProcessorCount} cores ({Machine.Cpu()}), {Machine.Os()}, .NET {Environment.Version}, " +
            $"{(Machine.IsOptimised() ? "Release" : "NOT optimised")}, server GC={System.Runtime.GCSettings.IsServerGC}, " +
            $"load average {Machine.LoadAverage()}";
        yield return $"store: {store}";
        yield return $"scenario: {scenario.Description}";
        yield return $"clock: fixed at {RunDate:yyyy-MM-dd} 10:00 Asia/Shanghai; latency = one engine command (Stopwatch); " +
            "the tasks to act on come from the commands' results (OpenedTasks)";
    }

    /// <summary>
    /// Gives the database the statistics a database in use has. A fresh one has none until autovacuum's next round
    /// (up to a minute), and PostgreSQL's choice between a prepared statement's generic plan and planning it at every
    /// execution then depends on the moment: in one of three otherwise identical runs the loader's task query was
    /// planned 2,000 times in 7,000 executions (pg_stat_statements), 0.55 s of server CPU that a deployment never pays.
    /// </summary>
    private static async Task AnalyzeAsync(ApprovalDatabase database, CancellationToken ct)
    {
        await using var db = database.CreateContext();
        await db.Database.ExecuteSqlRawAsync("ANALYZE", ct);
        Console.WriteLine("statistics: ANALYZE after the warm-up, as a database in use would have them");
    }

    /// <summary>
    /// With several nodes: per node, the commands saved from its kept copy and those whose kept copy was stale (the other
    /// node had saved the project since), which failed their save on the version check and ran again from a load — the
    /// conflicts a deployment without project affinity pays.
    /// </summary>
    private static IEnumerable<string> Nodes(List<WorkflowEngine> engines, List<(long Saved, long FellBack)?> before, int commands)
    {
        long saved = 0, conflicts = 0;
        for (var i = 0; i < engines.Count; i++)
        {
            if (engines[i].Kept is not { } kept || before[i] is not { } start)
            {
                yield return $"node {i + 1}: kept projects off (every command loads its project)";
                continue;
            }
            var (s, f) = kept.Outcomes;
            saved += s - start.Saved;
            conflicts += f - start.FellBack;
            yield return $"node {i + 1}: {s - start.Saved} commands saved from its kept copy, {f - start.FellBack} conflicts (stale copy: failed save, load, again); {kept.Count} projects kept at the end";
        }
        yield return $"nodes: {engines.Count} engines on one database, a project's commands alternating between them: {commands} decisions, " +
            $"{saved} saved without a load, {conflicts} conflicts ({(commands == 0 ? 0 : 100.0 * conflicts / commands):F1}% of decisions)";
    }

    private sealed class Disposables(IEnumerable<ServiceProvider> providers) : IAsyncDisposable
    {
        private readonly List<ServiceProvider> _providers = [.. providers];

        public async ValueTask DisposeAsync()
        {
            foreach (var provider in _providers) await provider.DisposeAsync();
        }
    }

    /// <summary>How many of the timed commands started without reading their project back (<see cref="WorkflowEngine"/>'s kept projects).</summary>
    private static string KeptProjects(WorkflowEngine engine, (long Saved, long FellBack)? before, int commands)
    {
        if (engine.Kept is not { } kept || before is not { } start) return "kept projects: off (every command loads its project)";
        var (saved, fellBack) = kept.Outcomes;
        return $"kept projects: {saved - start.Saved} of {commands} commands saved without a load first, " +
            $"{fellBack - start.FellBack} had to load after all; {kept.Count} projects kept at the end";
    }

    /// <summary>Reads back what the engine stored: every project of the run must have ended.</summary>
    private static async Task<string> CheckEndedAsync(ApprovalDatabase database, int expected, CancellationToken ct)
    {
        await using var db = database.CreateContext();
        var statuses = await db.Instances.AsNoTracking().GroupBy(i => i.Status)
            .Select(g => new { Status = g.Key, Count = g.Count(), Ended = g.Count(i => i.EndedAt != null) }).ToListAsync(ct);
        var ended = statuses.Sum(s => s.Ended);
        var total = statuses.Sum(s => s.Count);
        if (ended != expected || total != expected)
            throw new InvalidOperationException($"Expected {expected} ended projects in the database, found {ended} of {total}.");
        return $"checked: {ended} projects ended in the database (incl. warm-up): " +
            string.Join(", ", statuses.OrderBy(s => s.Status.ToString()).Select(s => $"{s.Count} {s.Status}"));
    }

    private static string Summary(LoadOptions options, List<CommandDriver> drivers, TimeSpan wall)
    {
        var latencies = Latencies.AllSorted(drivers.Select(d => d.Latencies));
        var seconds = wall.TotalSeconds;
        return string.Format(CultureInfo.InvariantCulture,
            "instances/s={0:F1} decisions/s={1:F1} p50_ms={2:F2} p95_ms={3:F2} p99_ms={4:F2} store={5} scenario={6} instances={7}" +
            (options.Nodes > 1 ? " nodes=" + options.Nodes : ""),
            options.Instances / seconds, latencies.Length / seconds, Latencies.Percentile(latencies, 50),
            Latencies.Percentile(latencies, 95), Latencies.Percentile(latencies, 99),
            options.Store.ToString().ToLowerInvariant(), options.Scenario, options.Instances);
    }
}
