using Approval.Engine.Journal;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Timers;

namespace Approval.Engine.Activities;

/// <summary>What belongs to the whole project rather than one step: the 容缺 promise, the project deadline, and routing task timers.</summary>
public static class ProjectTimers
{
    /// <summary>
    /// Whether a firing still has something to do: the timer is pending at the occurrence that was claimed, that
    /// occurrence is due, and the project goes on. Otherwise it was applied already, or moved or re-armed since.
    /// </summary>
    public static bool Applies(ProjectInstance instance, FireTimer fire, NodaTime.Instant now) =>
        instance.Timers.FirstOrDefault(t => t.Id == fire.TimerId) is { Status: TimerStatus.Pending } timer &&
        (!instance.IsEnded || (instance.Status is InstanceStatus.Completed or InstanceStatus.Rejected && Service.AfterService.Watches(instance, timer))) &&
        timer.DueAt == fire.DueAt && timer.DueAt <= now;

    public static void Fire(StepContext step, DurableTimer timer, IActivity current)
    {
        switch (timer.Kind)
        {
            case TimerKind.DeficienciesDue when step.Instance.Deficiencies.Count > 0:
                step.EndProject(InstanceStatus.Terminated,
                    $"容缺材料未在承诺期限 {step.Instance.DeficienciesDueOn:yyyy-MM-dd} 内补齐：{MaterialCodes.Names(step.Definition, step.Instance.Deficiencies)}");
                break;
            case TimerKind.SimulationExpiry:
                Simulations.Expire(step);
                break;
            case TimerKind.ProjectDeadline:
                step.Record(JournalEvents.ProjectOverdue, reasons: $"办结期限 {step.Instance.DueOn:yyyy-MM-dd} 已过");
                break;
            case TimerKind.TaskWarning or TimerKind.TaskDeadline:
                // The timer is re-armed in place below: what fired is read first.
                var fired = timer.Kind;
                var task = step.Instance.Tasks.FirstOrDefault(t => t.Id == timer.TaskId);
                // A verification (事后核查), rectification or 督办 reply runs on whatever step the project is at: its
                // timers only record 预警 and 超期.
                if (task is not null && Service.AfterService.Outlives(task.Kind)) TaskTimers.Record(step, timer);
                // A timer of a step that is over has nothing left to do.
                else if (task is null || task.ActivityId != step.Instance.CurrentActivityId) break;
                else current.OnTimer(step, timer);
                // After the follow-up date the same timer watches the deadline (unless the task has one already).
                if (fired == TimerKind.TaskWarning && task.Status == Runtime.TaskStatus.Open &&
                    !step.Instance.Timers.Any(t => t.TaskId == task.Id && t.Status == TimerStatus.Pending && t.Kind is TimerKind.TaskWarning or TimerKind.TaskDeadline))
                    step.ArmTaskTimer(task, timer);
                // Still open past its deadline: the 黄牌/红牌 timer watches how late it stays.
                if (fired == TimerKind.TaskDeadline) Service.Cards.Arm(step, task);
                break;
            case TimerKind.YellowCard or TimerKind.RedCard:
                Service.Cards.Fire(step, timer);
                break;
        }
    }

    /// <summary>
    /// The applicant says it has handed in 容缺 items. Saying so does not hand them in (<see cref="HandedInMaterials"/>):
    /// each named item must have its file uploaded or its paper original recorded by the window, which fulfils it as
    /// it happens; this command settles any that were handed in and refuses the ones that were not.
    /// </summary>
    public static void Supply(StepContext step, SupplyDeficiencies command)
    {
        step.RequireApplicant();
        if (step.Instance.Deficiencies.Count == 0) throw new ConflictException("No 容缺 materials are outstanding.");
        var named = command.Materials.Intersect(step.Instance.Deficiencies).ToList();
        if (named.Count == 0)
            throw new InvalidInputException("materials", "None of these are outstanding; outstanding: " + string.Join(", ", step.Instance.Deficiencies));
        var notHandedIn = named.Where(code => !HandedInMaterials.Has(step.Instance, code)).ToList();
        if (notHandedIn.Count > 0)
            throw new ConflictException($"Not handed in yet: {MaterialCodes.Names(step.Definition, notHandedIn)}. " +
                "Upload a file for each (POST /api/projects/{id}/materials) or hand its paper original to the window.");
        step.Instance.SubmittedMaterials = step.Instance.SubmittedMaterials.Union(named).ToList();
        HandedInMaterials.FulfilDeficiencies(step);
    }

    /// <summary>Re-derives open tasks' dates and timers from the current calendar; journals what moved.</summary>
    public static void Refresh(StepContext step)
    {
        var before = step.Instance.DueOn;
        var moved = new List<string>();
        foreach (var task in step.Instance.Tasks.Where(t => t.IsOpen && t.OpenedOn is not null && t.LimitWorkingDays > 0))
        {
            var due = task.DueOn;
            if (task.Status == Runtime.TaskStatus.Open) step.RescheduleTask(task);
            else step.Deadlines.Refresh(step.Instance, task);
            if (task.DueOn != due) moved.Add($"{task.Title}：{due:yyyy-MM-dd} → {task.DueOn:yyyy-MM-dd}");
        }
        var projectDue = step.Deadlines.ProjectDue(step.Instance);
        if (projectDue != before) moved.Add($"办结期限：{before:yyyy-MM-dd} → {projectDue:yyyy-MM-dd}");
        if (moved.Count > 0) step.Record(JournalEvents.DeadlinesRecomputed, "节假日安排更新", string.Join("；", moved));
    }
}
