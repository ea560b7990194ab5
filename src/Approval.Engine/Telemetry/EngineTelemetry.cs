using System.Diagnostics;
using System.Diagnostics.Metrics;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using NodaTime;

namespace Approval.Engine.Telemetry;

/// <summary>
/// What the engine tells the people who run it (运维监测): a span per command, and counters of commands by type and
/// outcome, their duration, the conflicts retried, the kept project's hits and fall-backs, and the timers claimed,
/// fired (with how late) and failed. Named <see cref="Name"/> for OpenTelemetry's <c>AddSource</c> / <c>AddMeter</c>.
/// </summary>
/// <remarks>
/// The meter comes from the host's <see cref="IMeterFactory"/>, so each host (and each test's service provider) counts
/// on its own; spans come from one <see cref="ActivitySource"/>, as .NET has no factory for those. Tags carry codes
/// with few values (command type, outcome); project and operation ids go on spans only, never on metrics.
/// </remarks>
public sealed class EngineTelemetry
{
    /// <summary>The name of the engine's activity source and meter.</summary>
    public const string Name = "Approval.Engine";

    /// <summary>Spans of the engine's commands.</summary>
    public static readonly ActivitySource Source = new(Name, typeof(EngineTelemetry).Assembly.GetName().Version?.ToString());

    private readonly Counter<long> _commands;
    private readonly Histogram<double> _commandDuration;
    private readonly Counter<long> _conflictRetries;
    private readonly Counter<long> _keptProject;
    private readonly Counter<long> _timersClaimed;
    private readonly Counter<long> _timersFailed;
    private readonly Histogram<double> _timerLag;

    public EngineTelemetry(IMeterFactory meters)
    {
        Meter = meters.Create(Name, typeof(EngineTelemetry).Assembly.GetName().Version?.ToString());
        _commands = Meter.CreateCounter<long>("approval.engine.commands", "{command}",
            "Commands run, by type (approval.command) and outcome (approval.outcome: ok, invalid, forbidden, not_found, conflict, error).");
        _commandDuration = Meter.CreateHistogram<double>("approval.engine.command.duration", "s",
            "Time from a command's arrival to its answer, conflicts retried included.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });
        _conflictRetries = Meter.CreateCounter<long>("approval.engine.command.conflict_retries", "{retry}",
            "Commands started again because another command saved the same project first.");
        _keptProject = Meter.CreateCounter<long>("approval.engine.kept_project", "{command}",
            "Commands run on the project kept in memory (approval.result: hit) or that fell back to reading it (fallback).");
        _timersClaimed = Meter.CreateCounter<long>("approval.engine.timers.claimed", "{timer}", "Due timers this node claimed.");
        _timersFailed = Meter.CreateCounter<long>("approval.engine.timers.failed", "{timer}", "Claimed timers whose firing failed (retried after the lease).");
        _timerLag = Meter.CreateHistogram<double>("approval.engine.timers.lag", "s", "How long after its due time a timer fired.");
    }

    /// <summary>The engine's meter (one per host).</summary>
    public Meter Meter { get; }

    /// <summary>Starts the span of a command; null when nobody listens.</summary>
    public static Activity? StartCommand(Command command)
    {
        var span = Source.StartActivity(CommandName(command));
        if (span is null) return null;
        span.SetTag("approval.command", CommandName(command));
        span.SetTag("approval.operation_id", command.OperationId);
        switch (command)
        {
            case InstanceCommand i: span.SetTag("approval.project_id", i.InstanceId); break;
            case TaskCommand t: span.SetTag("approval.task_id", t.TaskId); break;
        }
        return span;
    }

    /// <summary>Records how a command ended: its counter, its duration and, on its span, the outcome.</summary>
    public void CommandEnded(Command command, Activity? span, Exception? failure, TimeSpan elapsed)
    {
        var outcome = Outcome(failure);
        var tags = new TagList { { "approval.command", CommandName(command) }, { "approval.outcome", outcome } };
        _commands.Add(1, tags);
        _commandDuration.Record(elapsed.TotalSeconds, tags);
        if (span is null) return;
        span.SetTag("approval.outcome", outcome);
        if (outcome == "error") span.SetStatus(ActivityStatusCode.Error, failure!.GetType().Name);
    }

    /// <summary>Another command saved the project first; this one starts again.</summary>
    public void ConflictRetried(Command command)
    {
        _conflictRetries.Add(1, new KeyValuePair<string, object?>("approval.command", CommandName(command)));
        Activity.Current?.AddEvent(new ActivityEvent("conflict_retried"));
    }

    /// <summary>The kept project answered the command (hit) or the command fell back to reading the project.</summary>
    public void KeptProject(bool hit) => _keptProject.Add(1, new KeyValuePair<string, object?>("approval.result", hit ? "hit" : "fallback"));

    /// <summary>The scheduler claimed so many due timers.</summary>
    public void TimersClaimed(int count)
    {
        if (count > 0) _timersClaimed.Add(count);
    }

    /// <summary>A timer fired, <paramref name="lag"/> after it was due.</summary>
    public void TimerFired(Duration lag) => _timerLag.Record(Math.Max(0, lag.TotalSeconds));

    /// <summary>A claimed timer failed to fire; its lease runs out and it is tried again.</summary>
    public void TimerFailed() => _timersFailed.Add(1);

    private static string CommandName(Command command) => command.GetType().Name;

    private static string Outcome(Exception? failure) => failure switch
    {
        null => "ok",
        InvalidInputException => "invalid",
        ForbiddenException => "forbidden",
        NotFoundException => "not_found",
        ConflictException or Microsoft.EntityFrameworkCore.DbUpdateException => "conflict",
        OperationCanceledException => "cancelled",
        _ => "error",
    };
}
