using System.Globalization;

namespace Approval.Engine.ProjectCodes;

/// <summary>The checks and readings of the segments after the first (division, types, serial, random, check).</summary>
internal static class ProjectCodeSegmentRules
{
    /// <summary>Why <paramref name="value"/> is not all ASCII digits, or null; hints at the letters typed for 0 and 1.</summary>
    public static string? NonDigit(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsAsciiDigit(c)) continue;
            var hint = c switch
            {
                'O' or 'o' => $" (the letter {c}; did you mean the digit 0?)",
                'I' or 'l' => $" (the letter {c}; did you mean the digit 1?)",
                _ => "",
            };
            return $"{ProjectCodeText.Show(c)} at position {i + 1} of the segment is not a digit{hint}";
        }
        return null;
    }

    public static ProjectCodeError? Digits(string name, string value) =>
        NonDigit(value) is { } reason ? new ProjectCodeError(name, reason, value) : null;

    /// <summary>Legacy 项目类型代码: read from the examples as 01 审批, 02 核准, 03 备案 (domain notes §1, ◐).</summary>
    public static ProjectCodeError? LegacyProjectType(string value) =>
        Digits(ProjectCodeSegmentNames.ProjectType, value)
        ?? (LegacyTypeMeaning(value) is null
            ? new ProjectCodeError(ProjectCodeSegmentNames.ProjectType,
                $"project type {value} does not exist in legacy codes (expected 01 审批, 02 核准 or 03 备案)", value)
            : null);

    public static string? LegacyTypeMeaning(string value) => value switch
    {
        "01" => "审批 (approval of a government-invested project)",
        "02" => "核准 (confirmation of an enterprise project)",
        "03" => "备案 (filing)",
        _ => null,
    };

    /// <summary>Current 随机码/校验码: upper-case letters and digits; lower case is refused, not folded.</summary>
    public static ProjectCodeError? UpperAlphanumeric(string name, string value)
    {
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c)) continue;
            var reason = char.IsAsciiLetterLower(c)
                ? $"lower-case '{c}' in segment '{name}'; the platform issues upper case"
                : $"{ProjectCodeText.Show(c)} is not a digit or upper-case letter";
            return new ProjectCodeError(name, reason, value);
        }
        return null;
    }

    public static string YearMeaning(string year) => $"{year}年 (year {year})";

    public static string YearMonthMeaning(string yymm)
    {
        var month = int.Parse(yymm[2..], CultureInfo.InvariantCulture);
        var name = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);
        return $"20{yymm[..2]}年{month}月 ({name} 20{yymm[..2]})";
    }
}
