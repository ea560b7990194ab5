using Approval.Engine.Journal;
using Approval.Engine.Runtime;
using Approval.Web.Identity;
using Microsoft.AspNetCore.Identity;

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

    /// <summary>Who acted: 系统（自动计时） for timers, else the name (or the account id) with the role, e.g. 赵强（电子监察）.</summary>
    public static string Actor(JournalEntry entry, IReadOnlyDictionary<string, string> names) =>
        entry.UserId is "" or "system" ? "系统（自动计时）"
        : $"{(names.TryGetValue(entry.UserId, out var name) ? name : entry.UserId)}（{Role(entry.ActorRole)}）";

    /// <summary>
    /// The names of the accounts behind user ids (the journal keeps ids): the account's display name or user name; an
    /// investor acts as its project unit, named as the project names it. Ids no account has are left out.
    /// </summary>
    public static async Task<Dictionary<string, string>> NamesAsync(UserManager<ApplicationUser> users, IEnumerable<string> ids,
        ProjectInstance? project = null)
    {
        var names = new Dictionary<string, string>();
        if (project is not null) names[project.InvestorId] = project.InvestorName;
        foreach (var id in ids.Where(i => i is not ("" or "system") && !names.ContainsKey(i)).Distinct())
            if (await users.FindByIdAsync(id) is { } user && (user.DisplayName is { Length: > 0 } display ? display : user.UserName) is { Length: > 0 } name)
                names[id] = name;
        return names;
    }
}
