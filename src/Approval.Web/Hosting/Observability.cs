using Approval.Engine.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Approval.Web.Hosting;

/// <summary>Where traces and metrics go (<c>Approval:Telemetry:Exporter</c>).</summary>
public enum TelemetryExporter
{
    /// <summary>Nowhere: OpenTelemetry is not even registered (the default, and what tests run with).</summary>
    None,

    /// <summary>Printed to the console (Development's default).</summary>
    Console,

    /// <summary>To an OTLP collector, configured by the standard <c>OTEL_EXPORTER_OTLP_*</c> variables (default http://localhost:4317).</summary>
    Otlp,
}

/// <summary>
/// OpenTelemetry for the product: the engine's spans and meter (<see cref="EngineTelemetry"/>), ASP.NET Core's
/// requests, and Npgsql's own commands and connection pool, exported as configured.
/// </summary>
public static class Observability
{
    /// <summary>The service name the exported traces and metrics carry.</summary>
    public const string ServiceName = "approval";

    public static WebApplicationBuilder AddApprovalTelemetry(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration["Approval:Telemetry:Exporter"];
        if (!Enum.TryParse<TelemetryExporter>(string.IsNullOrWhiteSpace(configured) ? nameof(TelemetryExporter.None) : configured, ignoreCase: true, out var exporter)
            || !Enum.IsDefined(exporter))
            throw new InvalidOperationException(
                $"Approval:Telemetry:Exporter is '{configured}'; expected one of {string.Join(", ", Enum.GetNames<TelemetryExporter>())}.");
        if (exporter == TelemetryExporter.None) return builder;

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing =>
            {
                // "Npgsql" is the ActivitySource and Meter Npgsql itself publishes.
                tracing.AddSource(EngineTelemetry.Name, "Npgsql").AddAspNetCoreInstrumentation();
                if (exporter == TelemetryExporter.Console) tracing.AddConsoleExporter();
            })
            .WithMetrics(metrics =>
            {
                // The gauge is created when the meter provider is built, as OpenTelemetry's own instrumentations are.
                metrics.AddMeter(EngineTelemetry.Name, "Npgsql").AddAspNetCoreInstrumentation()
                    .AddInstrumentation(sp => sp.GetRequiredService<OpenWorkGauge>());
                if (exporter == TelemetryExporter.Console) metrics.AddConsoleExporter();
            });
        if (exporter == TelemetryExporter.Otlp) telemetry.UseOtlpExporter();
        builder.Services.AddSingleton<OpenWorkGauge>();
        return builder;
    }
}
