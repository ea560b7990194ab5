namespace Approval.Engine.Definitions;

/// <summary>A government department (审批部门) that reviews, surveys or decides matters.</summary>
/// <param name="Id">Stable kebab-case id used by definitions and accounts (e.g. <c>natural-resources</c>).</param>
/// <param name="Name">Full name (e.g. 市自然资源和规划局).</param>
/// <param name="ShortName">Name for tables and lights (e.g. 自然资源和规划).</param>
public sealed record Department(string Id, string Name, string ShortName);
