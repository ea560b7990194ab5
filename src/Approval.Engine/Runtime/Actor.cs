namespace Approval.Engine.Runtime;

/// <summary>Who is acting: the user, their role and, for an approver, their department.</summary>
public sealed record Actor(string UserId, ActorRole Role, string? DepartmentId = null, string? DisplayName = null)
{
    /// <summary>The engine itself, acting for a timer.</summary>
    public static Actor System { get; } = new("system", ActorRole.System, DisplayName: "系统");
}

/// <summary>The roles of <c>PRODUCT.md</c> "Who uses it".</summary>
public enum ActorRole
{
    /// <summary>Proxy agent (代办员).</summary>
    Agent,
    /// <summary>Project unit (项目单位).</summary>
    Investor,
    /// <summary>Comprehensive window clerk (综合窗口).</summary>
    WindowClerk,
    /// <summary>Department approver (审批部门).</summary>
    Approver,
    /// <summary>Electronic supervision (电子监察).</summary>
    Supervisor,
    Administrator,
    System,
}
