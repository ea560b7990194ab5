using NodaTime;

namespace Approval.Engine.Calendar;

/// <summary>One layer of calendar data: the national notices or one region's overlay, merged and checked.</summary>
internal sealed record CalendarLayer(
    RegionDescriptor? Region,
    IReadOnlyDictionary<int, YearData> Years,
    IReadOnlyDictionary<LocalDate, DayEntry> Days);

/// <summary>
/// Checks that need more than one entry: a date declared twice, or both a holiday and a working day, inside the
/// national data (across all its files) or inside one overlay; a year or region defined twice.
/// </summary>
internal static class CalendarDataValidator
{
    /// <summary>Merges the national files into one layer.</summary>
    public static CalendarLayer National(IReadOnlyList<CalendarFile> files)
    {
        foreach (var file in files.Where(f => f.Region is not null))
            throw new CalendarDataException(file.File, "$.region", "a national file has no region; regional overlays go in the regions/ folder");
        return Merge(null, files);
    }

    /// <summary>Checks one region's overlay on its own and against the national layer.</summary>
    public static CalendarLayer Overlay(CalendarFile file, CalendarLayer national)
    {
        if (file.Region is null)
            throw new CalendarDataException(file.File, "$.region", "an overlay in regions/ must say which region it is for: \"region\": { \"code\": \"650000\", \"name\": \"...\" }");
        var layer = Merge(file.Region, [file]);
        foreach (var day in layer.Days.Values.Where(d => !d.IsHoliday))
        {
            // A region may give an extra day off on a national 调休 Saturday, but making a national holiday a
            // working day is not something an autonomous region's notice does: more likely a wrong date.
            if (national.Days.TryGetValue(day.Date, out var nationalDay) && nationalDay.IsHoliday)
                throw new CalendarDataException(day.File, day.JsonPath,
                    $"{day.Date:yyyy-MM-dd} is a national holiday ({nationalDay.Name}, {nationalDay.Where}); a regional overlay cannot make it a working day");
        }
        return layer;
    }

    /// <summary>Refuses two overlay files for the same region.</summary>
    public static void DistinctRegions(IEnumerable<CalendarFile> overlays)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in overlays)
        {
            if (file.Region is { } region && !seen.TryAdd(region.Code, file.File))
                throw new CalendarDataException(file.File, "$.region.code", $"region {region.Code} is already defined by {seen[region.Code]}; put all its years in one file");
        }
    }

    private static CalendarLayer Merge(RegionDescriptor? region, IReadOnlyList<CalendarFile> files)
    {
        var years = new Dictionary<int, YearData>();
        var days = new Dictionary<LocalDate, DayEntry>();
        foreach (var year in files.SelectMany(f => f.Years))
        {
            if (!years.TryAdd(year.Info.Year, year))
                throw new CalendarDataException(year.File, year.JsonPath, $"year {year.Info.Year} is also defined in {years[year.Info.Year].File}");
            foreach (var day in year.Days) Add(days, day);
        }
        return new CalendarLayer(region, years, days);
    }

    private static void Add(Dictionary<LocalDate, DayEntry> days, DayEntry day)
    {
        if (!days.TryGetValue(day.Date, out var first))
        {
            days.Add(day.Date, day);
            return;
        }
        var problem = first.IsHoliday == day.IsHoliday
            ? $"{day.Date:yyyy-MM-dd} is listed twice (also at {first.Where})"
            : day.IsHoliday
                ? $"{day.Date:yyyy-MM-dd} is listed both as a holiday (here) and as a working day ({first.Where})"
                : $"{day.Date:yyyy-MM-dd} is listed both as a holiday ({first.Where}) and as a working day (here)";
        throw new CalendarDataException(day.File, day.JsonPath, problem);
    }
}
