using Approval.Engine.Definitions;
using Approval.Engine.Journal;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Timers;

namespace Approval.Engine.Activities;

/// <summary>
/// What a project has handed in (已提交材料): a material counts once a file was uploaded for it or the window recorded
/// its paper original (纸质原件). Listing a code in the filing, a resubmission or a correction says what the applicant
/// means to hand in; it does not hand it in. The checklist, the one-time notice, acceptance and the 容缺 promise all
/// ask this one question.
/// </summary>
public static class HandedInMaterials
{
    /// <summary>The codes handed in, uploaded ones first, each once.</summary>
    public static List<string> Of(ProjectInstance instance) => instance.UploadedMaterials.Union(instance.PaperOriginals).ToList();

    public static bool Has(ProjectInstance instance, string code) =>
        instance.UploadedMaterials.Contains(code) || instance.PaperOriginals.Contains(code);

    /// <summary>A file's record joins the project; its material is handed in, and a 容缺 promise it completes is fulfilled.</summary>
    public static void Attach(StepContext step, AttachMaterialFile command)
    {
        step.RequireApplicant();
        var file = command.File;
        if (file.InstanceId != step.Instance.Id) throw new InvalidInputException("instanceId", "The file belongs to another project.");
        MaterialCodes.Require(step.Definition.Intake, file.MaterialCode, "materialCode");
        if (!step.Instance.UploadedMaterials.Contains(file.MaterialCode))
            step.Instance.UploadedMaterials = [.. step.Instance.UploadedMaterials, file.MaterialCode];
        step.Record(JournalEvents.MaterialUploaded, reasons: $"{MaterialCodes.Names(step.Definition, [file.MaterialCode])}：{file.FileName}");
        FulfilDeficiencies(step);
    }

    /// <summary>The window received paper originals: they are handed in, and a 容缺 promise they complete is fulfilled.</summary>
    public static void RecordPaper(StepContext step, RecordPaperOriginals command)
    {
        step.RequireRole(ActorRole.WindowClerk);
        if (command.Materials.Count == 0)
            throw new InvalidInputException("materials", "Name at least one material whose paper original was received.");
        MaterialCodes.Validate(step.Definition.Intake, command.Materials);
        var codes = command.Materials.Distinct().ToList();
        step.Instance.PaperOriginals = step.Instance.PaperOriginals.Union(codes).ToList();
        step.Record(JournalEvents.PaperOriginalsRecorded, reasons: MaterialCodes.Names(step.Definition, codes));
        FulfilDeficiencies(step);
    }

    /// <summary>
    /// 容缺 items that are now handed in leave the promise; once none is left the promise is kept: its date is cleared
    /// and its timer cancelled.
    /// </summary>
    /// <returns>The items this call found handed in.</returns>
    public static List<string> FulfilDeficiencies(StepContext step)
    {
        var instance = step.Instance;
        var supplied = instance.Deficiencies.Where(code => Has(instance, code)).ToList();
        if (supplied.Count == 0) return supplied;
        instance.Deficiencies = instance.Deficiencies.Except(supplied).ToList();
        var reasons = MaterialCodes.Names(step.Definition, supplied);
        if (instance.Deficiencies.Count == 0)
        {
            reasons += $"；容缺材料已全部补齐（承诺日期 {instance.DeficienciesDueOn:yyyy-MM-dd}）";
            instance.DeficienciesDueOn = null;
            step.CancelTimers(t => t.Kind == TimerKind.DeficienciesDue);
        }
        step.Record(JournalEvents.DeficienciesSupplied, reasons: reasons);
        return supplied;
    }

    /// <summary>The required materials of the checklist that have not been handed in.</summary>
    public static List<MaterialRequirement> Missing(OneWindowIntakeDefinition intake, ProjectInstance instance) =>
        intake.Materials.Where(m => m.Required && !Has(instance, m.Code)).ToList();
}
