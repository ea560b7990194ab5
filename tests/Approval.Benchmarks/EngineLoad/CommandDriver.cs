using System.Diagnostics;
using Approval.Engine.Definitions;
using Approval.Engine.Persistence;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using TaskStatus = Approval.Engine.Runtime.TaskStatus;

namespace Approval.Benchmarks.EngineLoad;

/// <summary>
/// What one worker uses to drive projects: runs engine commands, timing each one (the "decisions" of the summary).
/// It learns which tasks to act on from the commands' results (<see cref="CommandResult.OpenedTasks"/>), as a client
/// of the API would, rather than by reading the to-do lists again after each decision.
/// </summary>
public sealed class CommandDriver(IReadOnlyList<WorkflowEngine> engines, LocalDate today, SqlProfiler? profiler)
{
    public CommandDriver(WorkflowEngine engine, LocalDate today, SqlProfiler? profiler) : this([engine], today, profiler) { }

    private readonly WorkflowEngine engine = engines[0];
    private int _commands;
    // The investor files for itself: a proxy agent would first need the investor's authorisation (委托).
    public static readonly Actor Investor = new("investor-1", ActorRole.Investor);
    public static readonly Actor Window = new("w", ActorRole.WindowClerk);
    public static Actor Approver(string? department) => new("a-" + department, ActorRole.Approver, department);

    private static readonly ProjectDetails Project =
        new("年产10万吨新材料项目", Investor.UserId, "某某新材料有限公司", "320193", "C26", 52000m, null, "张伟", "13812345678");

    public Latencies Latencies { get; } = new();

    private CommandDriver? _untimed;

    /// <summary>
    /// A driver on the same engine whose latencies are counted nowhere: for what a scenario must prepare (the permit a
    /// 竣工联合验收 follows) without it weighing in the figures.
    /// </summary>
    public CommandDriver Untimed => _untimed ??= new CommandDriver(engines, today, null);

    /// <summary>The fixed local date of the run (the clock stands still on a working day).</summary>
    public LocalDate Today => today;

    public async Task<CommandResult> RunAsync(Command command, CancellationToken ct)
    {
        var name = command.GetType().Name;
        var sample = profiler is null ? null : SqlProfiler.Begin(name);
        var started = Stopwatch.GetTimestamp();
        // With several nodes (--nodes), a project's commands go to them in turn, as behind a load balancer without affinity.
        var node = engines.Count == 1 ? engine : engines[_commands++ % engines.Count];
        var result = await node.ExecuteAsync(command, ct);
        var elapsed = Stopwatch.GetTimestamp() - started;
        Latencies.Add(name, elapsed);
        if (sample is not null) profiler!.End(sample, Stopwatch.GetElapsedTime(started, started + elapsed));
        return result;
    }

    /// <summary>
    /// Files with every material of the definition's intake checklist, the window records their paper originals (so
    /// that they are handed in), then accepts; returns the acceptance.
    /// </summary>
    /// <param name="definitionId">The definition.</param>
    /// <param name="ct">Cancels the run.</param>
    /// <param name="projectCode">The project code the filing gives (that of the permit a 竣工联合验收 follows); by default
    /// none, and the acceptance issues a local one.</param>
    /// <param name="simulation">File in simulation (模拟审批), without the material that converts it (the land contract).</param>
    public async Task<CommandResult> FileAndAcceptAsync(string definitionId, CancellationToken ct, string? projectCode = null, bool simulation = false)
    {
        var definition = engine.Catalog.Latest(definitionId);
        var converting = simulation ? Approval.Engine.Activities.Simulations.Of(definition)!.Value.Rule.ConvertingMaterial : null;
        List<string> materials = [.. definition.Intake.Materials.Select(m => m.Code).Where(c => c != converting)];
        var filed = await RunAsync(new FileApplication(NextOperation(), Investor, definitionId, Project with { ProjectCode = projectCode }, materials,
            Simulation: simulation), ct);
        await RunAsync(new RecordPaperOriginals(NextOperation(), Window, filed.InstanceId, materials), ct);
        return Expect(await RunAsync(new AcceptApplication(NextOperation(), Window, filed.InstanceId), ct), InstanceStatus.Running);
    }

    /// <summary>The tasks of one kind that <paramref name="result"/> opened, ordered by department so that runs repeat.</summary>
    public static List<OpenedTask> Opened(CommandResult result, TaskKind kind) =>
        [.. (result.OpenedTasks ?? []).Where(t => t.Kind == kind).OrderBy(t => t.DepartmentId, StringComparer.Ordinal)];

    /// <summary>
    /// Acts on every task of a kind that <paramref name="from"/> opened, and on those that acting opens in turn
    /// (matters waiting for others); returns the last result.
    /// </summary>
    public async Task<CommandResult> DecideAllAsync(CommandResult from, TaskKind kind, Func<string, OpenedTask, Command> decide,
        CancellationToken ct)
    {
        var pending = new Queue<OpenedTask>(Opened(from, kind));
        if (pending.Count == 0)
            throw new InvalidOperationException($"Project {from.InstanceId}: no {kind} task was opened at {from.CurrentActivityId}.");
        var last = from;
        while (pending.TryDequeue(out var task))
        {
            last = await RunAsync(decide(NextOperation(), task), ct);
            foreach (var opened in Opened(last, kind)) pending.Enqueue(opened);
        }
        return last;
    }

    public static string NextOperation() => "bench-" + Guid.NewGuid().ToString("N");

    /// <summary>Fails the run loudly when the engine did not do what the scenario expects.</summary>
    public static CommandResult Expect(CommandResult result, InstanceStatus status) =>
        result.Status == status ? result
            : throw new InvalidOperationException($"Project {result.InstanceId}: expected {status}, the engine answered {result.Status} at {result.CurrentActivityId}.");
}
