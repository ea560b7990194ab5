using Approval.Engine.Activities;
using Approval.Engine.Calendar;
using Approval.Engine.Definitions;
using Approval.Engine.Runtime;
using Approval.Engine.Supervision;
using Approval.Web.Api.Contracts;
using Approval.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.Web.Api;

public static partial class IntakeApi
{
    private static async Task<Ok<List<ProjectSummaryDto>>> Queue(ProjectReader reader, ProjectViews views, CancellationToken ct) =>
        TypedResults.Ok((await reader.IntakeQueueAsync(ct)).Select(views.Summary).ToList());

    private static async Task<Ok<ChecklistResponse>> Checklist(Guid id, HttpContext http, ProjectReader reader,
        DefinitionCatalog catalog, ProjectViews views, CancellationToken ct)
    {
        var instance = await reader.GetAsync(CurrentActor.Of(http.User), id, ct);
        var intake = IntakeOf(catalog, instance);
        var files = await reader.MaterialFileCountsAsync(id, ct);
        var materials = intake.Materials
            .Select(m => new ChecklistItem(m.Code, m.Name, m.Required, m.DeficiencyAllowed, HandedInMaterials.Has(instance, m.Code),
                files.GetValueOrDefault(m.Code), instance.PaperOriginals.Contains(m.Code), instance.SubmittedMaterials.Contains(m.Code)))
            .ToList();
        var missing = OneWindowIntake.Missing(intake, instance).Select(m => new MaterialItem(m.Code, m.Name)).ToList();
        return TypedResults.Ok(new ChecklistResponse(views.Summary(instance), materials, missing, intake.MaxDeficiencyWorkingDays));
    }

    private static async Task<Ok<ReceiptResponse>> Receipt(Guid id, HttpContext http, ProjectReader reader,
        DefinitionCatalog catalog, WorkflowEngine engine, CancellationToken ct)
    {
        var instance = await reader.GetAsync(CurrentActor.Of(http.User), id, ct);
        if (instance.QueryKey is not { } queryKey || instance.AcceptedOn is not { } acceptedOn)
            throw new ConflictException($"The filing has not been accepted ({instance.Status}): there is no receipt yet.");
        var definition = catalog.Get(instance.DefinitionId, instance.DefinitionVersion);
        var intake = definition.Intake;
        var deficiencies = instance.Deficiencies
            .Select(code => new MaterialItem(code, intake.Materials.FirstOrDefault(m => m.Code == code)?.Name ?? code)).ToList();
        return TypedResults.Ok(new ReceiptResponse(instance.Id, instance.ProjectCode, instance.ProjectCodeLocallyIssued, queryKey,
            instance.ProjectName, instance.InvestorId, instance.InvestorName, instance.DefinitionId, instance.DefinitionVersion,
            definition.Name, acceptedOn, instance.DueOn, instance.TargetWorkingDays, deficiencies, instance.DeficienciesDueOn)
            .WithProvisional(engine.Deadlines.ProjectDueProvisional(instance)));
    }

    /// <summary>The receipt with its deadline's provisional flag and, when provisional, the notice that it may move.</summary>
    private static ReceiptResponse WithProvisional(this ReceiptResponse receipt, ProvisionalNote? note) => note is null ? receipt
        : receipt with { Provisional = true, ProvisionalCode = note.Code, ProvisionalReason = note.Reason, DueOnNotice = note.DeadlineNotice };

    private static OneWindowIntakeDefinition IntakeOf(DefinitionCatalog catalog, ProjectInstance instance) =>
        catalog.Get(instance.DefinitionId, instance.DefinitionVersion).Intake;
}
