namespace Approval.Engine.ProjectCodes;

/// <summary>Reads the first segment, which alone tells the two formats apart (domain notes §1, "Telling them apart").</summary>
/// <remarks>
/// 2015–2020 are legacy years (年份代码) and impossible months, so they are legacy; a real YYMM (时间代码) from 2010
/// (October 2020, when the current format began) is current. Everything else is an error, charged to the reading the
/// value is nearest to: 2013 and 2014 sit just before the legacy years, so they are reported on <c>year</c>;
/// 2001–2009 are months before the current format began and 2000, 2021 and the like are impossible months,
/// so they are reported on <c>yearMonth</c>. Messages for 2013/2014 also give the YYMM reading.
/// The year is not compared with today: parsing has no clock, and a code from the future is the online verifier's business.
/// </remarks>
internal static class ProjectCodeFirstSegment
{
    private const int FirstLegacyYear = 2015;
    private const int LastLegacyYear = 2020;
    private const int FirstCurrentYearMonth = 2010;

    public static bool LooksLegacy(string text) =>
        text.Length >= 4 && int.TryParse(text.AsSpan(0, 4), System.Globalization.NumberStyles.None, null, out var v)
        && v is >= FirstLegacyYear and <= LastLegacyYear;

    public static ProjectCodeError? Classify(string first, out ProjectCodeFormat format)
    {
        format = default;
        var nonDigit = ProjectCodeSegmentRules.NonDigit(first);
        if (nonDigit is not null)
            return new ProjectCodeError(ProjectCodeSegmentNames.YearMonth,
                $"{nonDigit}; the first segment is a year YYYY (年份代码, legacy) or YYMM (时间代码, current)", first);

        var value = int.Parse(first, System.Globalization.CultureInfo.InvariantCulture);
        var (yy, mm) = (value / 100, value % 100);
        if (value is >= FirstLegacyYear and <= LastLegacyYear)
        {
            format = ProjectCodeFormat.Legacy;
            return null;
        }
        if (mm is >= 1 and <= 12 && value >= FirstCurrentYearMonth)
        {
            format = ProjectCodeFormat.Current;
            return null;
        }
        return Explain(first, value, yy, mm);
    }

    private static ProjectCodeError Explain(string first, int value, int yy, int mm)
    {
        if (value is 2013 or 2014)
            return new ProjectCodeError(ProjectCodeSegmentNames.Year,
                $"year {value} is before the first legacy codes (legacy years are 2015–2020); read as YYMM (时间代码), month {mm:00} does not exist", first);
        if (mm is < 1 or > 12)
            return new ProjectCodeError(ProjectCodeSegmentNames.YearMonth,
                $"month {mm:00} does not exist (expected 01–12)", first);
        return new ProjectCodeError(ProjectCodeSegmentNames.YearMonth,
            $"20{yy:00}-{mm:00} is before the current format began (earliest 2010 = October 2020); older codes use the legacy format YYYY-AAAAAA-II-TT-NNNNNN", first);
    }
}
