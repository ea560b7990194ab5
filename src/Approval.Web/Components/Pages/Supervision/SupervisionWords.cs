using Approval.Engine.Journal;
using Approval.Engine.Runtime;

namespace Approval.Web.Components.Pages.Supervision;

/// <summary>What the supervisor's pages say beyond the shared <see cref="Shared.ChineseTerms"/>: who acted, which events move the clock.</summary>
public static class SupervisionWords
{
    /// <summary>Whether an event starts, stops, resumes or moves a deadline (计时事件), marked on the timeline.</summary>
    public static bool IsClockEvent(JournalEntry entry) => ClockTag(entry) is not null;

    /// <summary>What kind of clock event it is, for the tag next to it (开始, 暂停, 恢复 …; the page writes 计时· before it); null for other events.</summary>
    public static string? ClockTag(JournalEntry entry) => entry.Event switch
    {
        JournalEvents.Accepted or JournalEvents.AcceptedWithDeficiencies or JournalEvents.StepStarted or JournalEvents.TaskOpened => "开始",
        JournalEvents.ClockStopped or JournalEvents.CorrectionRequested => "暂停",
        JournalEvents.ClockResumed => "恢复",
        JournalEvents.ExtensionRequested or JournalEvents.ExtensionApproved or JournalEvents.ExtensionRefused => "延期",
        JournalEvents.DeadlinesRecomputed => "期限调整",
        JournalEvents.TaskWarning => "预警",
        JournalEvents.TaskOverdue or JournalEvents.ProjectOverdue => "超期",
        _ when entry.Decision == Engine.Activities.Outcomes.DeemedApproved => "超时默许",
        _ => null,
    };

    /// <summary>The role of whoever wrote a journal entry, in Chinese (the journal keeps the engine's role name).</summary>
    public static string Role(string actorRole) => Enum.TryParse<ActorRole>(actorRole, out var role) ? role switch
    {
        ActorRole.Agent => "代办员",
        ActorRole.Investor => "项目单位",
        ActorRole.WindowClerk => "综合窗口",
        ActorRole.Approver => "审批部门",
        ActorRole.Supervisor => "电子监察",
        ActorRole.Administrator => "系统管理员",
        ActorRole.System => "系统",
        _ => actorRole,
    } : actorRole;

    /// <summary>Who acted: the role and the account, or just 系统（自动计时） for timers.</summary>
    public static string Actor(JournalEntry entry) =>
        entry.UserId is "" or "system" ? "系统（自动计时）" : $"{Role(entry.ActorRole)} · {entry.UserId}";
}
