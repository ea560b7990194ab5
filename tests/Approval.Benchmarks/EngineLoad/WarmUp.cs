using System.Diagnostics;
using System.Runtime;

namespace Approval.Benchmarks.EngineLoad;

/// <summary>
/// Runs projects before timing starts, so that the figures are of the engine and not of the JIT. Tiered compilation
/// (with dynamic PGO) recompiles a few thousand hot methods of EF Core, the providers and the engine during the first
/// thousand or so projects, which costs more CPU than the commands themselves; by default batches run for at least
/// 20 s and until two batches in a row compile almost nothing.
/// </summary>
public sealed record WarmUp(int Instances, int Batches, long LastBatchMethods, TimeSpan Took, bool Fixed, bool Settled)
{
    /// <summary>A batch that leaves the JIT compiling fewer methods than this counts as settled.</summary>
    private const int SettledMethods = 25;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);

    // Tier-1 recompilation runs in the background after a call-count delay, so one quiet batch of a few seconds
    // proved nothing (measured: 350 warm-up projects, then 6,405 methods compiled while timing). Settled means two
    // quiet batches in a row after at least this long.
    private static readonly TimeSpan Minimum = TimeSpan.FromSeconds(20);

    public static async Task<WarmUp> RunAsync(LoadOptions options, Func<int, Task> run)
    {
        var watch = Stopwatch.StartNew();
        if (options.Warmup is { } count)
        {
            if (count > 0) await run(count);
            return new WarmUp(count, count > 0 ? 1 : 0, 0, watch.Elapsed, Fixed: true, Settled: false);
        }
        var batch = Math.Max(25, 4 * options.Concurrency);
        var (instances, batches, compiled, quiet) = (0, 0, long.MaxValue, 0);
        while ((quiet < 2 || watch.Elapsed < Minimum) && watch.Elapsed < Limit)
        {
            var before = JitInfo.GetCompiledMethodCount();
            await run(batch);
            compiled = JitInfo.GetCompiledMethodCount() - before;
            quiet = compiled < SettledMethods ? quiet + 1 : 0;
            instances += batch;
            batches++;
        }
        return new WarmUp(instances, batches, compiled, watch.Elapsed, Fixed: false, Settled: quiet >= 2);
    }

    public string Describe() => Fixed
        ? $"warm-up: {Instances} instances as asked (--warmup), {Took.TotalSeconds:F1} s, not counted"
        : $"warm-up: {Instances} instances in {Batches} batches, {Took.TotalSeconds:F1} s, not counted; " +
          (Settled
              ? $"the JIT had settled (last batch compiled {LastBatchMethods} methods)"
              : $"the JIT had NOT settled after {Limit.TotalSeconds:F0} s (last batch compiled {LastBatchMethods} methods)");
}
