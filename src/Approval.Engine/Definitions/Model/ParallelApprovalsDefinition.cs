namespace Approval.Engine.Definitions;

/// <summary>One matter (事项) to be decided inside a parallel-approvals step.</summary>
/// <param name="MatterCode">The matter's code in <c>catalogue/matters.json</c>.</param>
/// <param name="After">Codes of matters of the same step that must be decided first (施工许可 after 规划许可).</param>
/// <param name="DeemedApprovalOnTimeout">Whether the department's silence past the limit counts as approval (超时默许).</param>
/// <param name="WorkingDays">This step's limit for the matter; <c>null</c> means the catalogue's promised limit (承诺时限).</param>
public sealed record MatterStep(string MatterCode, IReadOnlyList<string> After, bool DeemedApprovalOnTimeout, int? WorkingDays);

/// <summary>What one rejected matter does to the project.</summary>
public enum RejectionRule
{
    /// <summary>The project is rejected with that department's reasons (一票否决).</summary>
    RejectProject,

    /// <summary>The other matters go on; the rejection is issued with the other results.</summary>
    ContinueWithOthers,
}

/// <summary>Parallel approvals (并联审批): one task per matter, all open at once, each on its own limit.</summary>
/// <param name="Id">Unique within its definition.</param>
/// <param name="Name">What the applicant sees.</param>
/// <param name="BudgetWorkingDays">The step's limit; every chain of matters linked by <c>After</c> must fit in it.</param>
/// <param name="Matters">The matters, each at most once.</param>
/// <param name="OnRejection">What a rejected matter does to the project.</param>
/// <param name="Simulation">How the step may run as a simulated approval (模拟审批) before the land is obtained; null when it may not.</param>
public sealed record ParallelApprovalsDefinition(
    string Id, string Name, int BudgetWorkingDays, IReadOnlyList<MatterStep> Matters, RejectionRule OnRejection,
    SimulationRule? Simulation = null)
    : ActivityDefinition(Id, Name, BudgetWorkingDays)
{
    /// <inheritdoc />
    public override ActivityType Type => ActivityType.ParallelApprovals;
}

/// <summary>
/// 模拟审批: a project whose land use right is not yet granted (土地未摘牌) may be filed in simulation; pre-review, survey
/// and the departments' review run as usual, each department records a simulated decision (模拟审批意见), and nothing
/// is issued until the window converts the project on the land contract.
/// </summary>
/// <param name="ConvertingMaterial">The intake material whose handing in allows the conversion (土地出让合同).</param>
/// <param name="ConfirmationWorkingDays">Working days a department has to confirm its simulated approval as formal (转正确认).</param>
/// <param name="ExpiresAfterWorkingDays">The simulation expires this many working days after acceptance, unless converted; or null.</param>
/// <param name="ExpiresAfterMonths">The simulation expires this many calendar months after acceptance, unless converted; or null.</param>
/// <remarks>Exactly one of <paramref name="ExpiresAfterWorkingDays"/> and <paramref name="ExpiresAfterMonths"/> is given (the schema says so).</remarks>
public sealed record SimulationRule(string ConvertingMaterial, int ConfirmationWorkingDays, int? ExpiresAfterWorkingDays, int? ExpiresAfterMonths);
