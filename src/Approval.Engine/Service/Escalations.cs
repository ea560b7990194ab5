using Approval.Engine.Activities;
using Approval.Engine.Journal;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Supervision;

namespace Approval.Engine.Service;

/// <summary>
/// 督办: the supervisor issues a notice on a late or near-due task (or on the project, for one department holding open
/// work on it) with a reply deadline in working days; the department replies on its reply task; the supervisor closes it.
/// </summary>
public static class Escalations
{
    public const int MaxTextLength = 1000;

    public static void Issue(StepContext step, IssueEscalation command)
    {
        step.RequireRole(ActorRole.Supervisor);
        var notice = command.Notice?.Trim();
        if (string.IsNullOrEmpty(notice)) throw new InvalidInputException("notice", "A 督办 needs its notice: what is late and what the department must do.");
        if (notice.Length > MaxTextLength) throw new InvalidInputException("notice", $"At most {MaxTextLength} characters; given {notice.Length}.");
        var max = step.Options.MaxEscalationReplyWorkingDays;
        if (command.ReplyWorkingDays < 1 || command.ReplyWorkingDays > max)
            throw new InvalidInputException("replyWorkingDays", $"Expected 1 to {max} working days; given {command.ReplyWorkingDays}.");
        var lights = new LightPolicy(step.Options, step.Calendar);
        WorkTask? target = null;
        string departmentId;
        if (command.TaskId is { } taskId)
        {
            target = step.Instance.Tasks.FirstOrDefault(t => t.Id == taskId) ?? throw new NotFoundException($"Task {taskId}");
            if (!target.IsOpen || target.DepartmentId is null || target.Kind == TaskKind.EscalationReply)
                throw new ConflictException($"Task {taskId} ({target.Title}) is not a department's open work: it is {target.Status}.");
            if (lights.Of(step.Now, target) == Light.Green)
                throw new ConflictException($"Task {taskId} ({target.Title}) is on track (green): a 督办 is for late or near-due work.");
            departmentId = target.DepartmentId;
        }
        else
        {
            departmentId = command.DepartmentId?.Trim() ?? "";
            var holding = step.Instance.Tasks.Where(t => t.IsOpen && t.DepartmentId is not null && t.Kind != TaskKind.EscalationReply)
                .Select(t => t.DepartmentId!).Distinct().ToList();
            if (!holding.Contains(departmentId))
                throw new InvalidInputException("departmentId", $"'{departmentId}' holds no open work on this project; departments holding it: {(holding.Count == 0 ? "none" : string.Join(", ", holding))}.");
            if (lights.Of(step.Now, step.Instance) == Light.Green)
                throw new ConflictException("The project is on track (green): a 督办 is for late or near-due work.");
        }
        if (step.Records.Escalations.Any(e => e.TargetTaskId == target?.Id && e.DepartmentId == departmentId))
            throw new ConflictException("A 督办 on this is still open: close it before issuing another.");

        var subject = target?.Title ?? step.Instance.ProjectName;
        var reply = step.OpenTask(TaskKind.EscalationReply, departmentId, target?.MatterCode, $"督办回复：{subject}", command.ReplyWorkingDays);
        var escalation = new Escalation
        {
            Id = Guid.NewGuid(), InstanceId = step.Instance.Id, TargetTaskId = target?.Id, DepartmentId = departmentId,
            Notice = notice, ReplyWorkingDays = command.ReplyWorkingDays, ReplyTaskId = reply.Id,
            Status = EscalationStatus.AwaitingReply, IssuedBy = step.Actor.UserId, IssuedAt = step.Now, IssuedOn = step.Today,
            ReplyDueOn = reply.DueOn!.Value,
        };
        reply.Items = [notice];
        step.Records.Added.Add(escalation);
        step.Record(JournalEvents.EscalationIssued, reasons: $"{subject}：{notice}（{command.ReplyWorkingDays} 个工作日内回复，期限 {reply.DueOn:yyyy-MM-dd}）", task: reply);
    }

    public static void Reply(StepContext step, ReplyToEscalation command)
    {
        var task = step.Instance.Tasks.FirstOrDefault(t => t.Id == command.TaskId && t.Kind == TaskKind.EscalationReply)
            ?? throw new NotFoundException($"Task {command.TaskId}");
        if (step.Actor.Role == ActorRole.Approver && step.Actor.DepartmentId != task.DepartmentId) throw new NotFoundException($"Task {command.TaskId}");
        step.RequireDepartment(task);
        if (!task.IsOpen) throw new ConflictException($"Task {command.TaskId} ({task.Title}) is no longer open: it is {task.Status}.");
        var text = command.Reply?.Trim();
        if (string.IsNullOrEmpty(text)) throw new InvalidInputException("reply", "The reply must say why the work is late and what the department does about it.");
        if (text.Length > MaxTextLength) throw new InvalidInputException("reply", $"At most {MaxTextLength} characters; given {text.Length}.");
        var escalation = step.Records.Escalations.Single(e => e.ReplyTaskId == task.Id);
        step.CloseTask(task, Outcomes.Replied, text, task.Items);
        escalation.Status = EscalationStatus.Replied;
        escalation.Reply = text;
        escalation.RepliedBy = step.Actor.UserId;
        escalation.RepliedOn = step.Today;
        step.Record(JournalEvents.EscalationReplied, reasons: text, task: task);
    }

    public static void Close(StepContext step, CloseEscalation command)
    {
        step.RequireRole(ActorRole.Supervisor);
        var escalation = step.Records.Escalations.FirstOrDefault(e => e.Id == command.EscalationId)
            ?? throw new NotFoundException($"督办 {command.EscalationId}");
        if (escalation.Status == EscalationStatus.AwaitingReply)
            throw new ConflictException("The department has not replied to this 督办 yet.");
        if (escalation.Status == EscalationStatus.Closed) throw new ConflictException("This 督办 is closed already.");
        var note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim();
        if (note?.Length > MaxTextLength) throw new InvalidInputException("note", $"At most {MaxTextLength} characters; given {note.Length}.");
        escalation.Status = EscalationStatus.Closed;
        escalation.ClosingNote = note;
        escalation.ClosedBy = step.Actor.UserId;
        escalation.ClosedOn = step.Today;
        step.Record(JournalEvents.EscalationClosed, reasons: note ?? "督办事项已办结", departmentId: escalation.DepartmentId);
    }
}
