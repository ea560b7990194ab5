using Approval.Engine.Definitions;
using Approval.Engine.Journal;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Timers;

namespace Approval.Engine.Activities;

/// <summary>
/// Deadline completion (限时办结): the window issues every result together (统一出件) and the project completes,
/// on time or overdue against its target with clock stops and approved extensions taken into account. Where the
/// definition names one document for the whole project (联合验收意见书), the journal says it was issued.
/// </summary>
public sealed class DeadlineCompletion : IActivity
{
    public ActivityType Type => ActivityType.DeadlineCompletion;

    public void Enter(StepContext step) => step.Record(JournalEvents.ReadyForIssue, by: Actor.System);

    public void Handle(StepContext step, Command command)
    {
        if (command is not IssueResults) throw new ConflictException($"Completion does not take {command.GetType().Name}.");
        step.RequireRole(ActorRole.WindowClerk);
        if (step.Instance.Deficiencies.Count > 0)
            throw new ConflictException("Results cannot be issued while 容缺 materials are outstanding: " + MaterialCodes.Names(step.Definition, step.Instance.Deficiencies));
        var instance = step.Instance;
        instance.DueOn = step.Deadlines.ProjectDue(instance);
        instance.OnTime = instance.DueOn is not { } due || step.Today <= due;
        instance.Status = InstanceStatus.Completed;
        instance.EndedAt = step.Now;
        instance.EndedOn = step.Today;
        instance.UsedWorkingDays = Supervision.TimeUsed.OfProject(instance, step.Calendar);
        // The verifications of commitments (事后核查), rectifications and 督办 replies run on after the results are issued, with their timers.
        step.CancelTimers(t => !Service.AfterService.Watches(instance, t));
        var used = step.Calendar.WorkingDaysBetween(Deadlines.FormalStart(instance)!.Value, step.Today,
            step.Deadlines.StopsOf(instance, _ => true)).Days;
        var document = ((DeadlineCompletionDefinition)step.Activity).Document is { } name ? $"出具{name}；" : "";
        step.Record(JournalEvents.Completed, instance.OnTime == true ? "按时办结" : "超期办结",
            $"{document}用时 {used} 个工作日；时限 {instance.TargetWorkingDays + instance.ExtensionWorkingDays} 个工作日（期限 {instance.DueOn:yyyy-MM-dd}）");
    }

    public void OnTimer(StepContext step, DurableTimer timer) => TaskTimers.Record(step, timer);
}
