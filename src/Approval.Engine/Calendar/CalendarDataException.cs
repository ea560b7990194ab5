namespace Approval.Engine.Calendar;

/// <summary>A calendar data file that cannot be trusted: it names the file, the JSON path and the problem.</summary>
/// <remarks>
/// Thrown while loading or reloading; a failed reload keeps the previous snapshot, so a typo in next year's
/// notice never takes the running calendar down.
/// </remarks>
public sealed class CalendarDataException(string file, string jsonPath, string problem)
    : Exception($"{file}: {jsonPath}: {problem}")
{
    /// <summary>The file (or directory) at fault.</summary>
    public string File { get; } = file;

    /// <summary>Where in the file, as a JSONPath such as <c>$.years['2024'].arrangements[1].workdays[0]</c>.</summary>
    public string JsonPath { get; } = jsonPath;

    /// <summary>What is wrong, without the file and path.</summary>
    public string Problem { get; } = problem;
}
