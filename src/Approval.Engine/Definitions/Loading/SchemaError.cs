namespace Approval.Engine.Definitions;

/// <summary>One place where a JSON document breaks its JSON Schema (模式校验错误).</summary>
/// <param name="Path">Where, as a JSON path from the document root, e.g. <c>$.activities[2].departments[0]</c>.</param>
/// <param name="Message">What was expected and what was found, in words an administrator can act on.</param>
internal sealed record SchemaError(string Path, string Message);
