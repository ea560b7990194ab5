namespace Approval.Engine.ProjectCodes;

/// <summary>The shape shared by both formats: 24 characters, five segments of 4, 6, 2, 2 and 6 joined by hyphens.</summary>
internal static class ProjectCodeLayout
{
    public const int Length = 24;
    public const int ContentLength = 20;

    public static readonly int[] SegmentLengths = [4, 6, 2, 2, 6];

    /// <summary>Number of non-hyphen characters before each hyphen.</summary>
    private static readonly int[] HyphenOffsets = [4, 10, 12, 14];

    /// <summary>1-based positions of the hyphens in a well-formed code.</summary>
    private static readonly int[] HyphenPositions = [5, 12, 15, 18];

    private static readonly string[] LegacyNames =
    [
        ProjectCodeSegmentNames.Year, ProjectCodeSegmentNames.Division, ProjectCodeSegmentNames.Industry,
        ProjectCodeSegmentNames.ProjectType, ProjectCodeSegmentNames.Serial,
    ];

    private static readonly string[] CurrentNames =
    [
        ProjectCodeSegmentNames.YearMonth, ProjectCodeSegmentNames.Division, ProjectCodeSegmentNames.GuidingDepartment,
        ProjectCodeSegmentNames.ProjectType, ProjectCodeSegmentNames.Random,
    ];

    /// <summary>Checks characters, hyphens and segment lengths; on success <paramref name="parts"/> holds the five segments.</summary>
    public static ProjectCodeError? Check(string text, out string[] parts)
    {
        parts = [];
        var characterError = CheckCharacters(text);
        if (characterError is not null) return characterError;

        parts = text.Split('-');
        if (parts.Length == SegmentLengths.Length && parts.Select(p => p.Length).SequenceEqual(SegmentLengths))
            return null;

        var content = text.Length - (parts.Length - 1);
        if (content == ContentLength) return ProjectCodeHyphens.Diagnose(text, NamesFor(text.Replace("-", "")));
        if (parts.Length == SegmentLengths.Length) return SegmentLengthError(text, parts);
        return SegmentCountError(text, parts.Length);
    }

    /// <summary>Segment names by the format the first segment suggests; used only to word structural errors.</summary>
    public static string[] NamesFor(string textStartingWithFirstSegment) =>
        ProjectCodeFirstSegment.LooksLegacy(textStartingWithFirstSegment) ? LegacyNames : CurrentNames;

    private static ProjectCodeError? CheckCharacters(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '-' || char.IsAsciiLetterOrDigit(c)) continue;
            var message = char.IsWhiteSpace(c)
                ? $"{(c == ' ' ? "a space" : $"white space {ProjectCodeText.Show(c)}")} at position {i + 1}; a project code contains no spaces"
                : $"character {ProjectCodeText.Show(c)} at position {i + 1} is not allowed{FullWidthHint(c)}; a project code has only digits 0–9, upper-case letters A–Z and hyphens";
            return Whole(message, text);
        }
        return null;
    }

    // Full-width letters are not folded (only digits are): a letter's case and identity matter in the random code.
    private static string FullWidthHint(char c) =>
        c is >= '\uFF21' and <= '\uFF3A' or >= '\uFF41' and <= '\uFF5A' ? $" (a full-width letter; type '{(char)(c - 0xFEE0)}')" : "";

    private static ProjectCodeError SegmentLengthError(string text, string[] parts)
    {
        var lengths = $"; the code has {text.Length} characters, expected {Length}";
        if (parts[0].Length != SegmentLengths[0])
            return Whole($"the first segment (年份代码 YYYY or 时间代码 YYMM) has {parts[0].Length} characters, expected 4{lengths}", text);

        var names = NamesFor(parts[0]);
        for (var i = 1; i < parts.Length; i++)
        {
            if (parts[i].Length == SegmentLengths[i]) continue;
            var expected = names[i] == ProjectCodeSegmentNames.Random
                ? "expected 6 (5 random characters and 1 check character)"
                : $"expected {SegmentLengths[i]}";
            return new ProjectCodeError(names[i], $"has {parts[i].Length} characters, {expected}{lengths}", Shorten(parts[i]));
        }
        throw new InvalidOperationException("SegmentLengthError called on a code whose segment lengths are right.");
    }

    private static ProjectCodeError SegmentCountError(string text, int count)
    {
        var layouts = "YYYY-AAAAAA-II-TT-NNNNNN (legacy) or YYMM-AAAAAA-DD-TT-RRRRRC (current)";
        if (count == 1)
            return Whole($"no hyphens: expected 5 segments joined by '-' as {layouts}; given {Characters(text.Length)}, expected {Length}", text);
        var length = text.Length == Length ? "" : $"expected {Length} characters, given {text.Length}; ";
        return Whole($"{length}found {count} segments separated by {count - 1} hyphens, expected 5 segments as {layouts}", text);
    }

    public static ProjectCodeError Whole(string message, string text) => new(ProjectCodeSegmentNames.Code, message, Shorten(text));

    // A pasted paragraph should not be echoed back whole.
    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static string Characters(int n) => n == 1 ? "1 character" : $"{n} characters";

    public static int HyphenPositionFor(int offsetIndex) => HyphenPositions[offsetIndex];

    public static int HyphenOffsetIndex(int offset) => Array.IndexOf(HyphenOffsets, offset);

    public static IReadOnlyList<int> ExpectedOffsets => HyphenOffsets;
}
