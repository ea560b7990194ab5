namespace Approval.Engine.ProjectCodes;

/// <summary>One segment (代码段) of a parsed project code, as a screen or a receipt shows it.</summary>
/// <param name="Name">A camelCase id from <see cref="ProjectCodeSegmentNames"/> (e.g. <c>division</c>).</param>
/// <param name="Value">The segment's characters exactly as they stand in the code.</param>
/// <param name="Meaning">A short Chinese and English reading, e.g. <c>备案 (filing)</c>.</param>
public sealed record ProjectCodeSegment(string Name, string Value, string Meaning);
