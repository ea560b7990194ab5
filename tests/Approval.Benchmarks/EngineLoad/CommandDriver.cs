using System.Diagnostics;
using Approval.Engine.Definitions;
using Approval.Engine.Persistence;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using TaskStatus = Approval.Engine.Runtime.TaskStatus;

namespace Approval.Benchmarks.EngineLoad;

/// <summary>An open task as a user's to-do list shows it.</summary>
public readonly record struct OpenTask(Guid Id, TaskKind Kind, string? DepartmentId, string ActivityId);

/// <summary>
/// What one worker uses to drive projects: runs engine commands, timing each one (the "decisions" of the summary),
/// and reads open tasks the way a department's to-do list would (in wall time, not in the latencies).
/// </summary>
public sealed class CommandDriver(WorkflowEngine engine, ApprovalDatabase database, LocalDate today, SqlProfiler? profiler)
{
    // The investor files for itself: a proxy agent would first need the investor's authorisation (委托).
    public static readonly Actor Investor = new("investor-1", ActorRole.Investor);
    public static readonly Actor Window = new("w", ActorRole.WindowClerk);
    public static Actor Approver(string? department) => new("a-" + department, ActorRole.Approver, department);

    private static readonly ProjectDetails Project =
        new("年产10万吨新材料项目", Investor.UserId, "某某新材料有限公司", "320193", "C26", 52000m, null);

    public Latencies Latencies { get; } = new();

    /// <summary>The fixed local date of the run (the clock stands still on a working day).</summary>
    public LocalDate Today => today;

    public async Task<CommandResult> RunAsync(Command command, CancellationToken ct)
    {
        var name = command.GetType().Name;
        var sample = profiler is null ? null : SqlProfiler.Begin(name);
        var started = Stopwatch.GetTimestamp();
        var result = await engine.ExecuteAsync(command, ct);
        var elapsed = Stopwatch.GetTimestamp() - started;
        Latencies.Add(name, elapsed);
        if (sample is not null) profiler!.End(sample, Stopwatch.GetElapsedTime(started, started + elapsed));
        return result;
    }

    /// <summary>Files with every material of the definition's intake checklist, then accepts; returns the project.</summary>
    public async Task<Guid> FileAndAcceptAsync(string definitionId, CancellationToken ct)
    {
        var intake = engine.Catalog.Latest(definitionId).Intake;
        var filed = await RunAsync(new FileApplication(NextOperation(), Investor, definitionId, Project,
            [.. intake.Materials.Select(m => m.Code)]), ct);
        Expect(await RunAsync(new AcceptApplication(NextOperation(), Window, filed.InstanceId), ct), InstanceStatus.Running);
        return filed.InstanceId;
    }

    /// <summary>The project's open tasks of one kind, ordered by department so that runs repeat.</summary>
    public async Task<List<OpenTask>> OpenTasksAsync(Guid instanceId, TaskKind kind, CancellationToken ct)
    {
        var sample = profiler is null ? null : SqlProfiler.Begin("(read open tasks)");
        var started = Stopwatch.GetTimestamp();
        await using var db = database.CreateContext();
        var tasks = new List<OpenTask>();
        await foreach (var task in OpenTasksQuery(db, instanceId, kind).WithCancellation(ct)) tasks.Add(task);
        if (sample is not null) profiler!.End(sample, Stopwatch.GetElapsedTime(started));
        return tasks;
    }

    // Compiled once, as a to-do list that is read all day would be: no LINQ translation or cache look-up per read.
    private static readonly Func<ApprovalDbContext, Guid, TaskKind, IAsyncEnumerable<OpenTask>> OpenTasksQuery =
        EF.CompileAsyncQuery((ApprovalDbContext db, Guid instanceId, TaskKind kind) => db.Tasks.AsNoTracking()
            .Where(t => t.InstanceId == instanceId && t.Status == TaskStatus.Open && t.Kind == kind)
            .OrderBy(t => t.DepartmentId)
            .Select(t => new OpenTask(t.Id, t.Kind, t.DepartmentId, t.ActivityId)));

    /// <summary>
    /// Acts on every open task of a kind, and reads the list again while acting opens more (matters waiting for
    /// others): as a to-do list would, it reads again only while the last answer says the project is still in the stage.
    /// </summary>
    public async Task DecideAllAsync(Guid instanceId, TaskKind kind, Func<string, OpenTask, Command> decide, CancellationToken ct)
    {
        while (await OpenTasksAsync(instanceId, kind, ct) is { Count: > 0 } open)
        {
            CommandResult? last = null;
            foreach (var task in open)
                last = await RunAsync(decide(NextOperation(), task), ct);
            var stage = open[0].ActivityId;
            if (last is null || last.Status != InstanceStatus.Running || last.CurrentActivityId != stage) return;
        }
    }

    public static string NextOperation() => "bench-" + Guid.NewGuid().ToString("N");

    /// <summary>Fails the run loudly when the engine did not do what the scenario expects.</summary>
    public static CommandResult Expect(CommandResult result, InstanceStatus status) =>
        result.Status == status ? result
            : throw new InvalidOperationException($"Project {result.InstanceId}: expected {status}, the engine answered {result.Status} at {result.CurrentActivityId}.");
}
