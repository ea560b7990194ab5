using Approval.Engine.Journal;
using Approval.Engine.Runtime;
using Approval.Engine.Timers;

namespace Approval.Engine.Activities;

/// <summary>What a task's warning and deadline timers record when nothing else is defined for them (预警, 超期).</summary>
public static class TaskTimers
{
    public static void Record(StepContext step, DurableTimer timer)
    {
        var task = step.Instance.Tasks.FirstOrDefault(t => t.Id == timer.TaskId);
        if (task is null || !task.IsOpen) return;
        step.Record(timer.Kind == TimerKind.TaskWarning ? JournalEvents.TaskWarning : JournalEvents.TaskOverdue,
            reasons: $"{task.Title}：办理期限 {task.DueOn:yyyy-MM-dd}", task: task);
    }
}
