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
        TaskKind.CommitmentVerification => "事后核查",
        TaskKind.SimulationConfirmation => "模拟审批转正确认",
        TaskKind.Rectification => "差评整改",
        TaskKind.EscalationReply => "督办回复",
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

    /// <summary>A task's outcome or a decision, in the API's camelCase or the engine's PascalCase: the engine's one label.</summary>
    public static string Outcome(string? outcome) => outcome is null ? "—" : Engine.Activities.Outcomes.Label(outcome);

    /// <summary>A journal event (办件轨迹), in the API's camelCase or the engine's PascalCase: the engine's one label.</summary>
    public static string Event(string @event) => Engine.Journal.JournalEvents.Label(@event);
}
