namespace Approval.Engine.Definitions;

/// <summary>
/// Everything loaded from <c>workflows/</c>: every version of every definition (流程定义), the departments
/// (部门) and the matter catalogue (事项目录). Immutable; obtained from <see cref="DefinitionLoader.Load"/>.
/// </summary>
public sealed class DefinitionCatalog
{
    private readonly Dictionary<string, WorkflowDefinition[]> versionsById;
    private readonly Dictionary<string, Department> departmentsById;
    private readonly Dictionary<string, Matter> mattersByCode;

    internal DefinitionCatalog(
        IEnumerable<WorkflowDefinition> definitions, IEnumerable<Department> departments, IEnumerable<Matter> matters)
    {
        Definitions = [.. definitions.OrderBy(d => d.Id, StringComparer.Ordinal).ThenBy(d => d.Version)];
        Departments = [.. departments];
        Matters = [.. matters];
        versionsById = Definitions.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.ToArray());
        departmentsById = Departments.ToDictionary(d => d.Id);
        mattersByCode = Matters.ToDictionary(m => m.Code);
    }

    /// <summary>Every version of every definition, by id then version.</summary>
    public IReadOnlyList<WorkflowDefinition> Definitions { get; }

    /// <summary>The departments, in catalogue order.</summary>
    public IReadOnlyList<Department> Departments { get; }

    /// <summary>The matter catalogue, in catalogue order.</summary>
    public IReadOnlyList<Matter> Matters { get; }

    /// <summary>The highest version of a definition: the one new projects start on.</summary>
    /// <exception cref="InvalidInputException">No definition has that id (field <c>definitionId</c>).</exception>
    public WorkflowDefinition Latest(string id) => Versions(id)[^1];

    /// <summary>One version of a definition: the one a running project started on.</summary>
    /// <exception cref="InvalidInputException">Unknown id (field <c>definitionId</c>) or version (field <c>version</c>).</exception>
    public WorkflowDefinition Get(string id, int version) =>
        Versions(id).FirstOrDefault(d => d.Version == version)
        ?? throw new InvalidInputException(
            "version",
            $"workflow '{id}' has no version {version}; it has: {string.Join(", ", Versions(id).Select(d => d.Version))}");

    /// <summary>Every version of a definition, oldest first.</summary>
    /// <exception cref="InvalidInputException">No definition has that id (field <c>definitionId</c>).</exception>
    public IReadOnlyList<WorkflowDefinition> Versions(string id) =>
        versionsById.TryGetValue(id, out var versions)
            ? versions
            : throw new InvalidInputException(
                "definitionId", $"no workflow definition '{id}'; known: {string.Join(", ", versionsById.Keys.Order())}");

    /// <summary>The highest version of a definition, or <c>false</c> when the id is unknown.</summary>
    public bool TryGetLatest(string id, out WorkflowDefinition? definition)
    {
        definition = versionsById.TryGetValue(id, out var versions) ? versions[^1] : null;
        return definition is not null;
    }

    /// <summary>A department by id.</summary>
    /// <exception cref="InvalidInputException">Unknown id (field <c>departmentId</c>).</exception>
    public Department Department(string id) =>
        departmentsById.TryGetValue(id, out var department)
            ? department
            : throw new InvalidInputException("departmentId", $"no department '{id}' in catalogue/departments.json");

    /// <summary>A matter of the catalogue by code.</summary>
    /// <exception cref="InvalidInputException">Unknown code (field <c>matterCode</c>).</exception>
    public Matter Matter(string code) =>
        mattersByCode.TryGetValue(code, out var matter)
            ? matter
            : throw new InvalidInputException("matterCode", $"no matter '{code}' in catalogue/matters.json");

    /// <summary>The working days a matter has in its step: the definition's override, else the promised limit (承诺时限).</summary>
    public int WorkingDaysOf(MatterStep step) => step.WorkingDays ?? Matter(step.MatterCode).PromisedWorkingDays;
}
