namespace Approval.Engine.ProjectCodes;

/// <summary>What goes into the fixed segments of a locally issued code (本地赋码).</summary>
/// <remarks>
/// Validated when a <see cref="LocalProjectCodeIssuer"/> is built; the issuer keeps a copy, so later changes have no effect.
/// </remarks>
public sealed class LocalProjectCodeOptions
{
    /// <summary>地区代码 of this installation; must have a real province-level prefix. Default <c>320100</c> (南京市 Nanjing).</summary>
    public string DivisionCode { get; set; } = "320100";

    /// <summary>
    /// 中央业务指导部门代码, two digits. Default <c>99</c>: not seen in any platform code we know of (they show 89),
    /// so a local code is less likely to look like a real one; this is a choice, not a rule of GB/T 40058.
    /// </summary>
    public string GuidingDepartment { get; set; } = "99";

    /// <summary>项目类型代码, two digits. Default <c>01</c>.</summary>
    public string ProjectType { get; set; } = "01";

    /// <summary>
    /// How many random codes <see cref="LocalProjectCodeIssuer.IssueAsync"/> tries before giving up when the store reports
    /// collisions. Default 20, at most 1000. An acceptance records its code in its own save instead, and retries a
    /// collision like any conflict (<c>Engine:MaxConflictRetries</c>).
    /// </summary>
    public int MaxAttempts { get; set; } = 20;

    /// <summary>Throws <see cref="InvalidInputException"/> naming the option that is wrong.</summary>
    public void Validate()
    {
        if (ProjectCodeDivisions.Check(DivisionCode ?? "", ProjectCodeFormat.Current) is { } division)
            throw new InvalidInputException(nameof(DivisionCode), $"{nameof(LocalProjectCodeOptions)}.{nameof(DivisionCode)}: {division}");
        RequireTwoDigits(nameof(GuidingDepartment), GuidingDepartment, ProjectCodeSegmentNames.GuidingDepartment);
        RequireTwoDigits(nameof(ProjectType), ProjectType, ProjectCodeSegmentNames.ProjectType);
        if (MaxAttempts is < 1 or > 1000)
            throw new InvalidInputException(nameof(MaxAttempts),
                $"{nameof(LocalProjectCodeOptions)}.{nameof(MaxAttempts)}: expected 1–1000, given {MaxAttempts}");
    }

    private static void RequireTwoDigits(string option, string? value, string segment)
    {
        if (value is { Length: 2 } && value.All(char.IsAsciiDigit)) return;
        var error = new ProjectCodeError(segment, "expected two digits 0–9", value);
        throw new InvalidInputException(option, $"{nameof(LocalProjectCodeOptions)}.{option}: {error}");
    }
}
