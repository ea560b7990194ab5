using Approval.Engine.Calendar;
using NodaTime;

namespace Approval.Web.Components.Pages.Admin;

/// <summary>One holiday of a year as the calendar has it: the break (放假) and its weekend working days (调休上班).</summary>
public sealed record HolidayBlock(string Name, LocalDate First, LocalDate Last, int Days, IReadOnlyList<LocalDate> AdjustedWorkdays);

/// <summary>
/// Reads a year's holiday blocks back from a working-day calendar, day by day, so that the page shows what the
/// calendar answers (not a second reading of the files).
/// </summary>
public static class HolidayBlocks
{
    /// <summary>
    /// The breaks of <paramref name="year"/> in <paramref name="calendar"/>; with <paramref name="besides"/>, only the
    /// days that calendar does not also give (a regional overlay's own days).
    /// </summary>
    public static List<HolidayBlock> Of(WorkingDayCalendar calendar, int year, WorkingDayCalendar? besides = null)
    {
        var blocks = new List<(string Name, LocalDate First, LocalDate Last, int Days)>();
        var adjusted = new List<(string Name, LocalDate Day)>();
        for (var day = new LocalDate(year, 1, 1); day.Year == year; day = day.PlusDays(1))
        {
            var d = calendar.Describe(day);
            if (besides is not null && besides.Describe(day).Kind == d.Kind) continue;
            if (d.Kind == DayKind.AdjustedWorkday)
                adjusted.Add((Arrangement(d.Name), day));
            else if (d.Kind == DayKind.Holiday)
            {
                var name = d.Name ?? "假期";
                if (blocks.Count > 0 && blocks[^1].Name == name && blocks[^1].Last.PlusDays(1) == day)
                    blocks[^1] = (name, blocks[^1].First, day, blocks[^1].Days + 1);
                else
                    blocks.Add((name, day, day, 1));
            }
        }
        return blocks.Select(b => new HolidayBlock(b.Name, b.First, b.Last, b.Days,
            adjusted.Where(a => a.Name == b.Name && Math.Abs(Period.Between(a.Day, b.First, PeriodUnits.Days).Days) <= 20).Select(a => a.Day).ToList())).ToList();
    }

    private static string Arrangement(string? name) => name is null ? "" : name.EndsWith("调休上班", StringComparison.Ordinal) ? name[..^4] : name;
}
