using System.Text.RegularExpressions;
using Approval.Engine;
using Approval.Engine.Runtime;

namespace Approval.Web.Components.Pages.My;

/// <summary>
/// The applicant pages' messages in Chinese for what the engine and the shared API code refuse (their messages are
/// English, for API clients): which input of the page a refusal belongs to, and what it says.
/// </summary>
public static partial class ApplicantMessages
{
    /// <summary>The id of the page input an engine field belongs to, and the field's name in a sentence.</summary>
    private static readonly Dictionary<string, (string FieldId, string Label)> Fields = new()
    {
        ["definitionId"] = ("definitionId", "申报事项"),
        ["project.projectName"] = ("projectName", "项目名称"),
        ["project.investorId"] = ("investorId", "项目单位"),
        ["project.investorName"] = ("investorId", "项目单位"),
        ["project.division"] = ("division", "项目所在地行政区划代码"),
        ["project.industry"] = ("industry", "所属行业"),
        ["project.investmentAmount"] = ("investmentAmount", "总投资"),
        ["project.projectCode"] = ("projectCode", "投资项目统一代码"),
        ["project.contactName"] = ("contactName", "联系人"),
        ["project.contactPhone"] = ("contactPhone", "联系电话"),
        ["agentUserName"] = ("agentUserName", "代办员用户名"),
        ["validFrom"] = ("validFrom", "委托起始日期"),
        ["validTo"] = ("validTo", "委托截止日期"),
        ["note"] = ("note", "补正说明"),
        ["commitmentMatters"] = ("commitmentMatters", "告知承诺事项"),
        ["simulation"] = ("simulation", "模拟审批"),
    };

    /// <summary>The input id and the Chinese message for a refused input; <paramref name="fallbackFieldId"/> when the
    /// field is not one of the page's (e.g. a material list the page built itself).</summary>
    public static (string FieldId, string Message) Of(InvalidInputException e, string fallbackFieldId)
    {
        var (fieldId, label) = Fields.TryGetValue(e.Field, out var known) ? known : (fallbackFieldId, "");
        var m = e.Message;
        if (e.Field == "project.projectCode" && FollowedName().Match(m) is { Success: true } followed)
            return (fieldId, m.StartsWith("Required", StringComparison.Ordinal)
                ? $"本事项须在本单位的{followed.Groups[1].Value}办结后申报，请填写该办件的投资项目统一代码。"
                : $"未找到本单位以此代码办结的{followed.Groups[1].Value}，请核对该办件的投资项目统一代码。");
        if (e.Field == "project.projectCode")
            return (fieldId, ProjectCodeTerm().Match(m) is { Success: true } term
                ? $"投资项目统一代码的“{term.Groups[1].Value}”有误，请按受理平台赋码核对（如 2509-320193-89-01-544060）。"
                : "投资项目统一代码格式有误，请按受理平台赋码核对（如 2509-320193-89-01-544060）。");
        if (e.Field == "commitmentMatters")
            return (fieldId, "所选事项不能以告知承诺方式办理，请只勾选列出的事项。");
        if (e.Field == "simulation")
            return (fieldId, m.StartsWith("A simulated approval", StringComparison.Ordinal)
                ? "模拟审批不能同时选择告知承诺：转为正式审批前不作出任何许可决定。请取消其中一项。"
                : "本事项不能按模拟审批办理。");
        if (e.Field == "project.investmentAmount" && !m.StartsWith("Required", StringComparison.Ordinal))
            return (fieldId, "总投资须在 0 至 100,000,000 万元之间。");
        if (e.Field == "project.contactPhone" && !m.StartsWith("Required", StringComparison.Ordinal))
            return (fieldId, "联系电话请填写 11 位手机号码，或带区号的固定电话（如 025-83123456）。");
        if (e.Field == "validTo" && m.StartsWith("Must not be before", StringComparison.Ordinal))
            return (fieldId, "委托截止日期不能早于起始日期。");
        if (e.Field is "validFrom" or "validTo")
            return (fieldId, $"请按“年-月-日”填写{label}，例如 2024-10-08。");
        if (e.Field == "agentUserName" && m.StartsWith("No proxy agent", StringComparison.Ordinal))
            return (fieldId, "没有这个用户名的代办员，请核对代办员告诉您的用户名。");
        if (m.StartsWith("Required", StringComparison.Ordinal))
            return (fieldId, label.Length > 0 ? $"请填写{label}。" : "请填写此项。");
        if (AtMost().Match(m) is { Success: true } most)
            return (fieldId, $"{(label.Length > 0 ? label : "此项")}最多 {most.Groups[1].Value} 个字，现有 {most.Groups[2].Value} 个。");
        if (e.Field == "materials" && m.StartsWith("A correction needs", StringComparison.Ordinal))
            return (fieldId, "请上传补正的材料，或写明补正了什么。");
        if (e.Field.StartsWith("materials", StringComparison.Ordinal))
            return (fieldId, "材料不在本事项的材料清单上，请重新选择。");
        return (fieldId, "填写的内容有误，请核对后再提交。");
    }

