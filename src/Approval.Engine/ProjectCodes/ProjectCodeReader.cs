namespace Approval.Engine.ProjectCodes;

/// <summary>Turns text into the parts of a <see cref="ProjectCode"/>, or into the first error a user should fix.</summary>
/// <remarks>Order: empty, characters, hyphens and lengths, then segments left to right, so the message points at the earliest fault.</remarks>
internal static class ProjectCodeReader
{
    public static ProjectCodeError? Read(string? text, out string value, out ProjectCodeFormat format, out ProjectCodeSegment[] segments)
    {
        value = "";
        format = default;
        segments = [];
        var normalised = ProjectCodeText.Normalise(text ?? "");
        if (normalised.Length == 0)
            return new ProjectCodeError(ProjectCodeSegmentNames.Code, "is empty; expected 24 characters such as 2509-320193-89-01-544060", null);

        var error = ProjectCodeLayout.Check(normalised, out var parts)
            ?? ProjectCodeFirstSegment.Classify(parts[0], out format);
        if (error is not null) return error;

        error = format == ProjectCodeFormat.Legacy ? Legacy(parts, out segments) : Current(parts, out segments);
        if (error is not null) return error;

        value = normalised;
        return null;
    }

    private static ProjectCodeError? Legacy(string[] p, out ProjectCodeSegment[] segments)
    {
        segments = [];
        var error = ProjectCodeDivisions.Check(p[1], ProjectCodeFormat.Legacy)
            ?? ProjectCodeSegmentRules.Digits(ProjectCodeSegmentNames.Industry, p[2])
            ?? ProjectCodeSegmentRules.LegacyProjectType(p[3])
            ?? ProjectCodeSegmentRules.Digits(ProjectCodeSegmentNames.Serial, p[4]);
        if (error is not null) return error;

        segments =
        [
            new(ProjectCodeSegmentNames.Year, p[0], ProjectCodeSegmentRules.YearMeaning(p[0])),
            new(ProjectCodeSegmentNames.Division, p[1], ProjectCodeDivisions.Describe(p[1])),
            new(ProjectCodeSegmentNames.Industry, p[2], $"行业 {p[2]} (industry, GB/T 4754 division)"),
            new(ProjectCodeSegmentNames.ProjectType, p[3], ProjectCodeSegmentRules.LegacyTypeMeaning(p[3])!),
            new(ProjectCodeSegmentNames.Serial, p[4], "流水号 (serial number)"),
        ];
        return null;
    }

    private static ProjectCodeError? Current(string[] p, out ProjectCodeSegment[] segments)
    {
        segments = [];
        var (random, check) = (p[4][..5], p[4][5..]);
        var error = ProjectCodeDivisions.Check(p[1], ProjectCodeFormat.Current)
            ?? ProjectCodeSegmentRules.Digits(ProjectCodeSegmentNames.GuidingDepartment, p[2])
            ?? ProjectCodeSegmentRules.Digits(ProjectCodeSegmentNames.ProjectType, p[3])
            ?? ProjectCodeSegmentRules.UpperAlphanumeric(ProjectCodeSegmentNames.Random, random)
            ?? ProjectCodeSegmentRules.UpperAlphanumeric(ProjectCodeSegmentNames.Check, check);
        if (error is not null) return error;

        segments =
        [
            new(ProjectCodeSegmentNames.YearMonth, p[0], ProjectCodeSegmentRules.YearMonthMeaning(p[0])),
            new(ProjectCodeSegmentNames.Division, p[1], ProjectCodeDivisions.Describe(p[1])),
            new(ProjectCodeSegmentNames.GuidingDepartment, p[2], $"指导部门 {p[2]} (guiding central department)"),
            new(ProjectCodeSegmentNames.ProjectType, p[3], $"项目类型 {p[3]} (project type; GB/T 40058 table not in hand)"),
            new(ProjectCodeSegmentNames.Random, random, "随机码 (random code)"),
            new(ProjectCodeSegmentNames.Check, check, "校验码 (check character; algorithm not public, not verified)"),
        ];
        return null;
    }
}
