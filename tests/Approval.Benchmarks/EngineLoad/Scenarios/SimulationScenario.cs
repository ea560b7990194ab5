using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;

namespace Approval.Benchmarks.EngineLoad.Scenarios;

/// <summary>
/// The shipped <c>industrial-construction-permit</c> in simulation (模拟审批): file without the land contract, accept,
/// 6 opinions, survey date, 5 findings, 7 simulated sign-offs, the land contract's paper original, the conversion,
/// 7 confirmations (转正确认), issue — 32 commands per project (the filing’s paper originals included).
/// </summary>
public sealed class SimulationScenario : ILoadScenario
{
    private const string DefinitionId = "industrial-construction-permit";
    private const string LandContract = "land-transfer-contract";

    public string Name => "simulation";

    public string Description =>
        "industrial-construction-permit (shipped) in simulation, all approved: file, accept, 6 opinions, survey date, 5 findings, " +
        "7 simulated sign-offs, land contract, convert, 7 confirmations, issue";

    public async Task<InstanceStatus> RunAsync(CommandDriver driver, int index, CancellationToken ct)
    {
        var accepted = await driver.FileAndAcceptAsync(DefinitionId, ct, simulation: true);
        var id = accepted.InstanceId;
        var reviewed = await driver.DecideAllAsync(accepted, TaskKind.PreReviewOpinion, (op, t) =>
            new GiveOpinion(op, CommandDriver.Approver(t.DepartmentId), t.TaskId, true, [], null), ct);
        await driver.RunAsync(new ScheduleSurvey(CommandDriver.NextOperation(), CommandDriver.Window, id, driver.Today), ct);
        var surveyed = await driver.DecideAllAsync(reviewed, TaskKind.SurveyFinding, (op, t) =>
            new RecordFindings(op, CommandDriver.Approver(t.DepartmentId), t.TaskId, true, "现场情况与设计方案一致"), ct);
        await driver.DecideAllAsync(surveyed, TaskKind.MatterDecision, (op, t) =>
            new DecideMatter(op, CommandDriver.Approver(t.DepartmentId), t.TaskId, MatterDecision.Approve, "模拟审批意见：符合条件", []), ct);
        await driver.RunAsync(new RecordPaperOriginals(CommandDriver.NextOperation(), CommandDriver.Window, id, [LandContract]), ct);
        var converted = await driver.RunAsync(new ConvertSimulation(CommandDriver.NextOperation(), CommandDriver.Window, id, []), ct);
        await driver.DecideAllAsync(converted, TaskKind.SimulationConfirmation, (op, t) =>
            new DecideMatter(op, CommandDriver.Approver(t.DepartmentId), t.TaskId, MatterDecision.Approve, null, []), ct);
        var issued = await driver.RunAsync(new IssueResults(CommandDriver.NextOperation(), CommandDriver.Window, id), ct);
        return CommandDriver.Expect(issued, InstanceStatus.Completed).Status;
    }
}
