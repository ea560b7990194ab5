using System.Diagnostics.Metrics;
using Approval.Engine.Supervision;
using Microsoft.Extensions.Logging;

namespace Approval.Engine.Telemetry;

/// <summary>
/// The open work of running projects by department and light (电子监察红黄灯), as the gauge
/// <c>approval.engine.open_tasks</c>: what the supervisor's board counts, read when the metrics are collected.
/// </summary>
/// <remarks>
/// One <c>GROUP BY</c> per collection (<see cref="ListReader.CountsByDepartmentAsync"/>), so the figure is the board's
/// own and costs the same at any volume; the exporter collects on its own interval (60 s by default), never per
/// request. A failed read leaves that collection without the gauge rather than failing the export.
/// </remarks>
public sealed partial class OpenWorkGauge
{
    private readonly ListReader _reader;
    private readonly ILogger<OpenWorkGauge> _logger;

    public OpenWorkGauge(EngineTelemetry telemetry, ListReader reader, ILogger<OpenWorkGauge> logger)
    {
        _reader = reader;
        _logger = logger;
        telemetry.Meter.CreateObservableGauge("approval.engine.open_tasks", Observe, "{task}",
            "Open tasks of running projects, by department (approval.department) and light (approval.light: green, yellow, red).");
    }

    private IEnumerable<Measurement<long>> Observe()
    {
        Dictionary<string, WorkCounts> counts;
        try
        {
            // Collection calls observable instruments synchronously, on the exporter's thread.
            counts = _reader.CountsByDepartmentAsync(null).GetAwaiter().GetResult();
        }
        catch (Exception ex)
        {
            LogFailure(_logger, ex);
            return [];
        }
        return counts.SelectMany(c => new[]
        {
            Measure(c.Value.Green, c.Key, "green"),
            Measure(c.Value.Yellow, c.Key, "yellow"),
            Measure(c.Value.Red, c.Key, "red"),
        });
    }

    private static Measurement<long> Measure(int value, string department, string light) =>
        new(value, new KeyValuePair<string, object?>("approval.department", department), new KeyValuePair<string, object?>("approval.light", light));

    [LoggerMessage(LogLevel.Warning, "Counting open tasks by light for the metrics failed")]
    private static partial void LogFailure(ILogger logger, Exception ex);
}
