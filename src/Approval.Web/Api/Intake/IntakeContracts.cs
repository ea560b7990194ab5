using Approval.Engine.Runtime.Commands;
using Approval.Web.Api.Contracts;
using NodaTime;

namespace Approval.Web.Api;

public static partial class IntakeApi
{
    // Required members are nullable too, so that a missing one is our 400 naming it instead of the binder's message;
    // optional ones have defaults, so that OpenAPI tells them apart.
    /// <summary>Accept; with <paramref name="PromisedBy"/>, accept with deficiencies (容缺受理) until that date.</summary>
    public sealed record AcceptanceRequest(LocalDate? PromisedBy = null);

    /// <summary>Return with the one-time notice; <paramref name="Note"/> adds what the checklist cannot say.</summary>
    /// <param name="Note">What the checklist cannot say.</param>
    /// <param name="Materials">The checklist codes the window ticked as missing; absent, the required items not handed
    /// in. Ticked items must include every required item not handed in and may add optional ones not handed in.</param>
    public sealed record ReturnRequest(string? Note = null, List<string?>? Materials = null);

    /// <summary>Refuse (不予受理); <paramref name="Reason"/> is required.</summary>
    public sealed record RefusalRequest(string? Reason);

    /// <summary>The date of the combined site survey; required, a working day within the step.</summary>
    public sealed record SurveyRequest(LocalDate? Date);

    /// <summary>
    /// The conversion of a simulated approval (模拟审批转为正式审批) once the land contract is handed in: the matters whose
    /// conditions changed and go back to a full review (codes of matters with a simulated approval; empty for none),
    /// and the window's note.
    /// </summary>
    public sealed record ConversionRequest(List<string?>? ReopenMatters = null, string? Note = null);

    /// <summary>The materials whose paper originals (纸质原件) the window received; at least one checklist code.</summary>
    public sealed record PaperOriginalsRequest(List<string?>? Materials);

    /// <summary>A material of the checklist, by code and by the name the 办事指南 uses.</summary>
    public sealed record MaterialItem(string Code, string Name);

    /// <summary>The one-time notice (一次性告知): every missing item at once, and the window's note.</summary>
    public sealed record ReturnNotice(CommandResult Result, IReadOnlyList<MaterialItem> Missing, string? Note);

    /// <summary>One line of the checklist and whether the material is handed in.</summary>
    /// <param name="Code">The material's code.</param>
    /// <param name="Name">Its name in the checklist.</param>
    /// <param name="Required">Whether the filing is incomplete without it (必要材料).</param>
    /// <param name="DeficiencyAllowed">Whether it may follow after acceptance (容缺).</param>
    /// <param name="Submitted">Handed in: a file was uploaded for it, or the window recorded its paper original.</param>
    /// <param name="Files">How many files were uploaded for it.</param>
    /// <param name="PaperOriginal">Whether the window recorded its paper original (纸质原件).</param>
    /// <param name="Listed">Whether the applicant listed it in the filing or later; listing alone does not hand it in.</param>
    public sealed record ChecklistItem(string Code, string Name, bool Required, bool DeficiencyAllowed, bool Submitted,
        int Files, bool PaperOriginal, bool Listed);

    /// <summary>A filing against its checklist: what the window looks at before deciding.</summary>
    public sealed record ChecklistResponse(ProjectSummaryDto Project, IReadOnlyList<ChecklistItem> Materials,
        IReadOnlyList<MaterialItem> Missing, int MaxDeficiencyWorkingDays);

    /// <summary>The acceptance receipt (受理通知书); the investor tracks the project with its code and query key.</summary>
    /// <remarks>A reprint shows the deadline and the 容缺 items as they stand now, not as they were on the day of acceptance.
    /// <c>provisional</c> (with the calendar API's code and reason) says the deadline rests on a year whose holiday notice is
    /// not published or verified; <c>dueOnNotice</c> then tells the applicant, in Chinese, that it will be recomputed
    /// and may move when the notice is published.</remarks>
    public sealed record ReceiptResponse(
        Guid ProjectId,
        string? ProjectCode,
        bool ProjectCodeLocallyIssued,
        string QueryKey,
        string ProjectName,
        string InvestorId,
        string InvestorName,
        string DefinitionId,
        int DefinitionVersion,
        string DefinitionName,
        LocalDate AcceptedOn,
        LocalDate? DueOn,
        int TargetWorkingDays,
        IReadOnlyList<MaterialItem> Deficiencies,
        LocalDate? DeficienciesDueOn,
        bool Provisional = false,
        string? ProvisionalCode = null,
        string? ProvisionalReason = null,
        string? DueOnNotice = null);

