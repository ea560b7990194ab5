using System.Text.RegularExpressions;
using Approval.Engine;
using Approval.Engine.Runtime;
using Approval.Web.Identity;

namespace Approval.Web.Components.Pages.Admin;

/// <summary>
/// The administrator's pages' messages in Chinese for what <see cref="StaffAccounts"/>, Identity and the authorisation
/// rules refuse (their messages are English, for API clients): which input a refusal belongs to, and what it says.
/// </summary>
public static partial class AdminMessages
{
    private static readonly Dictionary<string, string> Labels = new()
    {
        ["userName"] = "用户名", ["displayName"] = "姓名", ["role"] = "角色", ["departmentId"] = "所属部门", ["password"] = "密码",
        ["agentUserName"] = "代办员用户名", ["investorId"] = "项目单位标识", ["investorName"] = "项目单位名称",
        ["validFrom"] = "委托起始日期", ["validTo"] = "委托截止日期",
    };

    /// <summary>
    /// Every refusal in <paramref name="e"/> as (field, Chinese message), one message per field (several of a password's
    /// rules are joined), with the field ids the pages use: the engine's field names.
    /// </summary>
    public static IEnumerable<(string Field, string Message)> Of(InvalidInputException e) =>
        (e is InvalidInputsException many ? many.Errors : [e])
        .Select(x => (x.Field, Message: One(x)))
        .GroupBy(x => x.Field)
        .Select(g => (g.Key, string.Concat(g.Select(x => x.Message).Distinct())));

    private static string One(InvalidInputException e)
    {
        var label = Labels.GetValueOrDefault(e.Field, "此项");
        var code = e is AccountInputException account ? account.Code : null;
        var m = e.Message;
        switch (code)
        {
            case "DuplicateUserName": return "这个用户名已被使用，请换一个。";
            case "InvalidUserName": return "用户名只能使用英文字母、数字和 - . _ @ + 这些符号。";
            case "PasswordTooShort": return $"密码至少 {(Digits().Match(m) is { Success: true } n ? n.Value : "10")} 位。";
            case "PasswordRequiresDigit": return "密码须包含数字。";
            case "PasswordRequiresLower": return "密码须包含小写英文字母。";
            case "PasswordRequiresUpper": return "密码须包含大写英文字母。";
            case "PasswordRequiresNonAlphanumeric": return "密码须包含符号（如 # 或 !）。";
            case "PasswordRequiresUniqueChars": return "密码须包含更多不同的字符。";
            case "InvalidRole": return "请从列出的角色中选择。";
            case "UnknownDepartment": return "该部门不在部门目录中，请重新选择。";
            case "Required" when e.Field == "role": return "请选择角色。";
            case "Required" when e.Field == "departmentId": return "审批部门的账号须选择所属部门。";
            case "Required" when e.Field == "password": return "请填写密码。";
        }
        if (e.Field == "validTo" && m.StartsWith("Must not be before", StringComparison.Ordinal)) return "委托截止日期不能早于起始日期。";
        if (e.Field is "validFrom" or "validTo") return $"请按“年-月-日”填写{label}，例如 2024-10-08。";
        if (e.Field == "agentUserName" && m.StartsWith("No proxy agent", StringComparison.Ordinal)) return "没有这个用户名的代办员，请核对。";
        if (m.StartsWith("Required", StringComparison.Ordinal)) return $"请填写{label}。";
        if (AtMost().Match(m) is { Success: true } most) return $"{label}最多 {most.Groups[1].Value} 个字，现有 {most.Groups[2].Value} 个。";
        return $"{label}填写有误，请核对后再提交。";
    }

    /// <summary>A refused account change (409) in Chinese.</summary>
    public static string OfRefusal(Exception e) => e.Message switch
    {
        StaffAccounts.SelfRefused => "不能锁定自己的账号，也不能取消自己的系统管理员角色。",
        StaffAccounts.LastAdministratorRefused => "这是最后一个可以登录的系统管理员账号，不能锁定或改为其他角色。请先把另一个账号设为系统管理员。",
        StaffAccounts.InvestorRefused => "项目单位的账号不是工作人员账号，不能在这里改变角色。",
        _ when e is ForbiddenException => "您没有办理这项操作的权限。",
        _ => "账号已被他人修改，请刷新页面后再试。",
    };

    /// <summary>A role's label for a select list: the staff roles, in the order the service lists them.</summary>
    public static IEnumerable<(string Role, string Label)> StaffRoles =>
        StaffAccounts.StaffRoles.Select(r => (r, Shared.RoleHomes.LabelOf(r)));

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"^At most (\d+) characters[^;]*; given (\d+)")]
    private static partial Regex AtMost();
}
