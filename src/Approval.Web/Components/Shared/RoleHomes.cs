using System.Security.Claims;
using Approval.Web.Identity;

namespace Approval.Web.Components.Shared;

/// <summary>What the header shows of a signed-in user: the role in Chinese and the page each role starts from.</summary>
public static class RoleHomes
{
    private static readonly (string Role, string Label, string Home)[] Homes =
    [
        (Roles.Agent, "代办员", "/my/projects"),
        (Roles.Investor, "项目单位", "/my/projects"),
        (Roles.WindowClerk, "综合窗口", "/window"),
        (Roles.Approver, "审批部门", "/tasks"),
        (Roles.Supervisor, "电子监察", "/supervision"),
        (Roles.Administrator, "系统管理员", "/admin/definitions"),
    ];

    /// <summary>The user's role label, e.g. 代办员; null for an account without an Approval role.</summary>
    public static string? Label(ClaimsPrincipal user) => Homes.FirstOrDefault(h => user.IsInRole(h.Role)).Label;

    /// <summary>A role's label by its name (e.g. agent → 代办员); the name itself for a role Approval does not know.</summary>
    public static string LabelOf(string? role) => Homes.FirstOrDefault(h => h.Role == role).Label ?? role ?? "无角色";

    /// <summary>The page the role starts from, e.g. /my/projects; "/" for an account without an Approval role.</summary>
    public static string Home(ClaimsPrincipal user) => Homes.FirstOrDefault(h => user.IsInRole(h.Role)).Home ?? "/";

    /// <summary>The name shown in the header.</summary>
    public static string DisplayName(ClaimsPrincipal user) =>
        user.FindFirstValue(Roles.DisplayNameClaim) is { Length: > 0 } name ? name : user.Identity?.Name ?? "";
}
