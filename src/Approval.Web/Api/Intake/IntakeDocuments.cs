using Approval.Engine.Activities;
using Approval.Engine.Definitions;
using Approval.Engine.Documents;
using Approval.Engine.Journal;
using Approval.Engine.Runtime;
using Approval.Engine.Supervision;
using Approval.Web.Identity;
using Microsoft.AspNetCore.Identity;
using static Approval.Web.Api.IntakeApi;

namespace Approval.Web.Api;

/// <summary>
/// What the window reads and prints (综合窗口): the filing against its checklist, the receipt, and the numbered documents
/// (受理通知书, 一次性告知书, 不予受理通知书). The API's endpoints and the window's and applicant's pages call this one
/// service, so a document prints the same, with the same number, wherever it is opened.
/// </summary>
public sealed class IntakeDocuments(ProjectReader reader, DefinitionCatalog catalog, WorkflowEngine engine,
    DocumentNumbers numbers, UserManager<ApplicationUser> users)
{
    /// <summary>The documents by the name in their route (<c>/window/documents/{id}/{kind}</c>, <c>/api/intake/{id}/documents/{kind}</c>).</summary>
    public static readonly IReadOnlyDictionary<string, DocumentKind> Kinds = new Dictionary<string, DocumentKind>
    {
        ["receipt"] = DocumentKind.Receipt,
        ["notice"] = DocumentKind.OneTimeNotice,
        ["refusal"] = DocumentKind.Refusal,
        ["joint-acceptance"] = DocumentKind.JointAcceptance,
    };

    /// <summary>The route name of a kind (the inverse of <see cref="Kinds"/>).</summary>
    public static string RouteName(DocumentKind kind) => Kinds.First(k => k.Value == kind).Key;

    /// <summary>The Chinese title of each document.</summary>
    public static string Title(DocumentKind kind) => kind switch
    {
        DocumentKind.Receipt => "受理通知书",
        DocumentKind.OneTimeNotice => "一次性告知书",
        DocumentKind.Refusal => "不予受理通知书",
        DocumentKind.JointAcceptance => "联合验收意见书",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The filing against its checklist, as <paramref name="actor"/> may see it.</summary>
    public async Task<(ProjectInstance Project, IReadOnlyList<ChecklistItem> Materials, IReadOnlyList<MaterialItem> Missing, int MaxDeficiencyWorkingDays)>
        ChecklistAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var instance = await reader.GetAsync(actor, id, ct);
        var intake = IntakeOf(instance);
        var files = await reader.MaterialFileCountsAsync(id, ct);
        var materials = intake.Materials
            .Select(m => new ChecklistItem(m.Code, m.Name, m.Required, m.DeficiencyAllowed, HandedInMaterials.Has(instance, m.Code),
                files.GetValueOrDefault(m.Code), instance.PaperOriginals.Contains(m.Code), instance.SubmittedMaterials.Contains(m.Code)))
            .ToList();
        return (instance, materials, Missing(instance), intake.MaxDeficiencyWorkingDays);
    }

    /// <summary>The required materials not handed in, as the checklist names them.</summary>
    public IReadOnlyList<MaterialItem> Missing(ProjectInstance instance) =>
        OneWindowIntake.Missing(catalog.Get(instance.DefinitionId, instance.DefinitionVersion), instance).Select(m => new MaterialItem(m.Code, m.Name)).ToList();

    /// <summary>The acceptance receipt's facts (受理通知书), without its number.</summary>
    /// <exception cref="ConflictException">The filing has not been accepted.</exception>
    public async Task<ReceiptResponse> ReceiptAsync(Actor actor, Guid id, CancellationToken ct) =>
        Receipt(await reader.GetAsync(actor, id, ct));

    /// <summary>
    /// One numbered document of a project, as <paramref name="actor"/> may see it; the first reading gives it its number,
    /// every later one shows the same.
    /// </summary>
    /// <exception cref="ConflictException">The project has no such document (not accepted, never returned, not refused).</exception>
    public async Task<WindowDocument> DocumentAsync(Actor actor, Guid id, DocumentKind kind, CancellationToken ct)
    {
        var instance = await reader.GetAsync(actor, id, ct);
        var journal = await reader.JournalAsync(id, ct);
        var occasion = Occasion(journal, kind)
            ?? throw new ConflictException($"The project ({instance.Status}) has no {kind} document: {NoDocument(kind)}.");
        var number = await numbers.NumberAsync(id, kind, occasion.Sequence, occasion.WorkingDay, ct);
        var definition = catalog.Get(instance.DefinitionId, instance.DefinitionVersion);
        var agent = instance.AgentId is { } agentId ? await users.FindByIdAsync(agentId) : null;
        var document = new WindowDocument(RouteName(kind), Title(kind), number.Number, number.IssuedOn, instance.Id, instance.ProjectName,
            instance.ProjectCode, instance.ProjectCodeLocallyIssued, instance.InvestorName, agent?.DisplayName, definition.Name,
            Matters(definition), LegalBasis(kind));
        return kind switch
        {
            DocumentKind.Receipt => document with { Receipt = Receipt(instance) },
            DocumentKind.OneTimeNotice => WithNotice(document, definition, occasion),
            DocumentKind.JointAcceptance => WithAcceptances(document, instance),
            _ => document with { Reason = RefusalReason(instance, occasion) },
        };
    }

    /// <summary>The journal entry a document records: the latest acceptance, return or refusal.</summary>
    private static JournalEntry? Occasion(IEnumerable<JournalEntry> journal, DocumentKind kind) => kind switch
    {
        DocumentKind.Receipt => journal.LastOrDefault(e => e.Event == JournalEvents.Accepted),
        DocumentKind.OneTimeNotice => journal.LastOrDefault(e => e.Event == JournalEvents.Returned),
        // Issued with the results, by a completion whose definition names it (the 办结 entry says "出具联合验收意见书").
        DocumentKind.JointAcceptance => journal.LastOrDefault(e => e.Event == JournalEvents.Completed && e.Reasons?.StartsWith("出具联合验收意见书") == true),
        _ => journal.LastOrDefault(e => e.Event == JournalEvents.ProjectEnded && e.Decision == nameof(InstanceStatus.Refused)),
    };

    private static string NoDocument(DocumentKind kind) => kind switch
    {
        DocumentKind.Receipt => "it has not been accepted",
        DocumentKind.OneTimeNotice => "it was never returned with a one-time notice",
        DocumentKind.JointAcceptance => "its results have not been issued with a joint acceptance document (联合验收意见书)",
        _ => "it was not refused",
    };

    /// <summary>
    /// The items of the notice as the return recorded them (names joined by ；, then the window's note), read against the
    /// checklist of the project's version, so that a reprint after resubmission still lists what was asked then.
    /// </summary>
    private static WindowDocument WithNotice(WindowDocument document, WorkflowDefinition definition, JournalEntry returned)
    {
        var parts = (returned.Reasons ?? "").Split('；');
        var items = new List<NoticeItem>();
        var taken = 0;
        foreach (var part in parts)
        {
            if (definition.Intake.Materials.FirstOrDefault(m => m.Name == part) is not { } material) break;
            items.Add(new NoticeItem(material.Code, material.Name, Requirement(material)));
            taken++;
        }
        var note = string.Join("；", parts.Skip(taken)).Trim();
        return document with
        {
            Missing = items, Note = note.Length == 0 ? null : note, AnswerWorkingDays = definition.Intake.BudgetWorkingDays,
        };
    }

    /// <summary>Every department's on-site finding, then every matter's decision, as the 联合验收意见书 lists them.</summary>
    private WindowDocument WithAcceptances(WindowDocument document, ProjectInstance instance)
    {
        var calendar = engine.Deadlines.Calendar;
        var lines = instance.Tasks.Where(t => t.Status == Engine.Runtime.TaskStatus.Done && t.Kind is TaskKind.SurveyFinding or TaskKind.MatterDecision)
            .OrderBy(t => t.Kind).ThenBy(t => t.DecidedAt)
            .Select(t => new AcceptanceLine(CatalogueNames.Department(t.DepartmentId!, catalog),
                t.MatterCode is null ? null : CatalogueNames.Matter(t.MatterCode, catalog), Outcomes.Label(t.Outcome!), t.Comment,
                t.DecidedAt is { } at ? calendar.LocalDateOf(at) : null))
            .ToList();
        return document with { Acceptances = lines, InspectedOn = instance.SurveyOn };
    }

    /// <summary>What the applicant must bring for the item, in words.</summary>
    private static string Requirement(MaterialRequirement material) =>
        (material.Required ? "必要材料" : "可选材料") + (material.DeficiencyAllowed ? "（可容缺）" : "") + "：提交原件或加盖公章的复印件及电子件";

    private static string RefusalReason(ProjectInstance instance, JournalEntry refused) =>
        refused.Reasons ?? instance.OutcomeReason ?? "";

    private IReadOnlyList<DocumentMatter> Matters(WorkflowDefinition definition) =>
        definition.Activities.OfType<ParallelApprovalsDefinition>().SelectMany(a => a.Matters)
            .Select(step => catalog.Matter(step.MatterCode))
            .Select(m => new DocumentMatter(m.Code, m.Name, CatalogueNames.Department(m.DepartmentId, catalog), m.LegalBasis,
                m.StatutoryWorkingDays, m.PromisedWorkingDays))
            .ToList();

    private static IReadOnlyList<string> LegalBasis(DocumentKind kind) => kind switch
    {
        DocumentKind.Receipt => ["《中华人民共和国行政许可法》第三十二条、第四十二条、第四十五条", "《优化营商环境条例》第三十五条"],
        DocumentKind.OneTimeNotice => ["《中华人民共和国行政许可法》第三十二条第一款第（四）项"],
        DocumentKind.JointAcceptance => ["《建设工程质量管理条例》第十六条、第四十九条", "《中华人民共和国城乡规划法》第四十五条", "《中华人民共和国消防法》第十三条", "《中华人民共和国人民防空法》第二十二条"],
        _ => ["《中华人民共和国行政许可法》第三十二条第一款", "《中华人民共和国行政复议法》", "《中华人民共和国行政诉讼法》第四十六条"],
    };

    private ReceiptResponse Receipt(ProjectInstance instance)
    {
        if (instance.QueryKey is not { } queryKey || instance.AcceptedOn is not { } acceptedOn)
            throw new ConflictException($"The filing has not been accepted ({instance.Status}): there is no receipt yet.");
        var definition = catalog.Get(instance.DefinitionId, instance.DefinitionVersion);
        var deficiencies = instance.Deficiencies
            .Select(code => new MaterialItem(code, definition.Intake.Materials.FirstOrDefault(m => m.Code == code)?.Name ?? code)).ToList();
        var receipt = new ReceiptResponse(instance.Id, instance.ProjectCode, instance.ProjectCodeLocallyIssued, queryKey,
            instance.ProjectName, instance.InvestorId, instance.InvestorName, instance.DefinitionId, instance.DefinitionVersion,
            definition.Name, acceptedOn, instance.DueOn, instance.TargetWorkingDays, deficiencies, instance.DeficienciesDueOn);
        return engine.Deadlines.ProjectDueProvisional(instance) is not { } note ? receipt
            : receipt with { Provisional = true, ProvisionalCode = note.Code, ProvisionalReason = note.Reason, DueOnNotice = note.DeadlineNotice };
    }

    private OneWindowIntakeDefinition IntakeOf(ProjectInstance instance) =>
        catalog.Get(instance.DefinitionId, instance.DefinitionVersion).Intake;
}
