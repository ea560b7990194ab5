using System.Diagnostics;
using System.Globalization;

namespace Approval.Benchmarks.EngineLoad;

/// <summary>
/// What the measured part of a run cost this process: CPU time (user + kernel, all threads), allocations and
/// garbage collections. CPU per command against latency per command tells computing from waiting (disk, locks).
/// </summary>
public sealed record ProcessCost(TimeSpan Cpu, TimeSpan Kernel, long AllocatedBytes, int Gen0, int Gen1, int Gen2)
{
    public static ProcessCost Start() => Now();

    /// <summary>The cost since <see cref="Start"/>.</summary>
    public ProcessCost Stop()
    {
        var now = Now();
        return new ProcessCost(now.Cpu - Cpu, now.Kernel - Kernel, now.AllocatedBytes - AllocatedBytes, now.Gen0 - Gen0, now.Gen1 - Gen1, now.Gen2 - Gen2);
    }

    public string Describe(TimeSpan wall, int commands) => string.Format(CultureInfo.InvariantCulture,
        "process: cpu {0:F1} s ({1:F1} s kernel) in {2:F1} s wall ({3:F0}% of one core); per command {4:F2} ms cpu " +
        "({5:F2} ms kernel) and {6:F0} KB allocated; GCs gen0/1/2 {7}/{8}/{9}",
        Cpu.TotalSeconds, Kernel.TotalSeconds, wall.TotalSeconds, 100 * Cpu / wall, Cpu.TotalMilliseconds / commands,
        Kernel.TotalMilliseconds / commands, AllocatedBytes / 1024.0 / commands, Gen0, Gen1, Gen2);

    private static ProcessCost Now()
    {
        using var self = Process.GetCurrentProcess();
        return new ProcessCost(self.TotalProcessorTime, self.PrivilegedProcessorTime, GC.GetTotalAllocatedBytes(precise: true),
            GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
    }
}
