using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;

namespace Approval.Benchmarks.EngineLoad.Scenarios;

/// <summary>
/// Three departments approve in parallel (the generated <c>bench-parallel3</c>): file, accept, three sign-offs,
/// issue — 6 commands. Every 10th project is rejected by one department with reasons (file, accept, reject — 3
/// commands), which ends it and cancels the other matters.
/// </summary>
public sealed class Parallel3Scenario : ILoadScenario
{
    public string Name => "parallel3";

    public string Description =>
        "bench-parallel3 (generated): file, accept, 3 parallel sign-offs, issue; every 10th project is rejected by one " +
        "department (file, accept, reject) and counts as a completed instance, since it has ended";

    public async Task<InstanceStatus> RunAsync(CommandDriver driver, int index, CancellationToken ct)
    {
        var accepted = await driver.FileAndAcceptAsync(BenchmarkWorkflows.Parallel3Id, ct);
        var id = accepted.InstanceId;
        var matters = CommandDriver.Opened(accepted, TaskKind.MatterDecision);
        if (matters.Count != 3) throw new InvalidOperationException($"Project {id}: expected 3 open matters, found {matters.Count}.");

        if (index % 10 == 9)
        {
            var rejecting = matters[index / 10 % matters.Count];
            var rejected = await driver.RunAsync(new DecideMatter(CommandDriver.NextOperation(), CommandDriver.Approver(rejecting.DepartmentId),
                rejecting.TaskId, MatterDecision.Reject, "不符合准入条件（基准测试）", ["申请材料与现场核查情况不一致"]), ct);
            return CommandDriver.Expect(rejected, InstanceStatus.Rejected).Status;
        }
        foreach (var matter in matters)
            await driver.RunAsync(new DecideMatter(CommandDriver.NextOperation(), CommandDriver.Approver(matter.DepartmentId),
                matter.TaskId, MatterDecision.Approve, "符合条件", []), ct);
        var issued = await driver.RunAsync(new IssueResults(CommandDriver.NextOperation(), CommandDriver.Window, id), ct);
        return CommandDriver.Expect(issued, InstanceStatus.Completed).Status;
    }
}
