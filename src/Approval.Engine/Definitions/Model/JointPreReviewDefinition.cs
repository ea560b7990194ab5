namespace Approval.Engine.Definitions;

/// <summary>Joint pre-review (联合预审): every listed department reviews the package at once and gives an opinion.</summary>
/// <param name="Id">Unique within its definition.</param>
/// <param name="Name">What the applicant sees.</param>
/// <param name="BudgetWorkingDays">The step's time limit; the applicant's correction time (补正) is not counted.</param>
/// <param name="Departments">Ids of the reviewing departments, from <c>catalogue/departments.json</c>.</param>
public sealed record JointPreReviewDefinition(string Id, string Name, int BudgetWorkingDays, IReadOnlyList<string> Departments)
    : ActivityDefinition(Id, Name, BudgetWorkingDays)
{
    /// <inheritdoc />
    public override ActivityType Type => ActivityType.JointPreReview;
}
