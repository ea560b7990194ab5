using System.Text.Json;

namespace Approval.Engine.Journal;

/// <summary>
/// The events of a project's journal (办件轨迹): the names the engine writes, the stable code every answer shows
/// (camelCase, as the API's other codes) and the Chinese label a person reads next to it. One list, so that writers,
/// the staff journal and public tracking agree.
/// </summary>
public static class JournalEvents
{
    public const string Filed = "Filed";
    /// <summary>The filing names the completed application it follows (竣工联合验收 after 施工许可), by project code.</summary>
    public const string FollowsApplication = "FollowsApplication";
    public const string Returned = "Returned";
    public const string Resubmitted = "Resubmitted";
    public const string Accepted = "Accepted";
    public const string AcceptedWithDeficiencies = "AcceptedWithDeficiencies";
    public const string MaterialUploaded = "MaterialUploaded";
    public const string PaperOriginalsRecorded = "PaperOriginalsRecorded";
    public const string DeficienciesSupplied = "DeficienciesSupplied";
    public const string StepStarted = "StepStarted";
    public const string StepCompleted = "StepCompleted";
    public const string TaskOpened = "TaskOpened";
    public const string TaskDecided = "TaskDecided";
    public const string TaskCancelled = "TaskCancelled";
    public const string TaskWarning = "TaskWarning";
    public const string TaskOverdue = "TaskOverdue";
    public const string CorrectionRequested = "CorrectionRequested";
    public const string SurveyScheduled = "SurveyScheduled";
    public const string ClockStopped = "ClockStopped";
    public const string ClockResumed = "ClockResumed";
    public const string ExtensionRequested = "ExtensionRequested";
    public const string ExtensionApproved = "ExtensionApproved";
    public const string ExtensionRefused = "ExtensionRefused";
    public const string DeadlinesRecomputed = "DeadlinesRecomputed";
    public const string ProjectOverdue = "ProjectOverdue";
    public const string ReadyForIssue = "ReadyForIssue";
    public const string Completed = "Completed";
    public const string ProjectEnded = "ProjectEnded";
    public const string ProjectCorrected = "ProjectCorrected";
    /// <summary>The applicant signed a matter's commitment (告知承诺书) at filing.</summary>
    public const string CommitmentSigned = "CommitmentSigned";
    /// <summary>A commitment was found false at verification: the approval is revoked and the unit marked for the credit record.</summary>
    public const string ApprovalRevoked = "ApprovalRevoked";
    /// <summary>The applicant filed in simulation (模拟审批) because the land is not yet obtained (土地未摘牌).</summary>
    public const string SimulationChosen = "SimulationChosen";
    /// <summary>Every department has recorded its simulated decision: the project waits for the land contract.</summary>
    public const string SimulationAwaitingConversion = "SimulationAwaitingConversion";
    /// <summary>The window converted the simulation on the land contract (转为正式审批); the formal clock starts.</summary>
    public const string SimulationConverted = "SimulationConverted";
    /// <summary>At the conversion the window sent a matter whose conditions changed back to a full review (重新审查).</summary>
    public const string MatterReopened = "MatterReopened";
    /// <summary>A simulation never converted lapsed at the end of its period (模拟审批失效).</summary>
    public const string SimulationExpired = "SimulationExpired";
    /// <summary>A matter was decided or the project completed: the applicant is invited to rate (好差评); never forced.</summary>
    public const string RatingInvited = "RatingInvited";
    /// <summary>The applicant (or its agent) rated a matter or the project.</summary>
    public const string Rated = "Rated";
    /// <summary>The rater changed its rating within the period allowed.</summary>
    public const string RatingChanged = "RatingChanged";
    /// <summary>A 差评 opened a rectification task (整改) for the department.</summary>
    public const string RectificationOpened = "RectificationOpened";
    /// <summary>The department closed its rectification with the call-back record (回访).</summary>
    public const string RectificationClosed = "RectificationClosed";
    /// <summary>The supervisor issued a 督办 to a department.</summary>
    public const string EscalationIssued = "EscalationIssued";
    /// <summary>The department replied to a 督办.</summary>
    public const string EscalationReplied = "EscalationReplied";
    /// <summary>The supervisor closed a 督办.</summary>
    public const string EscalationClosed = "EscalationClosed";
    /// <summary>A 黄牌 or 红牌 was recorded against a department (decision: Yellow or Red).</summary>
    public const string CardRecorded = "CardRecorded";

    // Case-insensitive: the engine's PascalCase names and the API's camelCase codes name the same event.
    private static readonly Dictionary<string, string> Labels = new(StringComparer.OrdinalIgnoreCase)
    {
        [Filed] = "申报",
        [FollowsApplication] = "关联前序办件",
        [Returned] = "退回（一次性告知）",
        [Resubmitted] = "重新提交",
        [Accepted] = "受理",
        [AcceptedWithDeficiencies] = "容缺受理",
        [MaterialUploaded] = "上传材料",
        [PaperOriginalsRecorded] = "窗口收取纸质原件",
        [DeficienciesSupplied] = "补齐容缺材料",
        [StepStarted] = "环节开始",
        [StepCompleted] = "环节完成",
        [TaskOpened] = "开始办理",
        [TaskDecided] = "作出意见或决定",
        [TaskCancelled] = "取消办理",
        [TaskWarning] = "临近办理期限（预警）",
        [TaskOverdue] = "超过办理期限",
        [CorrectionRequested] = "要求补正",
        [SurveyScheduled] = "确定踏勘日期",
        [ClockStopped] = "暂停计时",
        [ClockResumed] = "恢复计时",
        [ExtensionRequested] = "申请延期",
        [ExtensionApproved] = "批准延期",
        [ExtensionRefused] = "不予延期",
        [DeadlinesRecomputed] = "期限重新计算",
        [ProjectOverdue] = "超过办结期限",
        [ReadyForIssue] = "待统一出件",
        [Completed] = "办结",
        [ProjectEnded] = "办理终止",
        [ProjectCorrected] = "更正项目信息",
        [CommitmentSigned] = "签署告知承诺书",
        [ApprovalRevoked] = "撤销许可（承诺不实）",
        [SimulationChosen] = "申请模拟审批（土地未摘牌）",
        [SimulationAwaitingConversion] = "模拟审批意见已全部作出，待转为正式审批",
        [SimulationConverted] = "模拟审批转为正式审批",
        [MatterReopened] = "事项重新审查",
        [SimulationExpired] = "模拟审批逾期失效",
        [RatingInvited] = "邀请评价（好差评）",
        [Rated] = "评价（好差评）",
        [RatingChanged] = "修改评价",
        [RectificationOpened] = "差评整改",
        [RectificationClosed] = "整改完成（已回访）",
        [EscalationIssued] = "督办",
        [EscalationReplied] = "督办回复",
        [EscalationClosed] = "督办办结",
        [CardRecorded] = "记黄牌/红牌",
    };

    /// <summary>The stable code of an event as every answer shows it, e.g. <c>correctionRequested</c>.</summary>
    public static string Code(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    /// <summary>The Chinese label of an event, e.g. 要求补正; an event this list does not know is shown by its code.</summary>
    public static string Label(string name) => Labels.TryGetValue(name, out var label) ? label : Code(name);
}
