using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Approval.Benchmarks.EngineLoad;

/// <summary>
/// With <c>--allocations</c>: what a command allocates, by type, from the runtime's allocation-tick events (one
/// about every 100 KB allocated, naming the type that crossed the mark), so the figures are estimates that sharpen
/// with the run's length. Allocations, unlike time, do not vary with the machine's mood.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const int GcAllocationTick = 10;
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> _bytes = new();
    private volatile bool _counting;

    /// <summary>Counts from now on; events of the warm-up are ignored.</summary>
    public void Start() => _counting = true;

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!_counting || e.EventId != GcAllocationTick || e.Payload is not { } payload || e.PayloadNames is not { } names) return;
        var type = names.IndexOf("TypeName") is var t and >= 0 ? payload[t] as string ?? "?" : "?";
        var bytes = names.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(payload[a]) : 0;
        _bytes.AddOrUpdate(type, bytes, (_, sum) => sum + bytes);
    }

    public IEnumerable<string> Report(long commands, int top = 15)
    {
        var perCommand = 1024.0 * Math.Max(commands, 1);
        yield return $"allocations per command by type (sampled): {_bytes.Values.Sum() / perCommand:F1} KB in all";
        foreach (var (type, bytes) in _bytes.OrderByDescending(p => p.Value).Take(top))
            yield return $"  {bytes / perCommand,7:F2} KB  {type}";
    }
}
