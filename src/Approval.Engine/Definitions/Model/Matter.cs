namespace Approval.Engine.Definitions;

/// <summary>An entry of the public matter catalogue (事项目录), i.e. one 办事指南.</summary>
/// <param name="Code">The catalogue code (事项编码), e.g. <c>ZJ-003</c>.</param>
/// <param name="Name">The matter's name (e.g. 建筑工程施工许可证核发).</param>
/// <param name="DepartmentId">The deciding department's id.</param>
/// <param name="LegalBasis">The law and article that create the matter (设定依据).</param>
/// <param name="Materials">The matter's own materials (申请材料).</param>
/// <param name="StatutoryWorkingDays">The limit that the law sets (法定时限).</param>
/// <param name="PromisedWorkingDays">The shorter limit that the city publicly promises (承诺时限); never above the statutory one.</param>
/// <param name="Fees">"不收费" or the fee and its basis (收费依据及标准).</param>
/// <param name="Description">Conditions and notes for applicants, if any.</param>
/// <param name="Commitment">How the matter may be approved on commitment (告知承诺), or null when it may not.</param>
public sealed record Matter(
    string Code,
    string Name,
    string DepartmentId,
    string LegalBasis,
    IReadOnlyList<MaterialRequirement> Materials,
    int StatutoryWorkingDays,
    int PromisedWorkingDays,
    string Fees,
    string? Description,
    Commitment? Commitment = null);

/// <summary>
/// 告知承诺: the matter may be approved on the applicant's signed commitment instead of the proof, and is verified
/// afterwards (事后核查); a false commitment revokes the approval (撤销) and marks the project unit for the credit record.
/// </summary>
/// <param name="Text">The commitment the applicant signs, shown in full at filing.</param>
/// <param name="VerificationWorkingDays">Working days the department has to verify it after approving on it.</param>
public sealed record Commitment(string Text, int VerificationWorkingDays);
