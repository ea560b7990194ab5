using Approval.Engine;
using Approval.Engine.Runtime;

namespace Approval.Web.Components.Pages.Window;

/// <summary>
/// The window pages' messages in Chinese for what the engine refuses (its messages are English, for API clients). The
/// names of materials come from the page's own checklist, not from the English text.
/// </summary>
public static class WindowMessages
{
    /// <summary>A refusal of the whole action (403 or 409 from the engine), in Chinese.</summary>
    public static string OfRefusal(Exception e, IReadOnlyList<string> missingNames) => e switch
    {
        ForbiddenException => "您没有办理这项操作的权限。",
        ConflictException c when c.Message.StartsWith("Cannot accept: required materials are missing", StringComparison.Ordinal) =>
            $"必要材料尚未齐全（{string.Join("、", missingNames)}），不能直接受理：请一次性告知补正，或在允许容缺时容缺受理。",
        ConflictException c when c.Message.StartsWith("These materials may not be missing", StringComparison.Ordinal) =>
            $"尚缺的材料中有不允许容缺的（{string.Join("、", missingNames)}），不能容缺受理：请一次性告知补正。",
        ConflictException c when c.Message.StartsWith("Nothing is missing", StringComparison.Ordinal) =>
            "材料已经齐全，请直接受理。",
        ConflictException c when c.Message.StartsWith("Nothing on the checklist is missing", StringComparison.Ordinal) =>
            "材料清单上没有缺少的材料：如仍需退回，请在说明中写明需要补正的内容。",
        ConflictException c when c.Message.Contains("not waiting for the window", StringComparison.Ordinal) =>
            "这件申报已经处理过了，请返回综合窗口查看最新情况。",
        ConflictException c when c.Message.StartsWith("Results cannot be issued while 容缺", StringComparison.Ordinal) =>
            "容缺材料尚未补齐，不能出件。",
        ConflictException c when c.Message.StartsWith("The land contract", StringComparison.Ordinal) =>
            $"尚未提交《{string.Join("、", missingNames)}》，不能转为正式审批：请勾选已收取纸质原件，或待项目单位上传后再转换。",
        ConflictException c when c.Message.StartsWith("The simulated approval expired", StringComparison.Ordinal) =>
            "模拟审批已逾期失效，不能再转为正式审批；请项目单位取得土地后重新申报。",
        ConflictException c when c.Message.StartsWith("The simulated approval was already converted", StringComparison.Ordinal) =>
            "本项目已经转为正式审批。",
        ConflictException c when c.Message.StartsWith("This project is not a simulated approval", StringComparison.Ordinal) =>
            "本项目不是模拟审批，无需转换。",
        ConflictException => "项目当前的状态不允许这项操作，请刷新页面查看最新情况。",
        _ => "操作未能完成，请稍后再试。",
    };

    /// <summary>The Chinese message for a refused input of the intake forms.</summary>
    public static string OfInput(InvalidInputException e) => e.Field switch
    {
        "reason" => "请填写不予受理的理由。",
        "materials" when e.Message.StartsWith("A one-time notice lists every missing", StringComparison.Ordinal) =>
            "一次性告知须列出全部尚缺的必要材料，请勾选所有未提交的必要材料。",
        "materials" when e.Message.StartsWith("Already handed in", StringComparison.Ordinal) => "勾选的材料已经提交，不属于尚缺的材料。",
        "materials" => "勾选的材料不在本事项的材料清单上。",
        "note" => "说明最多 1000 个字。",
        "reopenMatters" => "勾选重新审查的事项须为已出具模拟审批意见（同意）的事项。",
        "date" when e.Message.Contains("is not a working day", StringComparison.Ordinal) => "踏勘日期须为工作日，所选日期是休息日或法定节假日。",
        "date" => "踏勘日期须在今天至本环节期限之间。",
        _ => "填写的内容有误，请核对后再提交。",
    };
}
