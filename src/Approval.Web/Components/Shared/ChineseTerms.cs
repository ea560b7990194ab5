using Approval.Engine.Calendar;
using Approval.Engine.Runtime;

namespace Approval.Web.Components.Shared;

/// <summary>
/// The Chinese words pages show for the engine's states, outcomes and journal events (the API keeps the English codes).
/// Unknown values are shown as they are rather than hidden.
/// </summary>
public static class ChineseTerms
{
    public static string Of(InstanceStatus status) => status switch
    {
        InstanceStatus.Filed => "待受理",
        InstanceStatus.Returned => "已退回（一次性告知）",
        InstanceStatus.Running => "办理中",
        InstanceStatus.Completed => "已办结",
        InstanceStatus.Rejected => "不予许可",
        InstanceStatus.Refused => "不予受理",
        InstanceStatus.Terminated => "已终止",
        _ => status.ToString(),
    };

    public static string Of(TaskKind kind) => kind switch
    {
        TaskKind.PreReviewOpinion => "预审意见",
        TaskKind.SurveyFinding => "踏勘意见",
        TaskKind.MatterDecision => "审批事项",
        TaskKind.ApplicantCorrection => "申请人补正",
        _ => kind.ToString(),
    };

    public static string Of(Engine.Runtime.TaskStatus status) => status switch
    {
        Engine.Runtime.TaskStatus.Waiting => "等待前置事项",
        Engine.Runtime.TaskStatus.Open => "办理中",
        Engine.Runtime.TaskStatus.Suspended => "暂停计时",
        Engine.Runtime.TaskStatus.Done => "已办结",
        Engine.Runtime.TaskStatus.Cancelled => "已取消",
        _ => status.ToString(),
    };

    public static string Of(ExtensionStatus status) => status switch
    {
        ExtensionStatus.Pending => "待批准",
        ExtensionStatus.Approved => "已批准",
        ExtensionStatus.Refused => "未批准",
        _ => status.ToString(),
    };

    public static string Of(DayKind kind) => kind switch
    {
        DayKind.Workday => "工作日",
        DayKind.Weekend => "休息日",
        DayKind.Holiday => "法定节假日",
        DayKind.AdjustedWorkday => "调休上班",
        _ => kind.ToString(),
    };

    /// <summary>A task's outcome or a decision, in the API's camelCase or the engine's PascalCase.</summary>
    public static string Outcome(string? outcome) => outcome?.ToLowerInvariant() switch
    {
        null => "—",
        "approved" => "准予许可",
        "rejected" => "不予许可",
        "deemedapproved" => "超时默认许可",
        "passed" => "预审通过",
        "correctionrequired" => "需补正",
        "agreed" => "同意",
        "disagreed" => "不同意",
        "deemedagreed" => "缺席默认同意",
        "corrected" => "已补正",
        _ => outcome,
    };

    /// <summary>A journal event (办件轨迹), in the API's camelCase or the engine's PascalCase.</summary>
    public static string Event(string @event) => @event.ToLowerInvariant() switch
    {
        "filed" => "提交申请",
        "returned" => "一次性告知，退回补齐材料",
        "resubmitted" => "补齐材料后重新提交",
        "accepted" => "受理",
        "acceptedwithdeficiencies" => "容缺受理",
        "deficienciessupplied" => "补齐容缺材料",
        "refused" => "不予受理",
        "stepstarted" => "环节开始",
        "stepcompleted" => "环节完成",
        "taskopened" => "部门开始办理",
        "taskdecided" => "部门办理完毕",
        "taskcancelled" => "办理任务取消",
        "taskwarning" => "临近办理期限（预警）",
        "taskoverdue" => "超过办理期限",
        "correctionrequested" => "要求补正",
        "corrected" => "申请人已补正",
        "clockstopped" => "暂停计时",
        "clockresumed" => "恢复计时",
        "extensionrequested" => "申请延期",
        "extensionapproved" => "延期获批准",
        "extensionrefused" => "延期未获批准",
        "surveyscheduled" => "确定踏勘日期",
        "deadlinesrecomputed" => "按新工作日历重算期限",
        "readyforissue" => "待统一出件",
        "completed" => "办结出件",
        "projectoverdue" => "项目超过办结期限",
        "projectended" => "办理终止",
        _ => @event,
    };
}
