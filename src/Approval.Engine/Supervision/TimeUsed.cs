using Approval.Engine.Activities;
using Approval.Engine.Calendar;
using Approval.Engine.Runtime;

namespace Approval.Engine.Supervision;

/// <summary>
/// The working days an ended matter decision or project used (办理用时) and whether the decision was late, as the
/// engine stores them when the task or project ends and as the statistics count them: one rule for both.
/// </summary>
/// <remarks>
/// A decision's days are those its department held the matter: from the day after it opened to the decision day,
/// without stopped time (art. 45 stops, the applicant's 补正). They are derived from the task's own deadline, which
/// already leaves the stops out and adds approved extensions: <c>used = (limit + extensions) − working days in
/// (decision day, due]</c>, never below 0. A deemed approval (超时默许) took the whole limit. A project's days are
/// derived from its deadline the same way, re-derived at completion with every stop and extension.
/// </remarks>
public static class TimeUsed
{
    /// <summary>The working days a decided task used; null when it has no decision time or was never opened.</summary>
    public static int? OfDecision(WorkTask task, WorkingDayCalendar calendar)
    {
        if (task.DecidedAt is not { } at || task.OpenedOn is not { } opened) return null;
        var allowed = task.LimitWorkingDays + task.ExtensionWorkingDays;
        var day = calendar.LocalDateOf(at);
        var used = task.Outcome == Outcomes.DeemedApproved ? allowed
            : task.DueOn is { } due ? allowed - calendar.WorkingDaysBetween(day, due).Days
            : calendar.WorkingDaysBetween(opened, day).Days;
        return Math.Max(0, used);
    }

    /// <summary>Whether a decided task was decided after its deadline day was over (超期办结); false without a deadline.</summary>
    public static bool DecidedLate(WorkTask task, WorkingDayCalendar calendar) =>
        task.DecidedAt is { } at && task.DueOn is { } due && calendar.IsPastDeadline(at, due);

    /// <summary>Stores on a matter decision just decided what <see cref="OfDecision"/> and <see cref="DecidedLate"/> say.</summary>
    public static void Store(WorkTask task, WorkingDayCalendar calendar)
    {
        if (task.Kind is not (TaskKind.MatterDecision or TaskKind.SimulationConfirmation)) return;
        task.UsedWorkingDays = OfDecision(task, calendar);
        task.DecidedLate = task.UsedWorkingDays is null ? null : DecidedLate(task, calendar);
    }

    /// <summary>The working days a completed project used, from acceptance to completion; null without those days or a deadline.</summary>
    public static int? OfProject(ProjectInstance project, WorkingDayCalendar calendar) =>
        project.AcceptedOn is null || project.EndedOn is not { } ended || project.DueOn is not { } due ? null
        : Math.Max(0, project.TargetWorkingDays + project.ExtensionWorkingDays - calendar.WorkingDaysBetween(ended, due).Days);
}
