using System.Diagnostics;
using System.Runtime;

namespace Approval.Benchmarks.EngineLoad;

/// <summary>
/// Runs projects before timing starts, so that the figures are of the engine and not of the JIT. Tiered compilation
/// (with dynamic PGO) recompiles a few thousand hot methods of EF Core, the providers and the engine during the first
/// thousand or so projects, which costs more CPU than the commands themselves; by default batches run until a
/// batch compiles almost nothing.
/// </summary>
public sealed record WarmUp(int Instances, int Batches, long LastBatchMethods, TimeSpan Took, bool Fixed, bool Settled)
{
    /// <summary>A batch that leaves the JIT compiling fewer methods than this counts as settled.</summary>
    private const int SettledMethods = 25;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);

    public static async Task<WarmUp> RunAsync(LoadOptions options, Func<int, Task> run)
    {
        var watch = Stopwatch.StartNew();
        if (options.Warmup is { } count)
        {
            if (count > 0) await run(count);
            return new WarmUp(count, count > 0 ? 1 : 0, 0, watch.Elapsed, Fixed: true, Settled: false);
        }
        var batch = Math.Max(25, 4 * options.Concurrency);
        var (instances, batches, compiled) = (0, 0, long.MaxValue);
        while (compiled >= SettledMethods && watch.Elapsed < Limit)
        {
            var before = JitInfo.GetCompiledMethodCount();
            await run(batch);
            compiled = JitInfo.GetCompiledMethodCount() - before;
            instances += batch;
            batches++;
        }
        return new WarmUp(instances, batches, compiled, watch.Elapsed, Fixed: false, Settled: compiled < SettledMethods);
    }

    public string Describe() => Fixed
        ? $"warm-up: {Instances} instances as asked (--warmup), {Took.TotalSeconds:F1} s, not counted"
        : $"warm-up: {Instances} instances in {Batches} batches, {Took.TotalSeconds:F1} s, not counted; " +
          (Settled
              ? $"the JIT had settled (last batch compiled {LastBatchMethods} methods)"
              : $"the JIT had NOT settled after {Limit.TotalSeconds:F0} s (last batch compiled {LastBatchMethods} methods)");
}
