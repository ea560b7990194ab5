using System.Collections.Concurrent;
using System.Diagnostics;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;

namespace Approval.Benchmarks.EngineLoad.Scenarios;

/// <summary>
/// The shipped <c>joint-completion-acceptance</c> (竣工联合验收) on its happy path. Each project follows a construction
/// permit completed under the same project code before the measured part (<see cref="PrepareAsync"/>; during the
/// warm-up, just before its acceptance), untimed; then, timed: file naming the code, hand in, accept, fix the inspection
/// for today, 5 findings, 5 sign-offs (竣工验收备案 opening once 规划核实、消防验收、人防验收 are approved), issue the
/// 联合验收意见书 — 15 commands.
/// </summary>
public sealed class CompletionAcceptanceScenario : ILoadScenario
{
    private const string DefinitionId = "joint-completion-acceptance";

    public string Name => "completion-acceptance";

    /// <summary>The permit and the acceptance that follows it.</summary>
    public int ProjectsPerInstance => 2;

    public string Description =>
        "joint-completion-acceptance (shipped), all approved, each after an untimed industrial permit under the same code: " +
        "file, hand in, accept, inspection date, 5 findings, 5 sign-offs, issue (15 timed commands)";

    private readonly ConcurrentQueue<string> _permits = new();

    public async Task<string?> PrepareAsync(CommandDriver driver, int instances, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < instances; i++)
            _permits.Enqueue((await IndustrialScenario.CompleteAsync(driver, ct)).ProjectCode!);
        return $"prepared: {instances} industrial permits completed before timing, {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s, not counted";
    }

    public async Task<InstanceStatus> RunAsync(CommandDriver driver, int index, CancellationToken ct)
    {
        if (!_permits.TryDequeue(out var code))
            code = (await IndustrialScenario.CompleteAsync(driver.Untimed, ct)).ProjectCode!;
        var accepted = await driver.FileAndAcceptAsync(DefinitionId, ct, code);
        var id = accepted.InstanceId;
        // Acceptance opened the five inspection tasks; fixing the date opens none.
        await driver.RunAsync(new ScheduleSurvey(CommandDriver.NextOperation(), CommandDriver.Window, id, driver.Today), ct);
        var inspected = await driver.DecideAllAsync(accepted, TaskKind.SurveyFinding, (op, t) =>
            new RecordFindings(op, CommandDriver.Approver(t.DepartmentId), t.TaskId, true, "现场与竣工图一致"), ct);
        await driver.DecideAllAsync(inspected, TaskKind.MatterDecision, (op, t) =>
            new DecideMatter(op, CommandDriver.Approver(t.DepartmentId), t.TaskId, MatterDecision.Approve, "验收合格", []), ct);
        var issued = await driver.RunAsync(new IssueResults(CommandDriver.NextOperation(), CommandDriver.Window, id), ct);
        return CommandDriver.Expect(issued, InstanceStatus.Completed).Status;
    }
}
