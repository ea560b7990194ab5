namespace Approval.Engine.Runtime.Commands;

/// <summary>
/// An administrator corrects what was recorded wrongly about a project (更正项目信息) — a misspelt project or unit name,
/// the wrong division or industry code, a mistyped investment — with the reason, as an engine command: journalled with
/// who, when and why, guarded like every other change. The supported way to fix a project's record; nothing else
/// writes a project's rows.
/// </summary>
/// <remarks>
/// Fields left null keep their value. What the workflow decided (status, steps, tasks, dates, the project code the
/// platform confirmed) is not corrected here: those change only by the commands that decide them.
/// </remarks>
public sealed record CorrectProject(string OperationId, Actor Actor, Guid InstanceId, ProjectCorrection Correction, string Reason)
    : InstanceCommand(OperationId, Actor, InstanceId);

/// <summary>The corrected values of a project's details; null keeps the recorded value.</summary>
/// <param name="ProjectName">项目名称.</param>
/// <param name="InvestorName">项目单位名称 (the investor's id, which grants access, is not corrected).</param>
/// <param name="Division">行政区划代码 of the project's location.</param>
/// <param name="Industry">国民经济行业代码.</param>
/// <param name="InvestmentAmount">总投资 in 万元.</param>
/// <param name="ContactName">联系人.</param>
/// <param name="ContactPhone">联系电话.</param>
public sealed record ProjectCorrection(
    string? ProjectName = null,
    string? InvestorName = null,
    string? Division = null,
    string? Industry = null,
    decimal? InvestmentAmount = null,
    string? ContactName = null,
    string? ContactPhone = null);
