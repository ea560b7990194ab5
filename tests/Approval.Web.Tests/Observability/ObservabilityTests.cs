using System.Diagnostics;
using Approval.Engine.Telemetry;
using Approval.Web.Tests.Infrastructure;
using Approval.Web.Tests.Supervision;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Approval.Web.Tests.Observability;

/// <summary>OpenTelemetry as configured by <c>Approval:Telemetry:Exporter</c>: off by default, the engine's spans and meter when on.</summary>
public sealed class ObservabilityTests
{
    [Fact]
    public async Task By_default_nothing_is_registered_and_nothing_exported()
    {
        await using var factory = new ApprovalWebFactory();

        Assert.Null(factory.Services.GetService<TracerProvider>());
        Assert.Null(factory.Services.GetService<MeterProvider>());
    }

    [Fact]
    public async Task When_on_a_sign_off_exports_the_engines_span_and_counters_and_the_request()
    {
        // The exporters add from other threads, and OpenTelemetry listens process-wide: other tests' hosts running in
        // parallel publish under the same source and meter names, so the lists are thread-safe and the span is found
        // by its task.
        var spans = new ThreadSafeList<Activity>();
        var metrics = new ThreadSafeList<MetricSnapshot>();
        Guid licence;
        var factory = new ApprovalWebFactory
        {
            Settings = { ["Approval:Telemetry:Exporter"] = "Console" },
            TestServices = services =>
            {
                services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans));
                services.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(metrics));
            },
        };
        await using (factory)
        {
            var id = await Scenario.RunningAsync(factory);
            // A request too, for ASP.NET Core's span.
            await (await factory.ClientForAsync("window")).GetAsync("/api/intake/queue", TestContext.Current.CancellationToken);
            licence = (await Scenario.ProjectAsync(factory, id)).Tasks.Single(t => t.DepartmentId == "market-regulation" && t.IsOpen).Id;
            await Scenario.DecideAsync(factory, id, "market-regulation");
            factory.Services.GetRequiredService<TracerProvider>().ForceFlush();
            factory.Services.GetRequiredService<MeterProvider>().ForceFlush();
        }

        var decision = Assert.Single(spans.Snapshot(), s => s.Source.Name == EngineTelemetry.Name && s.GetTagItem("approval.task_id") is Guid task && task == licence);
        Assert.Equal("DecideMatter", decision.DisplayName);
        Assert.Equal("ok", decision.GetTagItem("approval.outcome"));
        Assert.Contains(spans.Snapshot(), s => s.Source.Name == "Microsoft.AspNetCore" && s.Kind == ActivityKind.Server);
        var commands = metrics.Snapshot().Where(m => m.Name == "approval.engine.commands").SelectMany(Points).ToList();
        Assert.Contains(commands, p => p.Tags.Contains(new("approval.command", "DecideMatter")) && p.Tags.Contains(new("approval.outcome", "ok")) && p.Sum >= 1);
        Assert.Contains(metrics.Snapshot(), m => m.Name == "approval.engine.command.duration");
        // After the licence, the project's parallel matters are open; the gauge reads the board's counts by light.
        var open = metrics.Snapshot().Where(m => m.Name == "approval.engine.open_tasks").SelectMany(Points).ToList();
        Assert.NotEmpty(open);
        Assert.All(open, p => Assert.Contains(p.Tags["approval.light"], new object?[] { "green", "yellow", "red" }));
        Assert.True(open.Where(p => !Equals(p.Tags["approval.department"], "market-regulation")).Sum(p => p.Sum) >= 1);
    }

    [Fact]
    public void An_unknown_exporter_stops_the_start_naming_the_setting_and_the_choices()
    {
        using var factory = new ApprovalWebFactory { Settings = { ["Approval:Telemetry:Exporter"] = "zipkin" } };

        var failure = Assert.ThrowsAny<Exception>(() => factory.Services);

        Assert.Contains("Approval:Telemetry:Exporter is 'zipkin'; expected one of None, Console, Otlp.", failure.ToString());
    }

    /// <summary>A collection the exporters may add to from any thread; read through <see cref="Snapshot"/>.</summary>
    private sealed class ThreadSafeList<T> : ICollection<T>
    {
        private readonly List<T> _items = [];

        public T[] Snapshot()
        {
            lock (_items) return [.. _items];
        }

        public void Add(T item)
        {
            lock (_items) _items.Add(item);
        }

        public void Clear()
        {
            lock (_items) _items.Clear();
        }

        public bool Contains(T item) => Snapshot().Contains(item);
        public void CopyTo(T[] array, int arrayIndex) => Snapshot().CopyTo(array, arrayIndex);
        public bool Remove(T item)
        {
            lock (_items) return _items.Remove(item);
        }

        public int Count => Snapshot().Length;
        public bool IsReadOnly => false;
        public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)Snapshot()).GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private static IEnumerable<(Dictionary<string, object?> Tags, long Sum)> Points(MetricSnapshot metric)
    {
        foreach (var point in metric.MetricPoints)
        {
            var tags = new Dictionary<string, object?>();
            foreach (var tag in point.Tags) tags[tag.Key] = tag.Value;
            yield return (tags, metric.MetricType == MetricType.LongGauge ? point.GetGaugeLastValueLong() : point.GetSumLong());
        }
    }
}
