using Approval.Engine.Definitions;
using Approval.Engine.Journal;
using Approval.Engine.Runtime;
using TaskStatus = Approval.Engine.Runtime.TaskStatus;

namespace Approval.Web.Components.Pages.My;

/// <summary>How the applicant pages name the engine's states, outcomes and events in Chinese.</summary>
public static class ProjectWords
{
    public static string Status(InstanceStatus status) => status switch
    {
        InstanceStatus.Filed => "待受理",
        InstanceStatus.Returned => "已退回，待补齐材料",
        InstanceStatus.Running => "办理中",
        InstanceStatus.Completed => "已办结",
        InstanceStatus.Rejected => "不予许可",
        InstanceStatus.Refused => "不予受理",
        InstanceStatus.Terminated => "终止办理",
        _ => status.ToString(),
    };

    /// <summary>Who holds the project now (当前办理): the window, the departments with open tasks, or the applicant.</summary>
    public static string Holder(ProjectInstance project, DefinitionCatalog catalog)
    {
        switch (project.Status)
        {
            case InstanceStatus.Filed: return "综合窗口（待受理）";
            case InstanceStatus.Returned: return "申请人（按一次性告知补齐材料）";
            case InstanceStatus.Running: break;
            default: return "—";
        }
        var open = project.Tasks.Where(t => t.IsOpen).ToList();
        var holders = new List<string>();
        if (open.Any(t => t.Kind == TaskKind.ApplicantCorrection)) holders.Add("申请人（补正）");
        holders.AddRange(open.Where(t => t.DepartmentId is not null).Select(t => t.DepartmentId!).Distinct()
            .Select(d => catalog.Departments.FirstOrDefault(x => x.Id == d)?.ShortName ?? d));
        return holders.Count > 0 ? string.Join("、", holders) : "综合窗口";
    }

    public static string TaskKindText(TaskKind kind) => kind switch
    {
        TaskKind.PreReviewOpinion => "预审意见",
        TaskKind.SurveyFinding => "踏勘意见",
        TaskKind.MatterDecision => "事项审批",
        TaskKind.ApplicantCorrection => "申请人补正",
        _ => kind.ToString(),
    };

    public static string TaskStatusText(WorkTask task) => task.Status switch
    {
        TaskStatus.Waiting => "等待前置事项",
        TaskStatus.Open => task.Kind == TaskKind.ApplicantCorrection ? "待申请人补正" : "办理中",
        TaskStatus.Suspended => "暂停计时",
        TaskStatus.Done => Outcome(task.Outcome) ?? "已办结",
        TaskStatus.Cancelled => "已取消",
        _ => task.Status.ToString(),
    };

    /// <summary>A task's outcome (the engine's PascalCase names), e.g. 准予许可.</summary>
    public static string? Outcome(string? outcome) => outcome switch
    {
        null => null,
        "Passed" => "预审通过",
        "CorrectionRequired" => "需要补正",
        "Agreed" => "踏勘同意",
        "Disagreed" => "踏勘不同意",
        "DeemedAgreed" => "缺席视为同意",
        "Approved" => "准予许可",
        "Rejected" => "不予许可",
        "DeemedApproved" => "超时默许",
        "Corrected" => "已补正",
        _ => outcome,
    };

    public static string ClockStopReason(Approval.Engine.Runtime.ClockStopReason reason) => reason switch
    {
        Engine.Runtime.ClockStopReason.Hearing => "听证",
        Engine.Runtime.ClockStopReason.Tendering => "招标",
        Engine.Runtime.ClockStopReason.Auction => "拍卖",
        Engine.Runtime.ClockStopReason.Inspection => "检验",
        Engine.Runtime.ClockStopReason.Testing => "检测",
        Engine.Runtime.ClockStopReason.Quarantine => "检疫",
        Engine.Runtime.ClockStopReason.Appraisal => "鉴定",
        Engine.Runtime.ClockStopReason.ExpertReview => "专家评审",
        Engine.Runtime.ClockStopReason.Publicity => "公示",
        Engine.Runtime.ClockStopReason.Surveying => "勘测",
        Engine.Runtime.ClockStopReason.Correction => "申请人补正",
        _ => reason.ToString(),
    };

    public static string ExtensionStatus(Approval.Engine.Runtime.ExtensionStatus status) => status switch
    {
        Engine.Runtime.ExtensionStatus.Pending => "待电子监察审核",
        Engine.Runtime.ExtensionStatus.Approved => "已批准",
        Engine.Runtime.ExtensionStatus.Refused => "未批准",
        _ => status.ToString(),
    };

    /// <summary>A journal event as a line of the timeline (办件轨迹).</summary>
    public static string Event(JournalEntry entry) => entry.Event switch
    {
        "Filed" => "提交申报",
        "Resubmitted" => "补齐材料后重新提交",
        "Accepted" => "受理",
        "AcceptedWithDeficiencies" => "容缺受理",
        "Returned" => "退回（一次性告知）",
        "DeficienciesSupplied" => "补齐容缺材料",
        "StepStarted" => "进入环节",
        "StepCompleted" => "环节完成",
        "TaskOpened" => "开始办理",
        "TaskDecided" => "作出意见",
        "TaskCancelled" => "取消办理",
        "CorrectionRequested" => "要求补正",
        "ClockStopped" => "暂停计时",
        "ClockResumed" => "恢复计时",
        "ExtensionRequested" => "申请延期",
        "SurveyScheduled" => "确定踏勘日期",
        "ReadyForIssue" => "待统一出件",
        "Completed" => "办结",
        "ProjectEnded" => "办理终止",
        "ProjectOverdue" => "已超过办结期限",
        "DeadlinesRecomputed" => "节假日安排更新，期限重算",
        _ => entry.Event,
    };

    /// <summary>The reasons of an event, with the material codes of a filing or resubmission named as the checklist names them.</summary>
    public static string? Reasons(JournalEntry entry, WorkflowDefinition definition)
    {
        if (entry.Event is not ("Filed" or "Resubmitted") || string.IsNullOrEmpty(entry.Reasons)) return entry.Reasons;
        return Engine.Activities.MaterialCodes.Names(definition, entry.Reasons.Split('、'));
    }

    /// <summary>A decision recorded in the journal (an outcome, or a clock stop's reason), in Chinese.</summary>
    public static string? Decision(JournalEntry entry) =>
        entry.Event is "ClockStopped" or "ClockResumed" && Enum.TryParse<Engine.Runtime.ClockStopReason>(entry.Decision, out var reason)
            ? ClockStopReason(reason)
            : entry.Event == "ProjectEnded" && Enum.TryParse<InstanceStatus>(entry.Decision, out var status) ? Status(status)
            : Outcome(entry.Decision);
}
