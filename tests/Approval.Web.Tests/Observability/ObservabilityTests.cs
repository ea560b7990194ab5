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
        var spans = new List<Activity>();
        var metrics = new List<MetricSnapshot>();
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
            await Scenario.DecideAsync(factory, id, "market-regulation");
            factory.Services.GetRequiredService<TracerProvider>().ForceFlush();
            factory.Services.GetRequiredService<MeterProvider>().ForceFlush();
        }
        // The host has stopped: the exporters' lists, filled on other threads while it ran, no longer change.

        var decision = Assert.Single(spans, s => s.Source.Name == EngineTelemetry.Name && s.DisplayName == "DecideMatter");
        Assert.Equal("ok", decision.GetTagItem("approval.outcome"));
        Assert.Contains(spans, s => s.Source.Name == "Microsoft.AspNetCore" && s.Kind == ActivityKind.Server);
        var commands = metrics.Where(m => m.Name == "approval.engine.commands").SelectMany(Points).ToList();
        Assert.Contains(commands, p => p.Tags.Contains(new("approval.command", "DecideMatter")) && p.Tags.Contains(new("approval.outcome", "ok")) && p.Sum >= 1);
        Assert.Contains(metrics, m => m.Name == "approval.engine.command.duration");
    }

    [Fact]
    public void An_unknown_exporter_stops_the_start_naming_the_setting_and_the_choices()
    {
        using var factory = new ApprovalWebFactory { Settings = { ["Approval:Telemetry:Exporter"] = "zipkin" } };

        var failure = Assert.ThrowsAny<Exception>(() => factory.Services);

        Assert.Contains("Approval:Telemetry:Exporter is 'zipkin'; expected one of None, Console, Otlp.", failure.ToString());
    }

    private static IEnumerable<(Dictionary<string, object?> Tags, long Sum)> Points(MetricSnapshot metric)
    {
        foreach (var point in metric.MetricPoints)
        {
            var tags = new Dictionary<string, object?>();
            foreach (var tag in point.Tags) tags[tag.Key] = tag.Value;
            yield return (tags, point.GetSumLong());
        }
    }
}
