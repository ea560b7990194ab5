using NodaTime;

namespace Approval.Engine.Calendar;

/// <summary>
/// Lays the data over the supported range, in order: weekends; the statutory days of every year the national data
/// does not cover; the national notices' dates; the region's overlay.
/// </summary>
internal static class DayTableBuilder
{
    public static DayTable Build(CalendarLayer national, CalendarLayer? overlay)
    {
        var count = SupportedRange.DayCount;
        var kinds = new DayKind[count];
        var names = new string?[count];
        var reasons = new ProvisionalReason?[count];
        for (var i = 0; i < count; i++)
        {
            kinds[i] = SupportedRange.Dates[i].DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday ? DayKind.Weekend : DayKind.Workday;
        }

        for (var year = SupportedRange.FirstYear; year <= SupportedRange.LastYear; year++)
        {
            if (national.Years.TryGetValue(year, out var data) && data.HasArrangements) continue;
            foreach (var (date, name) in StatutoryHolidays.For(year))
                Set(date, DayKind.Holiday, name);
        }
        foreach (var day in national.Days.Values) Apply(day, combineNames: false);
        if (overlay is not null)
        {
            foreach (var day in overlay.Days.Values) Apply(day, combineNames: true);
        }

        var provisional = new ProvisionalReasons(national, overlay);
        for (var i = 0; i < count; i++) reasons[i] = provisional.For(SupportedRange.Dates[i]);
        return new DayTable(kinds, names, reasons);

        void Apply(DayEntry day, bool combineNames)
        {
            var index = SupportedRange.IndexOf(day.Date);
            // A regional holiday on a national one is both: keep both names.
            var name = combineNames && index >= 0 && day.IsHoliday && kinds[index] == DayKind.Holiday && names[index] != day.Name
                ? $"{names[index]}、{day.Name}"
                : day.Name;
            Set(day.Date, day.IsHoliday ? DayKind.Holiday : DayKind.AdjustedWorkday, name);
        }

        void Set(LocalDate date, DayKind kind, string name)
        {
            var index = SupportedRange.IndexOf(date);
            if (index < 0) return; // December 1999 of the 2000 notice: outside what we answer for
            kinds[index] = kind;
            names[index] = name;
        }
    }
}
