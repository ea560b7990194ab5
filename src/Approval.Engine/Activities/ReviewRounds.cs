using Approval.Engine.Calendar;
using Approval.Engine.Runtime;

namespace Approval.Engine.Activities;

/// <summary>
/// Rounds of review shared by joint pre-review and the site survey: every department answers; corrections asked
/// by several departments go to the applicant as one notice while the step's clock stops; after the correction
/// only the departments that asked look again.
/// </summary>
public static class ReviewRounds
{
    /// <summary>Opens the first round: one task per department.</summary>
    public static void Open(StepContext step, TaskKind kind, IEnumerable<string> departments, int limit, string title)
    {
        foreach (var departmentId in departments)
            step.OpenTask(kind, departmentId, null, $"{title}：{step.Catalog.Department(departmentId).ShortName}", limit);
    }

    /// <summary>After an answer: wait for the others, or send one merged correction notice, or complete the step.</summary>
    public static void Advance(StepContext step, TaskKind kind)
    {
        var latest = Latest(step, kind);
        if (latest.Any(t => t.IsOpen)) return;
        var asking = latest.Where(t => Outcomes.AsksCorrection(t.Outcome)).ToList();
        if (asking.Count == 0)
        {
            step.CompleteStep();
            return;
        }
        // One notice for every department that asked (一次性告知), each of them named, with its own explanation.
        var asks = asking.Select(t => CorrectionNotices.Ask(step, t, t.DecidedBy ?? step.Actor.UserId)).ToList();
        step.Instance.ClockStops.Add(new ClockStop
        {
            Id = Guid.NewGuid(), InstanceId = step.Instance.Id, ActivityId = step.Instance.CurrentActivityId,
            Reason = ClockStopReason.Correction, Notice = CorrectionNotices.Notice(step.Catalog, asks), StartsOn = ClockStops.StartsAfter(step.Today),
            ExpectedWorkingDays = 1, RequestedBy = step.Actor.UserId, RequestedAt = step.Now,
        });
        CorrectionNotices.Open(step, null, null, "补正材料（一次性告知）", asks);
    }

    /// <summary>The applicant corrected: counting restarts the day after, and only the departments that asked re-check.</summary>
    public static void Corrected(StepContext step, WorkTask correction, TaskKind kind)
    {
        foreach (var stop in step.Instance.ClockStops.Where(s => s.ActivityId == correction.ActivityId && s.TaskId is null && s.IsOpen))
            stop.ResumesOn = ClockStops.ResumesAfter(step.Today);
        foreach (var asked in Latest(step, kind).Where(t => Outcomes.AsksCorrection(t.Outcome)))
        {
            var again = step.OpenTask(kind, asked.DepartmentId, null, asked.Title, step.StepDaysLeft());
            again.Round = asked.Round + 1;
        }
    }

    private static List<WorkTask> Latest(StepContext step, TaskKind kind) =>
        step.StepTasks.Where(t => t.Kind == kind)
            .GroupBy(t => t.DepartmentId)
            .Select(g => g.OrderByDescending(t => t.Round).First())
            .ToList();
}
