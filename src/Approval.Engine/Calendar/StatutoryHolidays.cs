using NodaTime;

namespace Approval.Engine.Calendar;

/// <summary>
/// The days off that 《全国年节及纪念日放假办法》 itself fixes for all citizens in a given year, without the yearly
/// 调休 and without the 补假 for a statutory day that falls on a weekend (art. 6 leaves the chosen weekday to the
/// yearly notice). Used only for years whose arrangement is not in the data.
/// </summary>
/// <remarks>
/// Each revision is applied from the year it took effect: 1999 (国务院令第270号), 2008 (第513号: 除夕 instead of
/// 初三, 清明/端午/中秋 added, 劳动节 cut to one day), 2014 (第644号: 初三 instead of 除夕), 2025 (第795号: 除夕 and
/// 5月2日 added).
/// </remarks>
internal static class StatutoryHolidays
{
    /// <summary>Statutory days of the year with their Chinese names; a day named twice gets both names.</summary>
    public static IReadOnlyDictionary<LocalDate, string> For(int year)
    {
        var days = new Dictionary<LocalDate, string>();
        void Add(LocalDate date, string name) =>
            days[date] = days.TryGetValue(date, out var existing) ? $"{existing}、{name}" : name;
        void AddRange(LocalDate first, int count, string name)
        {
            for (var i = 0; i < count; i++) Add(first.PlusDays(i), name);
        }

        Add(new LocalDate(year, 1, 1), "元旦");
        var newYear = ChineseDates.NewYear(year);
        switch (year)
        {
            case >= 2025: AddRange(newYear.PlusDays(-1), 4, "春节"); break;
            case >= 2014: AddRange(newYear, 3, "春节"); break;
            case >= 2008: AddRange(newYear.PlusDays(-1), 3, "春节"); break;
            default: AddRange(newYear, 3, "春节"); break;
        }
        if (year >= 2008) Add(ChineseDates.QingMing(year), "清明节");
        AddRange(new LocalDate(year, 5, 1), year switch { >= 2025 => 2, >= 2008 => 1, _ => 3 }, "劳动节");
        if (year >= 2008) Add(ChineseDates.DragonBoat(year), "端午节");
        AddRange(new LocalDate(year, 10, 1), 3, "国庆节");
        if (year >= 2008) Add(ChineseDates.MidAutumn(year), "中秋节");
        return days;
    }
}
