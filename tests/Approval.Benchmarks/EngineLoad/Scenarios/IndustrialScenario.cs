using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;

namespace Approval.Benchmarks.EngineLoad.Scenarios;

/// <summary>
/// The shipped <c>industrial-construction-permit</c> on its happy path: file with the whole checklist, accept,
/// 6 pre-review opinions, fix the survey for today, 5 findings, 7 matter sign-offs (opening the waiting ones as
/// their predecessors are approved), issue — 22 commands per project.
/// </summary>
public sealed class IndustrialScenario : ILoadScenario
{
    private const string DefinitionId = "industrial-construction-permit";

    public string Name => "industrial";

    public string Description =>
        "industrial-construction-permit (shipped), all approved: file, accept, 6 opinions, survey date, 5 findings, 7 sign-offs, issue";

    public async Task<InstanceStatus> RunAsync(CommandDriver driver, int index, CancellationToken ct) =>
        (await CompleteAsync(driver, ct)).Status;

    /// <summary>One permit from filing to its issue; returns the issue's result, which carries the project code.</summary>
    internal static async Task<CommandResult> CompleteAsync(CommandDriver driver, CancellationToken ct)
    {
        var accepted = await driver.FileAndAcceptAsync(DefinitionId, ct);
        var id = accepted.InstanceId;
        var reviewed = await driver.DecideAllAsync(accepted, TaskKind.PreReviewOpinion, (op, t) =>
            new GiveOpinion(op, CommandDriver.Approver(t.DepartmentId), t.TaskId, true, [], null), ct);
        await driver.RunAsync(new ScheduleSurvey(CommandDriver.NextOperation(), CommandDriver.Window, id, driver.Today), ct);
        // The survey's finding tasks opened with the last opinion, which completed pre-review; fixing the date opens none.
        var surveyed = await driver.DecideAllAsync(reviewed, TaskKind.SurveyFinding, (op, t) =>
            new RecordFindings(op, CommandDriver.Approver(t.DepartmentId), t.TaskId, true, "现场情况与设计方案一致"), ct);
        await driver.DecideAllAsync(surveyed, TaskKind.MatterDecision, (op, t) =>
            new DecideMatter(op, CommandDriver.Approver(t.DepartmentId), t.TaskId, MatterDecision.Approve, "符合条件", []), ct);
        var issued = await driver.RunAsync(new IssueResults(CommandDriver.NextOperation(), CommandDriver.Window, id), ct);
        return CommandDriver.Expect(issued, InstanceStatus.Completed);
    }
}
