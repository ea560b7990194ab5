using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Telemetry;
using Approval.Engine.Tests.Runtime;
using Approval.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Engine.Tests.Telemetry;

/// <summary>A sign-off as operators see it: the command's span with its tags, and the engine's counters.</summary>
public sealed class EngineTelemetryTests
{
    [Fact]
    public async Task A_sign_off_has_its_span_and_is_counted_by_type_and_outcome_with_its_duration()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 9, 27, 10));
        var id = await h.FileAndAcceptAsync("enterprise-establishment");
        var licence = Assert.Single(await h.OpenTasksAsync(id));
        using var recorded = new Recorder(h.Services.GetRequiredService<EngineTelemetry>().Meter);

        var result = await h.RunAsync(op => new DecideMatter(op, EngineHarness.Approver("market-regulation"), licence.Id,
            MatterDecision.Approve, null, []));
        await Assert.ThrowsAsync<NotFoundException>(() => h.RunAsync(op => new DecideMatter(op,
            EngineHarness.Approver("market-regulation"), Guid.NewGuid(), MatterDecision.Reject, null, [])));

        var span = Assert.Single(recorded.Spans, s => s.GetTagItem("approval.task_id") is Guid task && task == licence.Id);
        Assert.Equal("DecideMatter", span.DisplayName);
        Assert.Equal(("DecideMatter", "ok"), (span.GetTagItem("approval.command"), span.GetTagItem("approval.outcome")));
        Assert.NotNull(span.GetTagItem("approval.operation_id"));
        Assert.Equal(1, recorded.Sum("approval.engine.commands", ("approval.command", "DecideMatter"), ("approval.outcome", "ok")));
        Assert.Equal(1, recorded.Sum("approval.engine.commands", ("approval.command", "DecideMatter"), ("approval.outcome", "not_found")));
        Assert.Equal(2, recorded.Count("approval.engine.command.duration"));
        Assert.All(recorded.Values("approval.engine.command.duration"), seconds => Assert.InRange(seconds, 0, 30));
        // The harness keeps projects in memory: the accepted project's next command is a hit.
        Assert.Equal(1, recorded.Sum("approval.engine.kept_project", ("approval.result", "hit")));
        Assert.Equal(id, result.InstanceId);
    }

    [Fact]
    public async Task A_fired_timer_is_counted_as_claimed_with_how_late_it_fired()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 9, 27, 10));
        await h.FileAndAcceptAsync("enterprise-establishment");
        using var recorded = new Recorder(h.Services.GetRequiredService<EngineTelemetry>().Meter);

        // Two working days past the licence's due date (09-29): its deadline timer is due and fires now.
        h.SetDate(new NodaTime.LocalDate(2024, 10, 9));
        var fired = await h.Scheduler.RunDueAsync(TestContext.Current.CancellationToken);

        Assert.True(fired > 0);
        Assert.Equal(fired, recorded.Sum("approval.engine.timers.claimed"));
        Assert.Equal(fired, recorded.Count("approval.engine.timers.lag"));
        Assert.All(recorded.Values("approval.engine.timers.lag"), seconds => Assert.True(seconds > 0));
        Assert.Equal(0, recorded.Sum("approval.engine.timers.failed"));
    }

    /// <summary>Listens to one meter instance (this harness's) and to the engine's spans.</summary>
    private sealed class Recorder : IDisposable
    {
        private readonly MeterListener _meters = new();
        private readonly ActivityListener _spans;
        private readonly ConcurrentQueue<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> _measurements = new();
        private readonly ConcurrentQueue<Activity> _activities = new();

        public Recorder(Meter meter)
        {
            _meters.InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter, meter)) listener.EnableMeasurementEvents(instrument);
            };
            _meters.SetMeasurementEventCallback<long>((i, value, tags, _) => _measurements.Enqueue((i.Name, value, tags.ToArray())));
            _meters.SetMeasurementEventCallback<double>((i, value, tags, _) => _measurements.Enqueue((i.Name, value, tags.ToArray())));
            _meters.Start();
            _spans = new ActivityListener
            {
                ShouldListenTo = source => source.Name == EngineTelemetry.Name,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = _activities.Enqueue,
            };
            ActivitySource.AddActivityListener(_spans);
        }

        public IReadOnlyList<Activity> Spans => [.. _activities];

        public IEnumerable<double> Values(string instrument) => _measurements.Where(m => m.Instrument == instrument).Select(m => m.Value);

        public int Count(string instrument) => Values(instrument).Count();

        public double Sum(string instrument, params (string Key, string Value)[] tags) =>
            _measurements.Where(m => m.Instrument == instrument &&
                    tags.All(t => m.Tags.Any(x => x.Key == t.Key && Equals(x.Value, t.Value))))
                .Sum(m => m.Value);

        public void Dispose()
        {
            _meters.Dispose();
            _spans.Dispose();
        }
    }
}
