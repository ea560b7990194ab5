using System.Globalization;

namespace Approval.Benchmarks.EngineLoad;

/// <summary>The database a load run writes to.</summary>
public enum LoadStore { Sqlite, Postgres }

/// <summary>
/// The command line of <c>engine</c>: <c>--scenario parallel3|industrial|completion-acceptance --instances N --store sqlite|postgres
/// [--concurrency C] [--warmup W] [--kept-projects K] [--profile] [--inline-completions] [--allocations]</c>.
/// </summary>
/// <param name="Warmup">A fixed number of warm-up instances, or null: warm up until the JIT has settled (<see cref="WarmUp"/>).</param>
/// <param name="InlineCompletions">
/// Run socket continuations on the socket engine's thread instead of handing them to the thread pool
/// (<c>DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1</c>): one thread hop less per database round trip.
/// </param>
/// <param name="Allocations">Also print what a command allocates, by type (<see cref="AllocationSampler"/>).</param>
/// <param name="KeptProjects">The engine's <c>AggregateCacheSize</c> (0: every command loads its project), or null for its default.</param>
public sealed record LoadOptions(string Scenario, int Instances, LoadStore Store, int Concurrency, int? Warmup, bool Profile,
    bool InlineCompletions = false, bool Allocations = false, int? KeptProjects = null, int Nodes = 1)
{
    /// <summary>The runtime's switch; read once, when the first socket is used, so it must be set before that.</summary>
    public const string InlineCompletionsVariable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>
    /// Local project codes are five random digits per month and division and the clock stands still in one month,
    /// so a run must stay well below 100,000 acceptances for an acceptance's 20 attempts to keep finding a free code.
    /// </summary>
    public const int MaxInstances = 50_000;

    /// <summary>
    /// Four projects at once keep both cores of the 2-core machine busy with the server on it; more only queue
    /// (the measurements are in EngineLoad/README.md, "Concurrency 4 is the knee").
    /// </summary>
    public const int DefaultPostgresConcurrency = 4;

    public const string Usage =
        "usage: engine --scenario parallel3|industrial|completion-acceptance --instances N --store sqlite|postgres [--concurrency C] [--warmup W] [--kept-projects K] [--nodes 2] [--profile] [--inline-completions] [--allocations]\n" +
        "  --concurrency  instances driven at once by async workers (default 1 for sqlite, 4 for postgres)\n" +
        "  --warmup       instances run before timing starts, not counted (default: batches until the JIT has settled)\n" +
        "  --kept-projects  projects the engine keeps in memory for their next command (Engine:AggregateCacheSize; 0 = off)\n" +
        "  --nodes        engines (service providers) in this process on one database, a project's commands alternating between them (postgres only)\n" +
        "  --profile      also print, per command type, SQL statements, SQL time and commit time, as EF Core's events show them:\n" +
        "                 the loads, and saves SaveChanges writes; not the saves SaveWriter writes on PostgreSQL (adds overhead)\n" +
        "  --inline-completions  run socket continuations on the socket thread (DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1)\n" +
        "  --allocations  also print what a command allocates, by type, sampled from the runtime's events (adds overhead)\n" +
        "  postgres needs APPROVAL_POSTGRES, a connection string to a database from which a fresh one can be created";

    /// <summary>Reads the arguments after <c>engine</c>; throws <see cref="ArgumentException"/> naming the bad option.</summary>
    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        string? scenario = null, store = null;
        int? instances = null, concurrency = null;
        int? warmup = null, kept = null;
        var nodes = 1;
        var profile = false;
        var allocations = false;
        var inline = Environment.GetEnvironmentVariable(InlineCompletionsVariable) == "1";
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--scenario": scenario = Value(args, ref i); break;
                case "--store": store = Value(args, ref i); break;
                case "--instances": instances = Number(args, ref i, 1, MaxInstances); break;
                case "--concurrency": concurrency = Number(args, ref i, 1, 1024); break;
                case "--warmup": warmup = Number(args, ref i, 0, 10_000); break;
                case "--kept-projects": kept = Number(args, ref i, 0, 1_000_000); break;
                case "--nodes": nodes = Number(args, ref i, 1, 8); break;
                case "--profile": profile = true; break;
                case "--inline-completions": inline = true; break;
                case "--allocations": allocations = true; break;
                default: throw new ArgumentException($"unknown option '{args[i]}'");
            }
        }
        if (scenario is null || !Scenarios.ILoadScenario.Names.Contains(scenario))
            throw new ArgumentException($"--scenario: expected {string.Join(", ", Scenarios.ILoadScenario.Names)}, given {scenario ?? "nothing"}");
        if (instances is null) throw new ArgumentException("--instances: required, a number of instances from 1 to " + MaxInstances);
        var chosen = store switch
        {
            "sqlite" => LoadStore.Sqlite,
            "postgres" => LoadStore.Postgres,
            _ => throw new ArgumentException($"--store: expected sqlite or postgres, given {store ?? "nothing"}"),
        };
        if (nodes > 1 && chosen == LoadStore.Sqlite)
            throw new ArgumentException("--nodes: several nodes share one PostgreSQL database; SQLite serialises writers within one process");
        return new LoadOptions(scenario, instances.Value, chosen, concurrency ?? (chosen == LoadStore.Sqlite ? 1 : DefaultPostgresConcurrency), warmup, profile,
            inline, allocations, kept, nodes);
    }

    private static string Value(IReadOnlyList<string> args, ref int i) =>
        ++i < args.Count ? args[i] : throw new ArgumentException($"{args[i - 1]}: a value is missing");

    private static int Number(IReadOnlyList<string> args, ref int i, int min, int max)
    {
        var option = args[i];
        var text = Value(args, ref i);
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
            throw new ArgumentException($"{option}: expected a whole number from {min} to {max}, given '{text}'");
        return n;
    }
}
