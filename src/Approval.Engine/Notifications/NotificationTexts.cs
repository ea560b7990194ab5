using Approval.Engine.Definitions;
using Approval.Engine.Journal;
using Approval.Engine.Runtime;

namespace Approval.Engine.Notifications;

/// <summary>
/// A notification as people read it: a title and a body in Chinese, and the short form an SMS carries (one segment of
/// 70 characters with the signature: the code, the query key, the date, not the project's name).
/// </summary>
public sealed record NotificationText(string Title, string Body, string Short);

/// <summary>
/// The Chinese templates of the notification kinds (消息模板), filled from the journal entry that caused the
/// notification and the project it is about, as they are when the notification is dispatched.
/// </summary>
public static class NotificationTexts
{
    /// <summary>The text of a notification of <paramref name="kind"/> about <paramref name="entry"/> of <paramref name="project"/>.</summary>
    public static NotificationText Compose(string kind, JournalEntry entry, ProjectInstance project, DefinitionCatalog catalog)
    {
        var name = $"“{project.ProjectName}”";
        var code = project.ProjectCode is { } c ? $"（项目代码 {c}）" : "";
        var department = entry.DepartmentId is { } d && catalog.Departments.Any(x => x.Id == d) ? catalog.Department(d).Name : entry.DepartmentId;
        var reasons = string.IsNullOrWhiteSpace(entry.Reasons) ? "" : entry.Reasons;
        var shortCode = project.ProjectCode ?? project.ProjectName;
        return kind switch
        {
            NotificationKinds.Accepted => new("申请已受理",
                $"您的项目{name}已受理。项目代码 {project.ProjectCode}，查询码 {project.QueryKey}，办结期限 {Date(project.DueOn)}。",
                $"项目已受理，代码{project.ProjectCode}，查询码{project.QueryKey}，{Date(project.DueOn)}前办结。"),
            NotificationKinds.Returned => new("申请被退回",
                $"您的项目{name}申请被退回，请按一次性告知补齐后重新提交：{reasons}",
                $"您的项目{name}申请被退回，一次性告知：{reasons}"),
            NotificationKinds.CorrectionRequested => new("请补正材料",
                $"您的项目{name}{code}需补正：{reasons}", $"项目{shortCode}需补正：{reasons}"),
            NotificationKinds.TaskWarning => new("办理期限临近",
                $"{department}：项目{name}{code}的事项临近办理期限（预警）。{reasons}", $"预警：项目{shortCode}临近办理期限。{reasons}"),
            NotificationKinds.TaskOverdue => new("事项已超期",
                $"{department}：项目{name}{code}的事项已超过办理期限（红灯）。{reasons}", $"超期：项目{shortCode}已超过办理期限。{reasons}"),
            NotificationKinds.Decided => new("事项已办理",
                $"您的项目{name}{code}：{department}的办理结果为“{Activities.Outcomes.Label(entry.Decision ?? "")}”。{reasons}", $"项目{shortCode}：{department}办理结果为{Activities.Outcomes.Label(entry.Decision ?? "")}。"),
            NotificationKinds.ResultsReady => new("结果待领取",
                $"您的项目{name}{code}各事项已办理完毕，请到综合窗口统一领取结果。", $"项目{shortCode}已办理完毕，请到综合窗口领取结果。"),
            NotificationKinds.Completed => new("项目已办结",
                $"您的项目{name}{code}已办结（{entry.Decision}）。{reasons}", $"项目{shortCode}已办结（{entry.Decision}）。"),
            NotificationKinds.ApprovalRevoked => new("许可已撤销",
                $"您的项目{name}{code}：经事后核查承诺不实，{department}已撤销许可，并记入信用记录。{reasons}", $"项目{shortCode}：承诺不实，{department}已撤销许可。"),
            NotificationKinds.SimulationConverted => new("模拟审批已转为正式审批",
                $"您的项目{name}{code}已转为正式审批，自转正之日起按正式审批计时，办结期限 {Date(project.DueOn)}。",
                $"项目{shortCode}已转为正式审批，{Date(project.DueOn)}前办结。"),
            NotificationKinds.SimulationExpired => new("模拟审批已失效",
                $"您的项目{name}的模拟审批期满未转为正式审批，已失效；如需办理请重新申报。", $"项目{shortCode}模拟审批已失效，请重新申报。"),
            NotificationKinds.RatingInvitation => new("邀请您评价（好差评）",
                $"您的项目{name}{code}已办结，欢迎对本次服务作出评价（好差评），评价自愿。", $"项目{shortCode}已办结，欢迎评价服务（好差评）。"),
            NotificationKinds.RectificationOpened => new("差评整改",
                $"{department}：项目{name}{code}收到差评，请于规定期限内整改并回访。{reasons}", $"差评整改：项目{shortCode}，请按期整改并回访。"),
            NotificationKinds.EscalationIssued => new("督办通知",
                $"{department}：电子监察对项目{name}{code}发出督办。{reasons}", $"督办：项目{shortCode}，请按期回复。"),
            NotificationKinds.EscalationReplied => new("督办已回复",
                $"{department}已回复对项目{name}{code}的督办。{reasons}", $"督办回复：项目{shortCode}，{department}已回复。"),
            NotificationKinds.CardRecorded => new(entry.Decision == "Red" ? "记红牌" : "记黄牌",
                $"{department}：项目{name}{code}{reasons}", $"{(entry.Decision == "Red" ? "红牌" : "黄牌")}：项目{shortCode}超期未办。"),
            _ => new(NotificationKinds.Label(kind), $"项目{name}{code}：{JournalEvents.Label(entry.Event)}。{reasons}",
                $"项目{shortCode}：{JournalEvents.Label(entry.Event)}。"),
        };
    }

    private static string Date(NodaTime.LocalDate? date) => date is { } d ? $"{d.Year}年{d.Month}月{d.Day}日" : "—";
}
