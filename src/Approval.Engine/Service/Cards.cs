using Approval.Engine.Activities;
using Approval.Engine.Journal;
using Approval.Engine.Runtime;
using Approval.Engine.Timers;

namespace Approval.Engine.Service;

/// <summary>
/// 黄牌/红牌: when a department's task stays late, a card is recorded against the department automatically by timer —
/// yellow at <see cref="EngineOptions.YellowCardOverdueWorkingDays"/> working days overdue, red at
/// <see cref="EngineOptions.RedCardOverdueWorkingDays"/>. Each colour at most once per task.
/// </summary>
/// <remarks>
/// The card timer is armed when the task's deadline passes with the task still open. When it fires it checks again
/// against the task's deadline as it stands then (an extension or a clock stop may have moved it) and re-arms for the
/// later day instead of recording a card too early; a task decided meanwhile has had its timers cancelled.
/// </remarks>
public static class Cards
{
    /// <summary>Arms the task's next card timer (yellow, then red), replacing any pending one.</summary>
    public static void Arm(StepContext step, WorkTask task)
    {
        if (task.Status != Runtime.TaskStatus.Open || task.DepartmentId is null || task.DueOn is not { } due || task.Card == CardColour.Red) return;
        var (kind, days) = task.Card is null
            ? (TimerKind.YellowCard, step.Options.YellowCardOverdueWorkingDays)
            : (TimerKind.RedCard, step.Options.RedCardOverdueWorkingDays);
        step.CancelTimers(t => t.TaskId == task.Id && t.Kind is TimerKind.YellowCard or TimerKind.RedCard);
        step.Schedule(kind, step.Deadlines.StartOf(step.Calendar.Deadline(due, days).Date), task);
    }

    public static void Fire(StepContext step, DurableTimer timer)
    {
        var task = step.Instance.Tasks.FirstOrDefault(t => t.Id == timer.TaskId);
        if (task is not { Status: Runtime.TaskStatus.Open, DueOn: { } due, DepartmentId: { } department }) return;
        var (colour, threshold) = timer.Kind == TimerKind.YellowCard
            ? (CardColour.Yellow, step.Options.YellowCardOverdueWorkingDays)
            : (CardColour.Red, step.Options.RedCardOverdueWorkingDays);
        if (task.Card >= colour) return;
        var overdue = due < step.Today ? step.Calendar.WorkingDaysBetween(due, step.Today).Days : 0;
        if (overdue < threshold)
        {
            // The deadline moved since the timer was armed: watch the new day (or, not yet overdue, the deadline's own timer re-arms).
            if (overdue > 0) step.Schedule(timer.Kind, step.Deadlines.StartOf(step.Calendar.Deadline(due, threshold).Date), task);
            return;
        }
        task.Card = colour;
        step.Records.Added.Add(new Card
        {
            Id = Guid.NewGuid(), InstanceId = step.Instance.Id, TaskId = task.Id, DepartmentId = department,
            MatterCode = task.MatterCode, Colour = colour, OverdueWorkingDays = overdue, RecordedAt = step.Now, RecordedOn = step.Today,
        });
        step.Record(JournalEvents.CardRecorded, colour.ToString(),
            $"{task.Title}：已超期 {overdue} 个工作日，记{(colour == CardColour.Yellow ? "黄牌" : "红牌")}", task, by: Actor.System);
        if (colour == CardColour.Yellow) Arm(step, task);
    }
}
