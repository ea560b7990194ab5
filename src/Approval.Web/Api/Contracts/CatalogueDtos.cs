using NodaTime;

namespace Approval.Web.Api.Contracts;

/// <summary>
/// One entry of the matter catalogue as the public reads it (办事指南): what the matter is, who decides it, on which
/// legal basis, with which materials, within which statutory and promised time limits, and what it costs.
/// </summary>
/// <remarks><c>commitment</c> is set when the matter may be approved on the applicant's commitment (告知承诺).</remarks>
public sealed record MatterGuideDto(string Code, string Name, string DepartmentId, string DepartmentName, string LegalBasis,
    IReadOnlyList<MaterialDto> Materials, int StatutoryWorkingDays, int PromisedWorkingDays, string Fees, string? Description,
    CommitmentDto? Commitment = null);

/// <summary>告知承诺: the commitment text an applicant signs and the working days the department has to verify it (事后核查).</summary>
public sealed record CommitmentDto(string Text, int VerificationWorkingDays);

/// <summary>One material of a checklist (申请材料): whether it is required and whether it may follow later (容缺).</summary>
public sealed record MaterialDto(string Code, string Name, bool Required, bool DeficiencyAllowed);

/// <summary>A department (审批部门) and the codes of the matters it decides.</summary>
public sealed record DepartmentDto(string Id, string Name, string ShortName, IReadOnlyList<string> MatterCodes);

/// <summary>
/// One disclosed result of an approval (审批结果公开): the project, the matter, the decision and its day, the deciding
/// department; <c>decision</c> is <c>approved</c>, <c>rejected</c> or <c>deemedApproved</c> (超时默许), and
/// <c>decisionLabel</c> its administrative term: 准予许可, 不予许可, 视为准予许可（超时默许）. Nothing that identifies a
/// person: no investor, agent or user ids, no query key, no reasons.
/// </summary>
public sealed record DisclosureDto(string? ProjectCode, string ProjectName, string MatterCode, string MatterName,
    string Decision, LocalDate DecidedOn, string DepartmentId, string DepartmentName, string DecisionLabel);
