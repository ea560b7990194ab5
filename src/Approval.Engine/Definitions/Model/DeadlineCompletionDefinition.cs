namespace Approval.Engine.Definitions;

/// <summary>Deadline completion (限时办结): results are issued together at the window (统一窗口出件) and the project completes.</summary>
/// <param name="Id">Unique within its definition.</param>
/// <param name="Name">What the applicant sees.</param>
/// <param name="BudgetWorkingDays">Working days allowed to issue the results after the last decision.</param>
/// <param name="Document">
/// The one document issued for the whole project instead of each matter's own (e.g. 联合验收意见书 of 竣工联合验收);
/// null when the matters' results are handed out together as they are.
/// </param>
public sealed record DeadlineCompletionDefinition(string Id, string Name, int BudgetWorkingDays, string? Document = null)
    : ActivityDefinition(Id, Name, BudgetWorkingDays)
{
    /// <inheritdoc />
    public override ActivityType Type => ActivityType.DeadlineCompletion;
}
