using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace Approval.Benchmarks.EngineLoad;

/// <summary>
/// What the measured part of a run cost: this process's CPU time (user + kernel, all threads), allocations, garbage
/// collections and methods compiled by the JIT, and how busy the whole machine was. CPU per command against latency
/// per command tells computing from waiting (disk, round trips, locks); the machine's busy cores tell whether other
/// work (the database server, other builds) competed for the CPU.
/// </summary>
public sealed record ProcessCost(TimeSpan Cpu, TimeSpan Kernel, long AllocatedBytes, int Gen0, int Gen1, int Gen2,
    long JitMethods, TimeSpan JitTime, MachineTicks Machine)
{
    public static ProcessCost Start() => Now();

    /// <summary>The cost since <see cref="Start"/>.</summary>
    public ProcessCost Stop()
    {
        var now = Now();
        return new ProcessCost(now.Cpu - Cpu, now.Kernel - Kernel, now.AllocatedBytes - AllocatedBytes, now.Gen0 - Gen0,
            now.Gen1 - Gen1, now.Gen2 - Gen2, now.JitMethods - JitMethods, now.JitTime - JitTime, now.Machine - Machine);
    }

    public IEnumerable<string> Describe(TimeSpan wall, int commands)
    {
        var c = CultureInfo.InvariantCulture;
        yield return string.Format(c,
            "process: cpu {0:F1} s ({1:F1} s kernel) in {2:F1} s wall ({3:F0}% of one core); per command {4:F2} ms cpu " +
            "({5:F2} ms kernel) and {6:F0} KB allocated; GCs gen0/1/2 {7}/{8}/{9}; JIT compiled {10} methods in {11:F1} s",
            Cpu.TotalSeconds, Kernel.TotalSeconds, wall.TotalSeconds, 100 * Cpu / wall, Cpu.TotalMilliseconds / commands,
            Kernel.TotalMilliseconds / commands, AllocatedBytes / 1024.0 / commands, Gen0, Gen1, Gen2, JitMethods, JitTime.TotalSeconds);
        if (Machine.Total > 0)
        {
            var cores = Environment.ProcessorCount;
            var busy = cores * (double)Machine.Busy / Machine.Total;
            var own = Cpu / wall;
            yield return string.Format(c,
                "machine during the run: {0:F2} of {1} cores busy, {2:F2} by this process, {3:F2} by others (the database server " +
                "for postgres, and anything else running); iowait {4:F0}%, stolen by the hypervisor {5:F0}%",
                busy, cores, own, Math.Max(0, busy - own), 100.0 * Machine.IoWait / Machine.Total, 100.0 * Machine.Steal / Machine.Total);
        }
    }

    private static ProcessCost Now()
    {
        using var self = Process.GetCurrentProcess();
        return new ProcessCost(self.TotalProcessorTime, self.PrivilegedProcessorTime, GC.GetTotalAllocatedBytes(precise: true),
            GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2),
            JitInfo.GetCompiledMethodCount(), JitInfo.GetCompilationTime(), MachineTicks.Read());
    }
}

/// <summary>The machine's CPU time counters from <c>/proc/stat</c> (Linux); zero elsewhere.</summary>
public readonly record struct MachineTicks(long Busy, long IoWait, long Steal, long Total)
{
    public static MachineTicks Read()
    {
        const string stat = "/proc/stat";
        if (!File.Exists(stat)) return default;
        // cpu  user nice system idle iowait irq softirq steal …
        var f = File.ReadLines(stat).First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Take(8).Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        return new MachineTicks(f[0] + f[1] + f[2] + f[5] + f[6], f[4], f[7], f.Sum());
    }

    public static MachineTicks operator -(MachineTicks a, MachineTicks b) => new(a.Busy - b.Busy, a.IoWait - b.IoWait, a.Steal - b.Steal, a.Total - b.Total);
}
