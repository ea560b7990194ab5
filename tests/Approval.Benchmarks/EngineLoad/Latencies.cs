using System.Diagnostics;

namespace Approval.Benchmarks.EngineLoad;

/// <summary>One worker's command latencies in <see cref="Stopwatch"/> ticks, by command type; merged after the run.</summary>
public sealed class Latencies
{
    private readonly Dictionary<string, List<long>> _byCommand = new(StringComparer.Ordinal);

    public void Add(string command, long ticks)
    {
        if (!_byCommand.TryGetValue(command, out var list))
            _byCommand[command] = list = new List<long>(1024);
        list.Add(ticks);
    }

    public IReadOnlyDictionary<string, List<long>> ByCommand => _byCommand;

    /// <summary>How many commands were timed.</summary>
    public int Count => _byCommand.Values.Sum(l => l.Count);

    /// <summary>Every latency of every worker, sorted, in milliseconds.</summary>
    public static double[] AllSorted(IEnumerable<Latencies> workers) =>
        [.. workers.SelectMany(w => w._byCommand.Values).SelectMany(l => l).Select(ToMilliseconds).Order()];

    public static double ToMilliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    /// <summary>Nearest-rank percentile of sorted values (p in 0–100).</summary>
    public static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0) return double.NaN;
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
