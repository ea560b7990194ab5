namespace Approval.Engine.Runtime;

/// <summary>
/// What one department asked the applicant to correct (补正要求), as the written notice (书面告知) said it on the day:
/// the department, the matter when it was a matter's decision, each item and the department's explanation.
/// </summary>
/// <param name="DepartmentId">The department that asked.</param>
/// <param name="MatterCode">The matter (事项) whose decision asked, or null for a pre-review opinion or survey finding.</param>
/// <param name="Items">Each item, with the material it names when it is one of the checklist or the catalogue.</param>
/// <param name="Comment">The department's explanation (说明), if it gave one.</param>
/// <param name="AskedBy">The approver who asked.</param>
public sealed record CorrectionAsk(string DepartmentId, string? MatterCode, IReadOnlyList<CorrectionItem> Items, string? Comment, string AskedBy);

/// <summary>
/// One item of a correction request: a material (by its code, its name in the checklist or the catalogue, and what is
/// required of it), or a free-text item the department wrote.
/// </summary>
/// <param name="Text">What the department wrote.</param>
/// <param name="MaterialCode">The material's code, when the item names one.</param>
/// <param name="Name">The material's name (申请材料名称), or the text itself.</param>
/// <param name="Required">Whether the material is required (必要材料); null for a free-text item.</param>
/// <param name="DeficiencyAllowed">Whether it may follow later (容缺); null for a free-text item.</param>
public sealed record CorrectionItem(string Text, string? MaterialCode, string Name, bool? Required, bool? DeficiencyAllowed);
