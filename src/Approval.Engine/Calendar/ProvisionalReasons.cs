using NodaTime;

namespace Approval.Engine.Calendar;

/// <summary>
/// Decides, per date, whether the data really settles it, and words the reason when it does not. One instance per
/// build, caching one reason object per year and cause.
/// </summary>
internal sealed class ProvisionalReasons(CalendarLayer national, CalendarLayer? overlay)
{
    /// <summary>
    /// From this day of December on, a date can still be changed by the next year's 元旦 arrangement (the 2019
    /// notice made 2018-12-29 a working day and 2018-12-31 a holiday), so it is settled only once that notice is in.
    /// </summary>
    public const int LateDecemberFrom = 25;

    private const string Readme = "workflows/calendars/README.md";
    private readonly int _latestVerified = national.Years.Values.Where(y => y.Info.IsVerified).Select(y => y.Info.Year).DefaultIfEmpty(0).Max();
    private readonly Dictionary<(int Year, string Cause), ProvisionalReason?> _cache = [];

    public ProvisionalReason? For(LocalDate date)
    {
        var nationalReason = National(date);
        var regionalReason = Regional(date.Year);
        if (nationalReason is null || regionalReason is null) return nationalReason ?? regionalReason;
        return Cached(nationalReason.Year, "both:" + regionalReason.Text, () => nationalReason with
        {
            Text = $"{nationalReason.Text}；{regionalReason.Text}",
            Remedy = $"{nationalReason.Remedy}; also {regionalReason.Remedy}",
        });
    }

    private ProvisionalReason? National(LocalDate date)
    {
        // A date a verified notice names is settled even if its calendar year is not (2017-12-30, from the 2018 notice).
        if (national.Days.TryGetValue(date, out var entry))
            return NationalYear(entry.NoticeYear);
        var own = NationalYear(date.Year);
        if (own is not null || date.Month != 12 || date.Day < LateDecemberFrom) return own;
        var next = date.Year + 1;
        return NationalYear(next) is null ? null : Cached(next, "late-december", () => new ProvisionalReason(next, ProvisionalNote.NextYearNoticeNotPublished,
            $"{next} 年节假日安排尚未发布：{date.Year} 年 12 月 {LateDecemberFrom} 日以后的日期可能随 {next} 年元旦放假调休而改变",
            NationalRemedy(next)));
    }

    private ProvisionalReason? NationalYear(int year)
    {
        national.Years.TryGetValue(year, out var data);
        if (data?.Info.IsVerified == true) return null;
        if (data?.HasArrangements == true)
            return Cached(year, "unverified", () => new ProvisionalReason(year, ProvisionalNote.NoticeUnverified,
                $"{year} 年节假日安排未经核实：按数据文件中登记的安排计算，以国务院办公厅通知为准", NationalRemedy(year)));
        var (state, code) = year > _latestVerified ? ("尚未发布", ProvisionalNote.NoticeNotPublished) : ("未载入日历数据", ProvisionalNote.YearNotLoaded);
        return Cached(year, "missing", () => new ProvisionalReason(year, code,
            $"{year} 年节假日安排{state}：按《全国年节及纪念日放假办法》推算，未含调休", NationalRemedy(year)));
    }

    private ProvisionalReason? Regional(int year)
    {
        if (overlay?.Region is not { } region) return null;
        overlay.Years.TryGetValue(year, out var data);
        if (data?.Info.IsVerified == true) return null;
        var remedy = $"add year \"{year}\" with status \"verified\" to the overlay for region {region.Code} in workflows/calendars/{CalendarDirectory.RegionsFolder}/ (see {Readme}) and reload the calendars";
        return data is null
            ? Cached(year, "region-missing", () => new ProvisionalReason(year, ProvisionalNote.RegionalYearNotLoaded, $"{region.Name} {year} 年地方节日安排未载入：仅按全国安排计算", remedy))
            : Cached(year, "region-unverified", () => new ProvisionalReason(year, ProvisionalNote.RegionalYearUnverified, $"{region.Name} {year} 年地方节日安排未经核实", remedy));
    }

    private static string NationalRemedy(int year) =>
        $"add the State Council notice for {year} under \"years\" → \"{year}\" with status \"verified\" in workflows/calendars/national.json (see {Readme}) and reload the calendars";

    private ProvisionalReason? Cached(int year, string cause, Func<ProvisionalReason> create)
    {
        if (!_cache.TryGetValue((year, cause), out var reason)) _cache[(year, cause)] = reason = create();
        return reason;
    }
}
