using Approval.Engine.Definitions;

namespace Approval.Web.Components.Pages.Admin;

/// <summary>The definition model's kinds in the words of the administrator's pages.</summary>
public static class ActivityWords
{
    public static string Of(ActivityType type) => type switch
    {
        ActivityType.OneWindowIntake => "一窗受理",
        ActivityType.JointPreReview => "联合预审",
        ActivityType.CombinedSiteSurvey => "集中踏勘",
        ActivityType.ParallelApprovals => "并联审批",
        ActivityType.DeadlineCompletion => "限时办结",
        _ => type.ToString(),
    };

    public static string Of(AbsenceRule rule) => rule switch
    {
        AbsenceRule.DeemedAgreement => "缺席视为同意",
        AbsenceRule.Blocks => "缺席须补录意见",
        _ => rule.ToString(),
    };

    public static string Of(RejectionRule rule) => rule switch
    {
        RejectionRule.RejectProject => "任一事项不予许可，项目即不予许可",
        RejectionRule.ContinueWithOthers => "其他事项继续办理",
        _ => rule.ToString(),
    };

    /// <summary>The department's short name (e.g. 自然资源和规划), or its id when the catalogue no longer lists it.</summary>
    public static string Department(string? id, DefinitionCatalog catalog) =>
        id is null ? "—" : catalog.Departments.FirstOrDefault(d => d.Id == id)?.ShortName ?? id;

    /// <summary>The matter's name, or its code when the catalogue no longer lists it.</summary>
    public static string Matter(string code, DefinitionCatalog catalog) => catalog.Matters.FirstOrDefault(m => m.Code == code)?.Name ?? code;

    /// <summary>The matter's department id, when the catalogue lists the matter.</summary>
    public static string? MatterDepartment(string code, DefinitionCatalog catalog) => catalog.Matters.FirstOrDefault(m => m.Code == code)?.DepartmentId;
}
