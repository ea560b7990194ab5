namespace Approval.Engine.Definitions;

/// <summary>What a department's absence from the combined site survey means.</summary>
public enum AbsenceRule
{
    /// <summary>Absent without good reason counts as agreement (缺席默认).</summary>
    DeemedAgreement,

    /// <summary>The survey cannot conclude until the absent department has recorded its findings.</summary>
    Blocks,
}

/// <summary>Combined site survey (集中踏勘): one working day on which all listed departments survey the site.</summary>
/// <param name="Id">Unique within its definition.</param>
/// <param name="Name">What the applicant sees.</param>
/// <param name="BudgetWorkingDays">The step's time limit, scheduling the date included.</param>
/// <param name="Departments">Ids of the surveying departments, from <c>catalogue/departments.json</c>.</param>
/// <param name="Absence">What an absent department's silence means.</param>
public sealed record CombinedSiteSurveyDefinition(
    string Id, string Name, int BudgetWorkingDays, IReadOnlyList<string> Departments, AbsenceRule Absence)
    : ActivityDefinition(Id, Name, BudgetWorkingDays)
{
    /// <inheritdoc />
    public override ActivityType Type => ActivityType.CombinedSiteSurvey;
}
