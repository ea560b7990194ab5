using Approval.Engine;
using Approval.Engine.Runtime;

namespace Approval.Web.Components.Pages.Service;

/// <summary>
/// The Chinese messages of 好差评 and 督办 pages for what the engine and <c>AfterServiceDesk</c> refuse (their messages are
/// English, for API clients): which input a refusal belongs to and what it says.
/// </summary>
public static class ServiceMessages
{
    /// <summary>The message for a refused input, by the engine's field name.</summary>
    public static string Of(InvalidInputException e) => (e.Field, e.Message) switch
    {
        ("level", _) => "请选择满意程度。",
        ("reason", var m) when m.StartsWith("Reason", StringComparison.Ordinal) => "所选原因与满意程度不符：满意时请选“满意的原因”，不满意时请选“不满意的原因”。",
        ("reason", _) => "请选择评价原因。",
        ("comment", var m) when m.Contains("needs a comment", StringComparison.Ordinal) => "选择“不满意”或“非常不满意”时，请写明具体问题。",
        ("comment", _) => $"评价内容最多 {Engine.Service.Ratings.MaxCommentLength} 个字。",
        ("matterCode", _) => "请选择评价对象。",
        ("notice", var m) when m.StartsWith("At most", StringComparison.Ordinal) => $"督办意见最多 {Engine.Service.Escalations.MaxTextLength} 个字。",
        ("notice", _) => "请填写督办意见。",
        ("replyWorkingDays", _) => "回复期限须为 1 至 15 之间的整数个工作日。",
        ("departmentId", _) => "请选择对本项目有在办事项的部门。",
        ("taskId", _) => "请选择督办的事项。",
        ("note", _) => $"办结意见最多 {Engine.Service.Escalations.MaxTextLength} 个字。",
        _ => "填写的内容有误，请核对后再提交。",
    };

    /// <summary>A refusal of the whole action (409, 403) in Chinese.</summary>
    public static string OfRefusal(Exception e) => e switch
    {
        ConflictException c when c.Message.Contains("can no longer be changed", StringComparison.Ordinal) => "评价修改期限已过，不能再修改。",
        ConflictException c when c.Message.Contains("is not decided yet", StringComparison.Ordinal) => "该事项尚未办结，办结后才能评价。",
        ConflictException c when c.Message.Contains("once it has ended", StringComparison.Ordinal) => "项目办结后才能评价整体服务。",
        ConflictException c when c.Message.Contains("on track (green)", StringComparison.Ordinal) => "该事项（项目）办理正常（绿灯），只有临近期限或已超期的才能督办。",
        ConflictException c when c.Message.Contains("still open", StringComparison.Ordinal) => "对此已有一件督办尚未办结。",
        ConflictException c when c.Message.Contains("not replied", StringComparison.Ordinal) => "部门尚未回复，回复后才能办结督办。",
        ConflictException c when c.Message.Contains("closed already", StringComparison.Ordinal) => "这件督办已经办结。",
        ConflictException => "办件的状态已经变化，这项操作现在不能办理。请刷新页面查看最新情况。",
        ForbiddenException => "您没有办理这项操作的权限。",
        _ => "操作未能完成，请稍后再试。",
    };
}
