using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Approval.Engine.Definitions;

/// <summary>
/// Loads the workflows directory (流程定义目录): the catalogue in <c>catalogue/</c>, then every definition file
/// <c>&lt;id&gt;.v&lt;version&gt;.json</c> beside it, each checked against its schema in <c>schema/</c> and then
/// against the rules a schema cannot express.
/// </summary>
public static partial class DefinitionLoader
{
    private const string WorkflowSchemaFile = "schema/workflow.schema.json";
    private const string CatalogueSchemaFile = "schema/catalogue.schema.json";
    private const string DepartmentsFile = "catalogue/departments.json";
    private const string MattersFile = "catalogue/matters.json";

    /// <summary>Reads and checks everything, or refuses everything.</summary>
    /// <exception cref="DefinitionValidationException">
    /// Any file is missing, not JSON, breaks its schema or a rule; the exception lists every problem of every file,
    /// so that an administrator fixes them in one pass.
    /// </exception>
    public static DefinitionCatalog Load(string workflowsDirectory)
    {
        var problems = new List<DefinitionProblem>();
        if (!Directory.Exists(workflowsDirectory))
            throw new DefinitionValidationException([new(workflowsDirectory, JsonPath.Root, "the workflows directory does not exist")]);

        var files = new JsonFiles(workflowsDirectory, problems);
        var workflowSchema = files.Schema(WorkflowSchemaFile);
        var catalogueSchema = files.Schema(CatalogueSchemaFile);
        if (workflowSchema is null || catalogueSchema is null)
            throw new DefinitionValidationException(problems);

        var departments = Read(files, DepartmentsFile, catalogueSchema, "departments", ModelReader.Department);
        var departmentIndex = departments is null ? null : CatalogueRules.Departments(departments, files.ProblemsOf(DepartmentsFile));
        var matters = Read(files, MattersFile, catalogueSchema, "matters", ModelReader.Matter);
        var matterIndex = matters is null ? null : CatalogueRules.Matters(matters, departmentIndex, files.ProblemsOf(MattersFile));
        var catalogue = new CatalogueIndex(departmentIndex, matterIndex);

        var definitions = new Dictionary<(string, int), string>();
        var loaded = new List<WorkflowDefinition>();
        foreach (var file in Directory.EnumerateFiles(workflowsDirectory, "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal))
        {
            if (files.Read(file, workflowSchema) is not { } json)
                continue;
            var definition = ModelReader.Workflow(json);
            var report = files.ProblemsOf(file);
            CheckFileName(file, definition, report);
            if (!definitions.TryAdd((definition.Id, definition.Version), file))
                report.Add(JsonPath.Root, $"{definition.Key} is already defined by {definitions[(definition.Id, definition.Version)]}");
            FlowRules.Check(definition, report);
            StageRules.Check(definition, catalogue, report);
            loaded.Add(definition);
        }
        CheckFollows(loaded, definitions, files);

        if (problems.Count > 0)
            throw new DefinitionValidationException(problems);
        return new DefinitionCatalog(loaded, departments!, matters!);
    }

    private static IReadOnlyList<T>? Read<T>(JsonFiles files, string file, WorkflowSchema schema, string list, Func<JsonObject, T> read)
    {
        if (files.Read(file, schema) is not { } json)
            return null;
        if (json.ContainsKey(list))
            return [.. ModelReader.Array(json, list).Select(read)];
        files.ProblemsOf(file).Add(JsonPath.Root, $"missing required property '{list}'");
        return null;
    }

    /// <summary>A definition follows only definitions of this folder, and not itself.</summary>
    private static void CheckFollows(List<WorkflowDefinition> loaded, Dictionary<(string, int), string> files, JsonFiles problems)
    {
        var ids = loaded.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var definition in loaded)
        {
            var report = problems.ProblemsOf(files[(definition.Id, definition.Version)]);
            for (var i = 0; i < definition.Follows.Count; i++)
            {
                var followed = definition.Follows[i];
                if (followed == definition.Id)
                    report.Add($"$.follows[{i}]", $"'{followed}' is this definition: a definition cannot follow itself");
                else if (!ids.Contains(followed))
                    report.Add($"$.follows[{i}]", $"no definition '{followed}' in this folder; known: {string.Join(", ", ids.Order(StringComparer.Ordinal))}");
            }
        }
    }

    private static void CheckFileName(string file, WorkflowDefinition definition, FileProblems report)
    {
        var name = FileName().Match(file);
        if (!name.Success)
            report.Add(JsonPath.Root, $"the file name must be <id>.v<version>.json, here {definition.Id}.v{definition.Version}.json");
        else if (name.Groups["id"].Value != definition.Id)
            report.Add("$.id", $"the file is named for '{name.Groups["id"].Value}' but the id is '{definition.Id}'; rename the file or fix the id");
        else if (!int.TryParse(name.Groups["version"].Value, out var version) || version != definition.Version)
            report.Add("$.version", $"the file is named for version {name.Groups["version"].Value} but the version is {definition.Version}");
    }

    [GeneratedRegex(@"^(?<id>.+)\.v(?<version>[0-9]+)\.json$")]
    private static partial Regex FileName();
}