    /// <summary>What the file checks of <c>MaterialFiles</c> refuse, in Chinese.</summary>
    public static string OfFile(InvalidInputException e, long maxBytes)
    {
        var m = e.Message;
        if (m.StartsWith("The file is empty", StringComparison.Ordinal)) return "文件是空的，请重新选择。";
        if (m.Contains("larger than the limit", StringComparison.Ordinal) || m.Contains("the limit is", StringComparison.Ordinal))
            return $"文件超过了 {Megabytes(maxBytes)} 的上限。";
        if (m.Contains("is not accepted", StringComparison.Ordinal)) return "只接受 PDF、JPG、PNG 或 OFD 格式的文件。";
        if (m.Contains("file's name ends in", StringComparison.Ordinal)) return "文件的扩展名与文件类型不一致，请检查文件名。";
        if (m.StartsWith("The content of", StringComparison.Ordinal)) return "文件内容与其格式不符（可能已损坏或改过扩展名）。";
        if (m.Contains("name", StringComparison.Ordinal)) return "文件名不合规：请使用不含路径和特殊字符、不超过 255 个字的文件名。";
        return "文件无法接收，请重新选择。";
    }

    /// <summary>A refusal of the whole action (403 or 409 from the engine), in Chinese.</summary>
    public static string OfRefusal(Exception e) => e switch
    {
        ForbiddenException f when f.Message.StartsWith("No valid authorisation", StringComparison.Ordinal) =>
            "该项目单位对您的委托不在有效期内，不能为其申报。",
        ForbiddenException => "您没有办理这项操作的权限。",
        ConflictException c when c.Message.Contains("already has a running", StringComparison.Ordinal) =>
            "该投资项目统一代码已有一件同类申报正在办理，不能重复申报。",
        ConflictException c when c.Message.Contains("resubmitted", StringComparison.Ordinal) => "只有被退回的申报才能重新提交。",
        ConflictException => "项目的状态已经变化，这项操作现在不能办理。请刷新页面查看最新情况。",
        _ => "操作未能完成，请稍后再试。",
    };

    /// <summary>20 MB.</summary>
    public static string Megabytes(long bytes) => $"{bytes / (1024 * 1024.0):0.#} MB";

    [GeneratedRegex(@"\(([^()]*(?:代码|流水号|随机码|校验码))\)")]
    private static partial Regex ProjectCodeTerm();

    /// <summary>The followed procedure's name in the engine's refusals of a following filing ("… follows 工业建设项目施工许可 (…)", "No completed application of … (…)").</summary>
    [GeneratedRegex(@"(?:follows|No completed application of) (\S+) \(")]
    private static partial Regex FollowedName();

    [GeneratedRegex(@"^At most (\d+) characters[^;]*; given (\d+)")]
    private static partial Regex AtMost();
}
