using Approval.Engine.Calendar;
using Approval.Engine.Journal;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using NodaTime;

namespace Approval.Engine.Activities;

/// <summary>
/// The clock of one matter: stops for art. 45 reasons and for the applicant's correction, resumption, and
/// extension requests. Every change re-derives the task's dates, its timers and the project's deadline.
/// </summary>
public static class MatterClock
{
    public static void Stop(StepContext step, StopClock command)
    {
        var task = step.OpenTaskOf(command.TaskId);
        step.RequireDepartment(task);
        if (task.Status == Runtime.TaskStatus.Suspended) throw new ConflictException("The clock of this matter is already stopped.");
        if (command.Reason == ClockStopReason.Correction)
            throw new InvalidInputException("reason", "Ask for a correction with a decision of type requestCorrection.");
        if (string.IsNullOrWhiteSpace(command.Notice))
            throw new InvalidInputException("notice", "Art. 45 requires a written notice to the applicant (书面告知).");
        if (command.ExpectedWorkingDays is < 1 or > 250)
            throw new InvalidInputException("expectedWorkingDays", $"Expected 1 to 250 working days; given {command.ExpectedWorkingDays}.");
        Suspend(step, task, command.Reason, command.Notice.Trim(), command.ExpectedWorkingDays);
    }

    public static void AskCorrection(StepContext step, WorkTask task, List<string> items, string? comment)
    {
        task.Items = items;
        task.Comment = comment;
        var ask = CorrectionNotices.Ask(step, task, step.Actor.UserId);
        Suspend(step, task, ClockStopReason.Correction, CorrectionNotices.Notice(step.Catalog, [ask]), 1);
        CorrectionNotices.Open(step, task.DepartmentId, task.MatterCode, $"补正材料：{task.Title}", [ask]);
    }

    /// <summary>Counting resumes on <paramref name="resumesOn"/>; the days from the stop's start up to the day before are not counted.</summary>
    public static void Resume(StepContext step, WorkTask task, ClockStopReason? reason, LocalDate resumesOn)
    {
        var stop = step.Instance.ClockStops.LastOrDefault(s => s.TaskId == task.Id && s.IsOpen && (reason is null || s.Reason == reason))
            ?? throw new ConflictException("The clock of this matter is not stopped.");
        if (reason is null && stop.Reason == ClockStopReason.Correction)
            throw new ConflictException("The clock restarts when the applicant submits the correction.");
        if (resumesOn < stop.StartsOn || resumesOn > step.Today.PlusDays(1))
            throw new InvalidInputException("resumesOn",
                $"Counting can resume from {stop.StartsOn:yyyy-MM-dd} up to tomorrow; given {resumesOn:yyyy-MM-dd}.");
        stop.ResumesOn = resumesOn;
        task.Status = Runtime.TaskStatus.Open;
        step.RescheduleTask(task);
        step.Record(JournalEvents.ClockResumed, stop.Reason.ToString(), $"恢复计时 {resumesOn:yyyy-MM-dd}；新期限 {task.DueOn:yyyy-MM-dd}", task);
    }

    public static void RequestExtension(StepContext step, RequestExtension command)
    {
        var task = step.OpenTaskOf(command.TaskId);
        step.RequireDepartment(task);
        if (command.WorkingDays is < 1 or > 60)
            throw new InvalidInputException("workingDays", $"An extension is 1 to 60 working days; given {command.WorkingDays}.");
        if (string.IsNullOrWhiteSpace(command.Reason))
            throw new InvalidInputException("reason", "An extension (延期) needs a reason the applicant will see.");
        if (step.Instance.Extensions.Any(e => e.TaskId == task.Id && e.Status == ExtensionStatus.Pending))
            throw new ConflictException("An extension request for this matter is already waiting for a supervisor.");
        var extension = new Extension
        {
            Id = Guid.NewGuid(), InstanceId = step.Instance.Id, TaskId = task.Id, WorkingDays = command.WorkingDays,
            Reason = command.Reason.Trim(), Status = ExtensionStatus.Pending, RequestedBy = step.Actor.UserId, RequestedAt = step.Now,
        };
        step.Instance.Extensions.Add(extension);
        step.CreatedExtension = extension;
        step.Record(JournalEvents.ExtensionRequested, $"+{command.WorkingDays}", extension.Reason, task);
    }

    /// <summary>A supervisor's decision; an approved extension lengthens the task and, through its step, the project.</summary>
    public static void DecideExtension(StepContext step, Extension extension, DecideExtension command)
    {
        step.RequireRole(ActorRole.Supervisor);
        if (extension.Status != ExtensionStatus.Pending) throw new ConflictException($"The extension is already {extension.Status}.");
        var task = step.Instance.Tasks.Single(t => t.Id == extension.TaskId);
        if (!task.IsOpen) throw new ConflictException("The matter is already decided.");
        // The department and the investor see the refusal: it must say why.
        if (!command.Approve && string.IsNullOrWhiteSpace(command.Note))
            throw new InvalidInputException("note", "Required when refusing an extension: why it is refused.");
        extension.Status = command.Approve ? ExtensionStatus.Approved : ExtensionStatus.Refused;
        extension.DecidedBy = step.Actor.UserId;
        extension.DecidedAt = step.Now;
        extension.DecisionNote = command.Note;
        if (command.Approve)
        {
            step.Instance.ExtensionWorkingDays += Deadlines.ProjectGainOfExtension(step.Instance, task, extension.WorkingDays);
            task.ExtensionWorkingDays += extension.WorkingDays;
            step.RescheduleTask(task);
        }
        step.Record(command.Approve ? JournalEvents.ExtensionApproved : JournalEvents.ExtensionRefused, $"+{extension.WorkingDays}",
            command.Note ?? extension.Reason, task);
    }

    private static void Suspend(StepContext step, WorkTask task, ClockStopReason reason, string notice, int expected)
    {
        step.Instance.ClockStops.Add(new ClockStop
        {
            Id = Guid.NewGuid(), InstanceId = step.Instance.Id, ActivityId = task.ActivityId, TaskId = task.Id, Reason = reason,
            Notice = notice, StartsOn = ClockStops.StartsAfter(step.Today), ExpectedWorkingDays = expected,
            RequestedBy = step.Actor.UserId, RequestedAt = step.Now,
        });
        task.Status = Runtime.TaskStatus.Suspended;
        step.RescheduleTask(task);
        step.Record(JournalEvents.ClockStopped, reason.ToString(), notice, task);
    }
}
