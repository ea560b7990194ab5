using Approval.Engine.Runtime;

namespace Approval.Benchmarks.EngineLoad.Scenarios;

/// <summary>One kind of project driven from filing to its end, every decision made in-process.</summary>
public interface ILoadScenario
{
    /// <summary>The name given with <c>--scenario</c>.</summary>
    string Name { get; }

    /// <summary>What a reader of the header must know to compare runs (which path, what counts as completed).</summary>
    string Description { get; }

    /// <summary>Drives project number <paramref name="index"/> (0-based) until it has ended; returns its final status.</summary>
    Task<InstanceStatus> RunAsync(CommandDriver driver, int index, CancellationToken ct);

    public static ILoadScenario Named(string name) => name switch
    {
        "parallel3" => new Parallel3Scenario(),
        "industrial" => new IndustrialScenario(),
        _ => throw new ArgumentException($"--scenario: expected parallel3 or industrial, given {name}"),
    };
}
