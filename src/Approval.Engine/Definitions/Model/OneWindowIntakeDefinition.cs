namespace Approval.Engine.Definitions;

/// <summary>One item of a materials checklist (材料清单).</summary>
/// <param name="Code">Unique within its list, kebab-case (e.g. <c>land-use-certificate</c>).</param>
/// <param name="Name">The material as the 办事指南 names it.</param>
/// <param name="Required">Whether the filing is incomplete without it (必要材料).</param>
/// <param name="DeficiencyAllowed">Whether a required item may be missing at acceptance and promised for later (容缺受理).</param>
public sealed record MaterialRequirement(string Code, string Name, bool Required, bool DeficiencyAllowed);

/// <summary>One-window intake (一窗受理): the filing is checked against one checklist for the whole project.</summary>
/// <param name="Id">Unique within its definition.</param>
/// <param name="Name">What the applicant sees.</param>
/// <param name="BudgetWorkingDays">
/// The window's answer limit: within it the window accepts or tells every missing item at once
/// (行政许可法 art. 32: at most 5). It runs before acceptance, so it is not part of the target.
/// </param>
/// <param name="Materials">
/// The project checklist (一张表单、一套材料). It is not derived from the matters' own lists: the administrator
/// merges them, because the window asks once for what several matters need.
/// </param>
/// <param name="MaxDeficiencyWorkingDays">The latest promise date, in working days after acceptance, that a 容缺 item may be given.</param>
public sealed record OneWindowIntakeDefinition(
    string Id, string Name, int BudgetWorkingDays, IReadOnlyList<MaterialRequirement> Materials, int MaxDeficiencyWorkingDays)
    : ActivityDefinition(Id, Name, BudgetWorkingDays)
{
    /// <inheritdoc />
    public override ActivityType Type => ActivityType.OneWindowIntake;
}
