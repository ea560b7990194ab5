using Approval.Engine.Activities;
using Approval.Engine.Journal;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;

namespace Approval.Engine.Service;

/// <summary>
/// 好差评: the applicant is invited to rate each matter once it is decided and the whole service once the project has
/// ended; it rates (never forced) once per matter and once for the project, may change the rating within
/// <see cref="EngineOptions.RatingEditWorkingDays"/>, and a 差评 opens a rectification (整改) for the department with
/// <see cref="EngineOptions.RectificationWorkingDays"/>, closed only with a call-back record (回访).
/// </summary>
/// <remarks>
/// The department has no head role in this system, so the rectification is the department's task (its approvers',
/// on their to-do list); a rating of the whole project is the service centre's
/// (<see cref="EngineOptions.ServiceCentreDepartmentId"/>).
/// </remarks>
public static class Ratings
{
    public const int MaxCommentLength = 500;

    /// <summary>Journals an invitation for each matter decided and for a project completed by this command.</summary>
    public static void Invite(StepContext step)
    {
        foreach (var entry in step.Written.ToList())
        {
            if (entry.Event == JournalEvents.TaskDecided &&
                step.Instance.Tasks.FirstOrDefault(t => t.Id == entry.TaskId) is { Kind: TaskKind.MatterDecision } task)
                step.Record(JournalEvents.RatingInvited, reasons: $"请对“{task.Title}”的办理作出评价", task: task, by: Actor.System);
            else if (entry.Event == JournalEvents.Completed)
                step.Record(JournalEvents.RatingInvited, reasons: "请对本项目的整体服务作出评价", by: Actor.System);
        }
    }

    /// <summary>Rates a decided matter or the ended project, or changes the rating within the period.</summary>
    public static void Rate(StepContext step, RateService command)
    {
        step.RequireApplicant();
        var records = step.Records;
        string key, departmentId, subject;
        WorkTask? decision = null;
        if (string.IsNullOrWhiteSpace(command.MatterCode))
        {
            if (step.Instance.Status is not (InstanceStatus.Completed or InstanceStatus.Rejected))
                throw new ConflictException("The whole project can be rated once it has ended (completed or rejected); a decided matter can be rated now.");
            (key, departmentId, subject) = (Rating.WholeProject, step.Options.ServiceCentreDepartmentId, step.Instance.ProjectName);
        }
        else
        {
            var code = command.MatterCode.Trim();
            var tasks = records.Matters.Where(t => t.MatterCode == code).ToList();
            if (tasks.Count == 0)
                throw new InvalidInputException("matterCode", $"'{code}' is not a matter of this project; its matters: " +
                    string.Join(", ", records.Matters.Select(t => t.MatterCode).Distinct()));
            decision = tasks.Where(t => t.Status == Runtime.TaskStatus.Done).OrderByDescending(t => t.DecidedAt).FirstOrDefault()
                ?? throw new ConflictException($"{tasks[0].Title} is not decided yet: it can be rated once it is.");
            (key, departmentId, subject) = (code, decision.DepartmentId!, decision.Title);
        }
        var reasons = RatingReasons.For(command.Level);
        var reason = command.Reason?.Trim() ?? "";
        if (!reasons.ContainsKey(reason))
            throw new InvalidInputException("reason", $"Reason '{reason}' is not one for {RatingLevels.Code(command.Level)}; expected one of: {string.Join(", ", reasons.Keys)}.");
        var comment = string.IsNullOrWhiteSpace(command.Comment) ? null : command.Comment.Trim();
        if (comment is null && RatingLevels.IsBad(command.Level))
            throw new InvalidInputException("comment", "A 差评 (dissatisfied or very dissatisfied) needs a comment saying what went wrong.");
        if (comment?.Length > MaxCommentLength)
            throw new InvalidInputException("comment", $"The comment may be at most {MaxCommentLength} characters; given {comment.Length}.");

        var rating = records.Ratings.FirstOrDefault(r => r.MatterKey == key);
        var words = $"{RatingLevels.Label(command.Level)}（{RatingReasons.Label(reason)}）{(comment is null ? "" : "：" + comment)}";
        if (rating is null)
        {
            rating = new Rating
            {
                Id = Guid.NewGuid(), InstanceId = step.Instance.Id, MatterKey = key, DepartmentId = departmentId,
                ClerkId = records.ClerkId, EditableUntil = step.Options.RatingEditWorkingDays == 0 ? step.Today
                    : step.Calendar.Deadline(step.Today, step.Options.RatingEditWorkingDays).Date,
            };
            records.Ratings.Add(rating);
            records.Added.Add(rating);
            step.Record(JournalEvents.Rated, RatingLevels.Code(command.Level), $"{subject}：{words}", decision, departmentId);
        }
        else
        {
            if (step.Today > rating.EditableUntil)
                throw new ConflictException($"The rating of {subject} can no longer be changed: the period ended on {rating.EditableUntil:yyyy-MM-dd}.");
            rating.Edits++;
            step.Record(JournalEvents.RatingChanged, RatingLevels.Code(command.Level), $"{subject}：{words}", decision, departmentId);
        }
        rating.Level = command.Level;
        rating.Reason = reason;
        rating.Comment = comment;
        rating.RatedBy = step.Actor.UserId;
        rating.RatedAt = step.Now;
        rating.RatedOn = step.Today;

        // A 差评 opens one rectification; a rating changed to good later leaves it open: the department still calls back.
        if (RatingLevels.IsBad(command.Level) && rating.RectificationTaskId is null)
        {
            var task = step.OpenTask(TaskKind.Rectification, departmentId, decision?.MatterCode, $"差评整改：{subject}",
                step.Options.RectificationWorkingDays);
            rating.RectificationTaskId = task.Id;
            step.Record(JournalEvents.RectificationOpened, RatingLevels.Code(command.Level), $"{subject}：{words}", task, by: Actor.System);
        }
    }

    /// <summary>The department closes its rectification with its measures and the call-back record (回访).</summary>
    public static void CloseRectification(StepContext step, CloseRectification command)
    {
        var task = step.Instance.Tasks.FirstOrDefault(t => t.Id == command.TaskId && t.Kind == TaskKind.Rectification)
            ?? throw new NotFoundException($"Task {command.TaskId}");
        if (step.Actor.Role == ActorRole.Approver && step.Actor.DepartmentId != task.DepartmentId) throw new NotFoundException($"Task {command.TaskId}");
        step.RequireDepartment(task);
        if (!task.IsOpen) throw new ConflictException($"Task {command.TaskId} ({task.Title}) is no longer open: it is {task.Status}.");
        var measures = command.Measures?.Trim();
        var callBack = command.CallBack?.Trim();
        if (string.IsNullOrEmpty(measures))
            throw new InvalidInputException("measures", "Say what the department changed (rectification measures).");
        if (string.IsNullOrEmpty(callBack))
            throw new InvalidInputException("callBack", "A rectification closes only with the call-back record: when and how the applicant was called back and what it said.");
        if (measures.Length > MaxCommentLength || callBack.Length > MaxCommentLength)
            throw new InvalidInputException(measures.Length > MaxCommentLength ? "measures" : "callBack", $"At most {MaxCommentLength} characters.");
        step.CloseTask(task, Outcomes.Rectified, measures, [callBack]);
        step.Record(JournalEvents.RectificationClosed, Outcomes.Rectified, $"回访：{callBack}", task);
    }
}
