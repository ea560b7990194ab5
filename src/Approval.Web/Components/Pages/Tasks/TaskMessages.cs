using System.Text.RegularExpressions;
using Approval.Engine;
using Approval.Engine.Activities;
using Approval.Engine.Runtime;
using Approval.Web.Components.Shared;

namespace Approval.Web.Components.Pages.Tasks;

/// <summary>A field of an approver's form: the input's id, its name in a sentence, and whether it is chosen rather than written.</summary>
public readonly record struct TaskField(string FieldId, string Label, bool Chosen = false);

/// <summary>
/// The approver pages' messages in Chinese for what <c>DepartmentTasks</c> and the engine refuse (their messages are
/// English, or the API's Chinese problem text, for API clients): which input of the form a refusal belongs to, and
/// what it says. The limits in the words (1 to 60 working days …) are read from the refusal, never repeated here.
/// </summary>
public static partial class TaskMessages
{
    /// <summary>Every refusal of one post, each with the input it belongs to (<paramref name="fallbackFieldId"/> when it names none of the form's).</summary>
    public static IEnumerable<(string FieldId, string Message)> Of(InvalidInputException e, IReadOnlyDictionary<string, TaskField> fields,
        string fallbackFieldId) =>
        (e is InvalidInputsException many ? many.Errors : [e]).Select(one => One(one, fields, fallbackFieldId));

    private static (string FieldId, string Message) One(InvalidInputException e, IReadOnlyDictionary<string, TaskField> fields, string fallbackFieldId)
    {
        var name = Index().Replace(e.Field, "");
        var field = fields.TryGetValue(name, out var known) ? known : new TaskField(fallbackFieldId, "此项");
        var m = e.Message;
        if (m.StartsWith("Ask for a correction", StringComparison.Ordinal))
            return (field.FieldId, "申请人补正不在此中止计时，请在审批决定中选择“要求补正”。");
        if (Range().Match(m) is { Success: true } range)
            return (field.FieldId, $"{field.Label}须为 {range.Groups[1].Value} 至 {range.Groups[2].Value} 之间的整数。");
        if (PerItem().Match(m) is { Success: true } perItem)
            return (field.FieldId, $"{field.Label}每项最多 {perItem.Groups[1].Value} 个字，有一项 {perItem.Groups[2].Value} 个字。");
        if (Items().Match(m) is { Success: true } items)
            return (field.FieldId, $"{field.Label}最多 {items.Groups[1].Value} 项，现有 {items.Groups[2].Value} 项。");
        if (InAll().Match(m) is { Success: true } all)
            return (field.FieldId, $"{field.Label}合计最多 {all.Groups[1].Value} 个字，现有 {all.Groups[2].Value} 个。");
        if (Characters().Match(m) is { Success: true } most)
            return (field.FieldId, $"{field.Label}最多 {most.Groups["max"].Value} 个字，现有 {most.Groups["given"].Value} 个。");
        // Absent, or present but empty where the engine needs words (its "must list", "needs a reason", "requires a notice").
        if (m.StartsWith("Required", StringComparison.Ordinal) || m.StartsWith("必填", StringComparison.Ordinal)
            || m.Contains(" must ", StringComparison.Ordinal) || m.Contains(" needs ", StringComparison.Ordinal)
            || m.Contains(" requires ", StringComparison.Ordinal))
            return (field.FieldId, field.Chosen ? $"请选择{field.Label}。" : $"请填写{field.Label}。");
        return (field.FieldId, "填写的内容有误，请核对后再提交。");
    }

    /// <summary>A refusal of the whole action (409 or 403 from the engine), in Chinese.</summary>
    public static string OfRefusal(Exception e) => e switch
    {
        ConflictException c when c.Message.Contains("on commitment (告知承诺); approve or reject it", StringComparison.Ordinal) =>
            "申请人未选择以告知承诺方式办理本事项，请选择“准予许可”“不予许可”或“要求补正”。",
        ConflictException c when c.Message.StartsWith("The survey date has not been fixed", StringComparison.Ordinal) =>
            "综合窗口尚未确定踏勘日期，确定后才能填写踏勘意见。",
        ConflictException c when c.Message.Contains("findings can be recorded from that day", StringComparison.Ordinal) =>
            "尚未到踏勘日期，踏勘当日起才能填写踏勘意见。",
        ConflictException c when c.Message.Contains("already stopped", StringComparison.Ordinal) => "本事项已中止计时。",
        ConflictException c when c.Message.Contains("restarts when the applicant submits", StringComparison.Ordinal) =>
            "本事项正等待申请人补正，申请人提交补正后自动恢复计时。",
        ConflictException c when c.Message.Contains("is not stopped", StringComparison.Ordinal) => "本事项没有中止计时。",
        ConflictException c when c.Message.Contains("already waiting for a supervisor", StringComparison.Ordinal) =>
            "本事项已有一份延期申请等待电子监察审核。",
        ConflictException c when VerificationRecorded().Match(c.Message) is { Success: true } recorded =>
            $"这项事后核查已于 {ChineseFormat.Date(NodaTime.Text.LocalDatePattern.Iso.Parse(recorded.Groups[1].Value).Value)} 办结（{Outcomes.Label(recorded.Groups[2].Value)}），不能再次核查。",
        ConflictException c when c.Message.StartsWith("The verification (事后核查)", StringComparison.Ordinal) && c.Message.Contains("was cancelled", StringComparison.Ordinal) =>
            "项目已终止，这项事后核查已取消，无需核查。",
        ConflictException c when c.Message.StartsWith("A confirmation (转正确认) only confirms", StringComparison.Ordinal) =>
            "转正确认只能确认模拟审批意见；建设条件发生变化的事项，由综合窗口在转为正式审批时重新审查。",
        ConflictException => "办件的状态已经变化，这项操作现在不能办理。请刷新页面查看最新情况。",
        ForbiddenException => "您没有办理这项操作的权限。",
        _ => "操作未能完成，请稍后再试。",
    };

    /// <summary>An art. 45 reason (中止计时事由) in Chinese.</summary>
    public static string Reason(ClockStopReason reason) => My.ProjectWords.ClockStopReason(reason);

    [GeneratedRegex(@"\[\d+\]$")]
    private static partial Regex Index();

    [GeneratedRegex(@"(\d+) to (\d+)")]
    private static partial Regex Range();

    [GeneratedRegex(@"^At most (\d+) characters per item; given (\d+)")]
    private static partial Regex PerItem();

    [GeneratedRegex(@"^At most (\d+) items; given (\d+)")]
    private static partial Regex Items();

    [GeneratedRegex(@"^At most (\d+) characters in all; given (\d+)")]
    private static partial Regex InAll();

    [GeneratedRegex(@"(?:At most (?<max>\d+) characters; given (?<given>\d+))|(?:最多 (?<max>\d+) 个字符；实际 (?<given>\d+) 个)")]
    private static partial Regex Characters();

    /// <summary>The engine's refusal of a second finding on a recorded verification: its day and outcome code.</summary>
    [GeneratedRegex(@"^The verification \(事后核查\) of \S+ was already recorded on (\d{4}-\d{2}-\d{2}) \((\w+)\)")]
    private static partial Regex VerificationRecorded();
}
