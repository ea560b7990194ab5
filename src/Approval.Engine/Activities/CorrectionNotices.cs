using Approval.Engine.Definitions;
using Approval.Engine.Journal;
using Approval.Engine.Runtime;

namespace Approval.Engine.Activities;

/// <summary>
/// The written correction notice (补正通知，书面告知) the applicant reads: each department by name, each material by its
/// name in the checklist or the catalogue with what is required of it, and the department's explanation. A department
/// may name a material by its code or its name, or write an item of its own.
/// </summary>
public static class CorrectionNotices
{
    /// <summary>What a department's task asked, with each item resolved against the project's checklist and the catalogue.</summary>
    /// <param name="step">The command's context (definition and catalogue).</param>
    /// <param name="asking">The department's task that asked: its items, comment and matter.</param>
    /// <param name="askedBy">The approver who asked.</param>
    public static CorrectionAsk Ask(StepContext step, WorkTask asking, string askedBy) =>
        new(asking.DepartmentId!, asking.MatterCode,
            [.. asking.Items.Select(item => Item(step.Definition, step.Catalog, asking.DepartmentId!, asking.MatterCode, item))],
            string.IsNullOrWhiteSpace(asking.Comment) ? null : asking.Comment.Trim(), askedBy);

    /// <summary>Opens the applicant's correction task for what the departments asked; its items are the notice's lines.</summary>
    public static WorkTask Open(StepContext step, string? departmentId, string? matterCode, string title, IReadOnlyList<CorrectionAsk> asks)
    {
        var correction = step.OpenTask(TaskKind.ApplicantCorrection, departmentId, matterCode, title, 0);
        correction.Asks = [.. asks];
        correction.Items = [.. asks.SelectMany(a => a.Items.Select(i => Line(step.Catalog, a, i)))];
        foreach (var ask in asks)
            step.Record(JournalEvents.CorrectionRequested, "补正", Notice(step.Catalog, [ask]), correction, ask.DepartmentId,
                new Actor(ask.AskedBy, ActorRole.Approver, ask.DepartmentId));
        return correction;
    }

    /// <summary>The whole notice: every line, then each department's explanation.</summary>
    public static string Notice(DefinitionCatalog catalog, IEnumerable<CorrectionAsk> asks)
    {
        var list = asks.ToList();
        var lines = list.SelectMany(a => a.Items.Select(i => Line(catalog, a, i))).ToList();
        lines.AddRange(list.Where(a => a.Comment is not null).Select(a => $"{DepartmentName(catalog, a.DepartmentId)}说明：{a.Comment}"));
        return string.Join("；", lines);
    }

    /// <summary>One line of the notice, e.g. 市自然资源和规划局：国有建设用地使用权出让合同（必要材料）.</summary>
    public static string Line(DefinitionCatalog catalog, CorrectionAsk ask, CorrectionItem item) =>
        $"{DepartmentName(catalog, ask.DepartmentId)}：{Describe(item)}";

    /// <summary>A material as 名称（要求）; a free-text item as written.</summary>
    public static string Describe(CorrectionItem item) =>
        Requirement(item) is { } requirement ? $"{item.Name}（{requirement}）" : item.Name;

    /// <summary>What the checklist requires of a material: 必要材料 or 非必要材料, and whether it may follow later (可容缺); null for a free-text item.</summary>
    public static string? Requirement(CorrectionItem item) => item.Required switch
    {
        null => null,
        true => item.DeficiencyAllowed == true ? "必要材料，可容缺" : "必要材料",
        false => "非必要材料",
    };

    /// <summary>
    /// The material an item names, by code or by name: the project's checklist first (what the window asked for), then
    /// the matter's own materials, then those of the department's other matters in the catalogue.
    /// </summary>
    private static CorrectionItem Item(WorkflowDefinition definition, DefinitionCatalog catalog, string departmentId, string? matterCode, string text)
    {
        var candidates = definition.Intake.Materials
            .Concat(matterCode is null ? [] : catalog.Matter(matterCode).Materials)
            .Concat(catalog.Matters.Where(m => m.DepartmentId == departmentId).SelectMany(m => m.Materials));
        var material = candidates.FirstOrDefault(m => m.Code == text) ?? candidates.FirstOrDefault(m => m.Name == text);
        return material is null
            ? new CorrectionItem(text, null, text, null, null)
            : new CorrectionItem(text, material.Code, material.Name, material.Required, material.DeficiencyAllowed);
    }

    private static string DepartmentName(DefinitionCatalog catalog, string departmentId) =>
        catalog.Departments.FirstOrDefault(d => d.Id == departmentId)?.Name ?? departmentId;
}
