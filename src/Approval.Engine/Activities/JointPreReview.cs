using Approval.Engine.Definitions;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Timers;

namespace Approval.Engine.Activities;

/// <summary>
/// Joint pre-review (联合预审): every listed department reviews the package at the same time and passes it or asks
/// for corrections; the corrections of all departments go to the applicant as one notice.
/// </summary>
public sealed class JointPreReview : IActivity
{
    public ActivityType Type => ActivityType.JointPreReview;

    public void Enter(StepContext step)
    {
        var review = (JointPreReviewDefinition)step.Activity;
        ReviewRounds.Open(step, TaskKind.PreReviewOpinion, review.Departments, review.BudgetWorkingDays, "联合预审");
    }

    public void Handle(StepContext step, Command command)
    {
        switch (command)
        {
            case GiveOpinion opinion:
                var task = step.OpenTaskOf(opinion.TaskId);
                step.RequireDepartment(task);
                if (opinion.Passed)
                {
                    step.CloseTask(task, Outcomes.Passed, opinion.Comment);
                }
                else
                {
                    var items = opinion.CorrectionItems.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).ToList();
                    if (items.Count == 0)
                        throw new InvalidInputException("correctionItems", "A correction request must list what to correct.");
                    step.CloseTask(task, Outcomes.CorrectionRequired, opinion.Comment, items);
                }
                ReviewRounds.Advance(step, TaskKind.PreReviewOpinion);
                break;
            case SubmitCorrection correction:
                var corrected = CorrectionHandling.Submit(step, correction);
                ReviewRounds.Corrected(step, corrected, TaskKind.PreReviewOpinion);
                break;
            default:
                throw new ConflictException($"Joint pre-review does not take {command.GetType().Name}.");
        }
    }

    public void OnTimer(StepContext step, DurableTimer timer) => TaskTimers.Record(step, timer);
}
