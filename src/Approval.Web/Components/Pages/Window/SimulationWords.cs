using Approval.Engine.Activities;
using Approval.Engine.Runtime;
using Approval.Web.Components.Shared;

namespace Approval.Web.Components.Pages.Window;

/// <summary>
/// What the pages say about a project's 模拟审批 (simulated approval): its label and one sentence with its dates, the
/// same on the applicant's project, tracking, the window, the departments' tasks and supervision.
/// </summary>
public static class SimulationWords
{
    /// <summary>The label (模拟审批, 模拟审批已转为正式审批, 模拟审批已失效); null for a formal project.</summary>
    public static string? Label(ProjectInstance project) => Simulations.Label(project.Simulation);

    /// <summary>The label with what it means for this project, or null for a formal project.</summary>
    public static string? Describe(ProjectInstance project) => Describe(project.Simulation, project.SimulationExpiresOn, project.ConvertedOn);

    /// <summary>As <see cref="Describe(ProjectInstance)"/>, from the API's fields (tracking).</summary>
    public static string? Describe(SimulationState state, NodaTime.LocalDate? expiresOn, NodaTime.LocalDate? convertedOn) => state switch
    {
        SimulationState.Simulating =>
            $"土地未摘牌，各部门出具模拟审批意见，不出具审批文书；{(expiresOn is { } on ? $"{ChineseFormat.Date(on)}前" : "受理后规定期限内")}未提交土地出让合同转为正式审批的，模拟审批失效",
        SimulationState.Converted =>
            $"已于 {ChineseFormat.Date(convertedOn)} 转为正式审批，办结时限自该日起计算",
        SimulationState.Expired =>
            $"已于 {ChineseFormat.Date(expiresOn)} 失效（逾期未转为正式审批）",
        _ => null,
    };
}
