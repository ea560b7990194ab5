using NodaTime;

namespace Approval.Engine.Calendar;

/// <summary>A notice that published or changed a year's arrangement (放假通知), with where its text was read.</summary>
/// <param name="Title">The notice's title, e.g. 国务院办公厅关于2024年部分节假日安排的通知.</param>
/// <param name="Number">Its document number (文号), e.g. 国办发明电〔2023〕7号, when known.</param>
/// <param name="Issued">The date it was issued, when known.</param>
/// <param name="Sources">Where the text was read (addresses or printed sources).</param>
public sealed record CalendarNotice(string Title, string? Number, LocalDate? Issued, IReadOnlyList<string> Sources);

/// <summary>One year of a calendar data file: its status and the notices behind it.</summary>
/// <param name="Year">The notice year (its dates may start in the previous December).</param>
/// <param name="IsVerified">True when the arrangement was checked against the notice; otherwise answers are provisional.</param>
/// <param name="Notices">The notices, in the order they were issued.</param>
/// <param name="Notes">Free remarks kept with the data.</param>
public sealed record CalendarYear(int Year, bool IsVerified, IReadOnlyList<CalendarNotice> Notices, string? Notes);

/// <summary>A province-level region with its own overlay (地方节日安排).</summary>
/// <param name="Code">The 6-digit administrative division code, e.g. <c>650000</c>; the <c>region</c> parameter's value.</param>
/// <param name="Name">The region's name, e.g. 新疆维吾尔自治区.</param>
internal sealed record RegionDescriptor(string Code, string Name);

/// <summary>One date that a data file declares a holiday or a working day, with where it was declared.</summary>
internal sealed record DayEntry(LocalDate Date, bool IsHoliday, string Name, int NoticeYear, string File, string JsonPath)
{
    public string Where => $"{File}: {JsonPath}";
}

/// <summary>A year of a data file, parsed.</summary>
internal sealed record YearData(CalendarYear Info, IReadOnlyList<DayEntry> Days, string File, string JsonPath)
{
    /// <summary>Whether the year has any arrangement at all; an empty unverified year is no data.</summary>
    public bool HasArrangements => Days.Count > 0;
}

/// <summary>A parsed data file: national (no region) or a regional overlay.</summary>
internal sealed record CalendarFile(string File, RegionDescriptor? Region, IReadOnlyList<YearData> Years);
