using Microsoft.AspNetCore.Identity;

namespace Approval.Web.Identity;

/// <summary>A built-in account (ASP.NET Core Identity), with what the domain needs to know of its holder.</summary>
public sealed class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>For approvers: the department (审批部门) whose matters they decide.</summary>
    public string? DepartmentId { get; set; }

    /// <summary>For investor accounts: the project unit (项目单位) they act for.</summary>
    public string? InvestorId { get; set; }
}
