using System.Text.Json;
using System.Text.Json.Nodes;

namespace Approval.Engine.Definitions;

/// <summary>Reads the JSON files of the workflows directory and checks each against its schema.</summary>
internal sealed class JsonFiles(string directory, List<DefinitionProblem> problems)
{
    // Administrators edit these files by hand: a comment explaining a budget, or a trailing comma, is no mistake.
    private static readonly JsonDocumentOptions Lenient = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public FileProblems ProblemsOf(string relativePath) => new(relativePath, problems);

    /// <summary>The schema at <paramref name="relativePath"/>, or <c>null</c> (with a problem) when it is missing or unusable.</summary>
    public WorkflowSchema? Schema(string relativePath)
    {
        var text = ReadText(relativePath);
        try
        {
            return text is null ? null : WorkflowSchema.Parse(text, new Uri(Path.GetFullPath(Path.Combine(directory, relativePath))));
        }
        catch (FormatException e)
        {
            ProblemsOf(relativePath).Add(JsonPath.Root, $"unusable schema: {e.Message}");
            return null;
        }
    }

    /// <summary>The document, or <c>null</c> when it is missing, not JSON, or breaks the schema (each reported).</summary>
    public JsonObject? Read(string relativePath, WorkflowSchema schema)
    {
        var text = ReadText(relativePath);
        if (text is null)
            return null;
        var report = ProblemsOf(relativePath);
        JsonNode? document;
        try
        {
            document = JsonNode.Parse(text, documentOptions: Lenient);
        }
        catch (JsonException e)
        {
            report.Add(e.Path ?? JsonPath.Root, $"not valid JSON: {e.Message}");
            return null;
        }
        var errors = schema.Validate(document);
        foreach (var error in errors)
            report.Add(error.Path, error.Message);
        return errors.Count == 0 ? document as JsonObject : null;
    }

    private string? ReadText(string relativePath)
    {
        var path = Path.Combine(directory, relativePath);
        if (File.Exists(path))
            return File.ReadAllText(path);
        ProblemsOf(relativePath).Add(JsonPath.Root, $"file not found in {directory}");
        return null;
    }
}