    /// <summary>A matter the project applies for, as a document lists it.</summary>
    /// <param name="Code">The catalogue code (事项编码).</param>
    /// <param name="Name">The matter's name.</param>
    /// <param name="Department">The deciding department's name.</param>
    /// <param name="LegalBasis">设定依据.</param>
    /// <param name="StatutoryWorkingDays">法定时限.</param>
    /// <param name="PromisedWorkingDays">承诺时限.</param>
    public sealed record DocumentMatter(string Code, string Name, string Department, string LegalBasis, int StatutoryWorkingDays,
        int PromisedWorkingDays);

    /// <summary>An item of a one-time notice: the material and what is required of it.</summary>
    public sealed record NoticeItem(string Code, string Name, string Requirement);

    /// <summary>
    /// A numbered document of the window (文书): <c>receipt</c> (受理通知书), <c>notice</c> (一次性告知书) or
    /// <c>refusal</c> (不予受理通知书), with the parts of its kind.
    /// </summary>
    /// <param name="Kind">receipt, notice or refusal.</param>
    /// <param name="Title">The document's Chinese title.</param>
    /// <param name="Number">The document number (文号), e.g. 宁政务受〔2026〕15号; the same every time it is read.</param>
    /// <param name="IssuedOn">The date the document carries: the day of the acceptance, return or refusal.</param>
    /// <param name="ProjectId">The project.</param>
    /// <param name="ProjectName">Its name.</param>
    /// <param name="ProjectCode">Its project code, once it has one.</param>
    /// <param name="ProjectCodeLocallyIssued">Whether the code was issued locally (本地赋码).</param>
    /// <param name="InvestorName">The applicant (项目单位).</param>
    /// <param name="AgentName">The proxy agent (代办员) who filed it, if one did.</param>
    /// <param name="DefinitionName">The procedure (e.g. 工业建设项目施工许可).</param>
    /// <param name="Matters">The matters applied for.</param>
    /// <param name="LegalBasis">The law the document rests on.</param>
    /// <param name="Receipt">For a receipt: code, query key, deadlines.</param>
    /// <param name="Missing">For a notice: every item to hand in.</param>
    /// <param name="Note">For a notice: what the window added.</param>
    /// <param name="AnswerWorkingDays">For a notice: the working days within which the window answers a resubmission.</param>
    /// <param name="Reason">For a refusal: the reason.</param>
    /// <param name="Acceptances">For a 联合验收意见书: each department's on-site finding and each matter's decision.</param>
    /// <param name="InspectedOn">For a 联合验收意见书: the day of the joint on-site inspection.</param>
    public sealed record WindowDocument(string Kind, string Title, string Number, LocalDate IssuedOn, Guid ProjectId, string ProjectName,
        string? ProjectCode, bool ProjectCodeLocallyIssued, string InvestorName, string? AgentName, string DefinitionName,
        IReadOnlyList<DocumentMatter> Matters, IReadOnlyList<string> LegalBasis, ReceiptResponse? Receipt = null,
        IReadOnlyList<NoticeItem>? Missing = null, string? Note = null, int? AnswerWorkingDays = null, string? Reason = null,
        IReadOnlyList<AcceptanceLine>? Acceptances = null, LocalDate? InspectedOn = null);

    /// <summary>One line of a 联合验收意见书: a department's on-site finding (事项 null) or a matter's decision, with its words.</summary>
    public sealed record AcceptanceLine(string Department, string? MatterName, string Outcome, string? Comment, LocalDate? DecidedOn);
}
