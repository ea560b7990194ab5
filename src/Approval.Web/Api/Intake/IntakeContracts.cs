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
    public sealed record ReturnRequest(string? Note = null);

    /// <summary>Refuse (不予受理); <paramref name="Reason"/> is required.</summary>
    public sealed record RefusalRequest(string? Reason);

    /// <summary>The date of the combined site survey; required, a working day within the step.</summary>
    public sealed record SurveyRequest(LocalDate? Date);

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
}
