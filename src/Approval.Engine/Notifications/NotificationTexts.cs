using Approval.Engine.Definitions;
using Approval.Engine.Journal;
using Approval.Engine.Runtime;

namespace Approval.Engine.Notifications;

/// <summary>A notification as people read it: a title and a body in Chinese, the same on every channel (SMS shortens it).</summary>
public sealed record NotificationText(string Title, string Body);

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
        return kind switch
        {
            NotificationKinds.Accepted => new("申请已受理",
                $"您的项目{name}已受理。项目代码 {project.ProjectCode}，查询码 {project.QueryKey}，办结期限 {Date(project.DueOn)}。"),
            NotificationKinds.Returned => new("申请被退回",
                $"您的项目{name}申请被退回，请按一次性告知补齐后重新提交：{reasons}"),
            NotificationKinds.CorrectionRequested => new("请补正材料",
                $"您的项目{name}{code}需补正：{reasons}"),
            NotificationKinds.TaskWarning => new("办理期限临近",
                $"{department}：项目{name}{code}的事项临近办理期限（预警）。{reasons}"),
            NotificationKinds.TaskOverdue => new("事项已超期",
                $"{department}：项目{name}{code}的事项已超过办理期限（红灯）。{reasons}"),
            NotificationKinds.Decided => new("事项已办理",
                $"您的项目{name}{code}：{department}已作出{entry.Decision}。{reasons}"),
            NotificationKinds.ResultsReady => new("结果待领取",
                $"您的项目{name}{code}各事项已办理完毕，请到综合窗口统一领取结果。"),
            NotificationKinds.Completed => new("项目已办结",
                $"您的项目{name}{code}已办结（{entry.Decision}）。{reasons}"),
            _ => new(NotificationKinds.Label(kind), $"项目{name}{code}：{JournalEvents.Label(entry.Event)}。{reasons}"),
        };
    }

    private static string Date(NodaTime.LocalDate? date) => date is { } d ? $"{d.Year}年{d.Month}月{d.Day}日" : "—";
}
