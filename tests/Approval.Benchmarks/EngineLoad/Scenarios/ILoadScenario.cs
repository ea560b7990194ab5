using Approval.Engine.Runtime;

namespace Approval.Benchmarks.EngineLoad.Scenarios;

/// <summary>One kind of project driven from filing to its end, every decision made in-process.</summary>
public interface ILoadScenario
{
    /// <summary>The name given with <c>--scenario</c>.</summary>
    string Name { get; }

    /// <summary>What a reader of the header must know to compare runs (which path, what counts as completed).</summary>
    string Description { get; }

    /// <summary>Projects each instance leaves ended in the database: 1, or 2 when it first prepares the one it follows.</summary>
    int ProjectsPerInstance => 1;

    /// <summary>
    /// Runs, untimed, before the measured part (after the warm-up) what its <paramref name="instances"/> projects need
    /// beforehand (the permits a 竣工联合验收 follows); returns a line for the output, or null when there is nothing to do.
    /// </summary>
    Task<string?> PrepareAsync(CommandDriver driver, int instances, CancellationToken ct) => Task.FromResult<string?>(null);

    /// <summary>Drives project number <paramref name="index"/> (0-based) until it has ended; returns its final status.</summary>
    Task<InstanceStatus> RunAsync(CommandDriver driver, int index, CancellationToken ct);

    /// <summary>The names <c>--scenario</c> takes.</summary>
    public static readonly IReadOnlyList<string> Names = ["parallel3", "industrial", "completion-acceptance", "simulation"];

    public static ILoadScenario Named(string name) => name switch
    {
        "parallel3" => new Parallel3Scenario(),
        "industrial" => new IndustrialScenario(),
        "completion-acceptance" => new CompletionAcceptanceScenario(),
        "simulation" => new SimulationScenario(),
        _ => throw new ArgumentException($"--scenario: expected {string.Join(", ", Names)}, given {name}"),
    };
}
