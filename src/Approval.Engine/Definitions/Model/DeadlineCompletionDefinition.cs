namespace Approval.Engine.Definitions;

/// <summary>Deadline completion (限时办结): results are issued together at the window (统一窗口出件) and the project completes.</summary>
/// <param name="Id">Unique within its definition.</param>
/// <param name="Name">What the applicant sees.</param>
/// <param name="BudgetWorkingDays">Working days allowed to issue the results after the last decision.</param>
public sealed record DeadlineCompletionDefinition(string Id, string Name, int BudgetWorkingDays)
    : ActivityDefinition(Id, Name, BudgetWorkingDays)
{
    /// <inheritdoc />
    public override ActivityType Type => ActivityType.DeadlineCompletion;
}
