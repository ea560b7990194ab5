namespace Approval.Engine.Definitions;

/// <summary>One mistake in the files under <c>workflows/</c> (定义校验问题), pointing at where to fix it.</summary>
/// <param name="File">The file, relative to the workflows directory with '/' separators (e.g. <c>catalogue/matters.json</c>).</param>
/// <param name="JsonPath">Where in the file, e.g. <c>$.activities[2].departments[0]</c>; <c>$</c> for the whole file.</param>
/// <param name="Message">What is wrong, with the values involved.</param>
public sealed record DefinitionProblem(string File, string JsonPath, string Message)
{
    /// <summary>The problem as one line: <c>&lt;file&gt;: &lt;json path&gt;: &lt;problem&gt;</c>.</summary>
    public override string ToString() => $"{File}: {JsonPath}: {Message}";
}

/// <summary>Collects the problems of one file, so that rules only say where and what.</summary>
internal sealed class FileProblems(string file, List<DefinitionProblem> all)
{
    public void Add(string jsonPath, string message) => all.Add(new(file, jsonPath, message));
}
