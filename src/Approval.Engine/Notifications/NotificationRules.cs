using Approval.Engine.Journal;

namespace Approval.Engine.Notifications;

/// <summary>Who a notification is for (通知对象), resolved to people and addresses only when it is dispatched.</summary>
[Flags]
public enum Audience
{
    None = 0,
    /// <summary>The project unit (项目单位): its accounts, and the contact telephone given at filing.</summary>
    Applicant = 1,
    /// <summary>The proxy agent (代办员) who filed the project.</summary>
    Agent = 2,
    /// <summary>The approvers of the department the entry names.</summary>
    DepartmentApprovers = 4,
    /// <summary>The head (负责人) of the department the entry names.</summary>
    DepartmentHead = 8,
    /// <summary>The supervisors (电子监察).</summary>
    Supervisor = 16,
    /// <summary>The comprehensive window (综合窗口) clerks.</summary>
    Window = 32,
}

/// <summary>
/// What a journal event tells whom: the notification's kind (its template) and its audience; with <paramref name="When"/>,
/// only the entries of the event it accepts.
/// </summary>
public sealed record NotificationRule(string Kind, Audience Audience, Func<JournalEntry, bool>? When = null);

/// <summary>
/// The one table from journal events to notifications (消息通知): a notification exists if and only if an event of
/// this table was journalled, because <see cref="Persistence.ProjectStore"/> writes its outbox row in the save that
/// writes the journal entry.
/// </summary>
/// <remarks>
/// To notify of a new event, add its line here and a template in <see cref="NotificationTexts"/>; nothing else. An
/// event that is not in the table notifies nobody.
/// </remarks>
public static class NotificationRules
{
    private const Audience Applicants = Audience.Applicant | Audience.Agent;

    private static readonly Dictionary<string, NotificationRule> Rules = new(StringComparer.Ordinal)
    {
        [JournalEvents.Accepted] = new(NotificationKinds.Accepted, Applicants),
        [JournalEvents.AcceptedWithDeficiencies] = new(NotificationKinds.Accepted, Applicants),
        [JournalEvents.Returned] = new(NotificationKinds.Returned, Applicants),
        [JournalEvents.CorrectionRequested] = new(NotificationKinds.CorrectionRequested, Applicants),
        [JournalEvents.TaskWarning] = new(NotificationKinds.TaskWarning, Audience.DepartmentApprovers | Audience.DepartmentHead),
        // Overdue is the red light: the supervisor hears of it too.
        [JournalEvents.TaskOverdue] = new(NotificationKinds.TaskOverdue,
            Audience.DepartmentApprovers | Audience.DepartmentHead | Audience.Supervisor),
        // A matter's decision, not the opinions and findings of pre-review and survey that close tasks too.
        [JournalEvents.TaskDecided] = new(NotificationKinds.Decided, Applicants, e => e.Decision is Activities.Outcomes.Approved
            or Activities.Outcomes.Rejected or Activities.Outcomes.DeemedApproved or Activities.Outcomes.ApprovedOnCommitment),
        [JournalEvents.ReadyForIssue] = new(NotificationKinds.ResultsReady, Applicants),
        [JournalEvents.Completed] = new(NotificationKinds.Completed, Applicants),
        [JournalEvents.ApprovalRevoked] = new(NotificationKinds.ApprovalRevoked, Applicants),
        [JournalEvents.SimulationConverted] = new(NotificationKinds.SimulationConverted, Applicants),
        [JournalEvents.SimulationExpired] = new(NotificationKinds.SimulationExpired, Applicants | Audience.Window),
        // 好差评: the invitation for the whole project when it ends; a matter's decision already tells the applicant, and
        // one invitation per matter on top of it would double every message.
        [JournalEvents.RatingInvited] = new(NotificationKinds.RatingInvitation, Applicants, e => e.TaskId is null),
        [JournalEvents.RectificationOpened] = new(NotificationKinds.RectificationOpened, Audience.DepartmentApprovers | Audience.DepartmentHead),
        [JournalEvents.EscalationIssued] = new(NotificationKinds.EscalationIssued, Audience.DepartmentApprovers | Audience.DepartmentHead),
        [JournalEvents.EscalationReplied] = new(NotificationKinds.EscalationReplied, Audience.Supervisor),
        [JournalEvents.CardRecorded] = new(NotificationKinds.CardRecorded,
            Audience.DepartmentApprovers | Audience.DepartmentHead | Audience.Supervisor),
    };

    /// <summary>The rule for a journal event, or null when the event notifies nobody.</summary>
    public static NotificationRule? For(string journalEvent) => Rules.GetValueOrDefault(journalEvent);

    /// <summary>The rule a journal entry notifies by, or null when it notifies nobody.</summary>
    public static NotificationRule? For(JournalEntry entry) =>
        Rules.TryGetValue(entry.Event, out var rule) && (rule.When is null || rule.When(entry)) ? rule : null;

    /// <summary>The events that notify, for documentation and tests.</summary>
    public static IReadOnlyCollection<string> Events => Rules.Keys;
}

/// <summary>The kinds of notification (the templates), with the Chinese name a person reads.</summary>
public static class NotificationKinds
{
    public const string Accepted = "Accepted";
    public const string Returned = "Returned";
    public const string CorrectionRequested = "CorrectionRequested";
    public const string TaskWarning = "TaskWarning";
    public const string TaskOverdue = "TaskOverdue";
    public const string Decided = "Decided";
    public const string ResultsReady = "ResultsReady";
    public const string Completed = "Completed";
    public const string ApprovalRevoked = "ApprovalRevoked";
    public const string SimulationConverted = "SimulationConverted";
    public const string SimulationExpired = "SimulationExpired";
    public const string RatingInvitation = "RatingInvitation";
    public const string RectificationOpened = "RectificationOpened";
    public const string EscalationIssued = "EscalationIssued";
    public const string EscalationReplied = "EscalationReplied";
    public const string CardRecorded = "CardRecorded";

    private static readonly Dictionary<string, string> Labels = new(StringComparer.OrdinalIgnoreCase)
    {
        [Accepted] = "受理通知",
        [Returned] = "退回通知（一次性告知）",
        [CorrectionRequested] = "补正通知",
        [TaskWarning] = "临期预警",
        [TaskOverdue] = "超期提醒",
        [Decided] = "办理结果通知",
        [ResultsReady] = "出件通知",
        [Completed] = "办结通知",
        [ApprovalRevoked] = "撤销许可通知",
        [SimulationConverted] = "模拟审批转正通知",
        [SimulationExpired] = "模拟审批失效通知",
        [RatingInvitation] = "评价邀请（好差评）",
        [RectificationOpened] = "差评整改通知",
        [EscalationIssued] = "督办通知",
        [EscalationReplied] = "督办回复",
        [CardRecorded] = "黄牌/红牌通知",
    };

    /// <summary>The Chinese name of a kind; an unknown kind is shown as it is.</summary>
    public static string Label(string kind) => Labels.TryGetValue(kind, out var label) ? label : kind;
}
