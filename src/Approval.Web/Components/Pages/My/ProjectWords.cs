using Approval.Engine.Definitions;
using Approval.Engine.Journal;
using Approval.Engine.Runtime;
using Approval.Web.Components.Shared;
using TaskStatus = Approval.Engine.Runtime.TaskStatus;

namespace Approval.Web.Components.Pages.My;

/// <summary>
/// What the applicant pages say about a project beyond the shared <see cref="ChineseTerms"/>: who holds it now, why a
/// clock stopped, the materials an event names.
/// </summary>
public static class ProjectWords
{
    public static string Status(InstanceStatus status) => ChineseTerms.Of(status);

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

    public static string TaskKindText(TaskKind kind) => ChineseTerms.Of(kind);

    /// <summary>A task's state, with its outcome once done and the applicant's own turn said as such.</summary>
    public static string TaskStatusText(WorkTask task) => task.Status switch
    {
        TaskStatus.Open when task.Kind == TaskKind.ApplicantCorrection => "待申请人补正",
        TaskStatus.Done when task.Outcome is not null => ChineseTerms.Outcome(task.Outcome),
        _ => ChineseTerms.Of(task.Status),
    };

    /// <summary>A task's outcome (the engine's PascalCase names), e.g. 准予许可.</summary>
    public static string? Outcome(string? outcome) => outcome is null ? null : ChineseTerms.Outcome(outcome);

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

    public static string ExtensionStatus(Approval.Engine.Runtime.ExtensionStatus status) => ChineseTerms.Of(status);

    /// <summary>A journal event as a line of the timeline (办件轨迹).</summary>
    public static string Event(JournalEntry entry) => ChineseTerms.Event(entry.Event);

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
