using System.Text.Json;
using Approval.Engine.Calendar;
using NodaTime;
using static Approval.Engine.Tests.Calendar.CalendarTestData;

namespace Approval.Engine.Tests.Calendar;

/// <summary>Every date of the shipped national file, read independently of the loader, is answered as listed.</summary>
public partial class WorkingDayCalendarTests
{
    public static TheoryData<int> PublishedYears => new(Enumerable.Range(2018, 9));

    [Theory]
    [MemberData(nameof(PublishedYears))]
    public void Every_listed_holiday_and_working_day_of_the_year_is_answered_as_listed(int year)
    {
        var (holidays, workdays) = ListedIn(NationalFile, year);
        Assert.NotEmpty(holidays);

        foreach (var (date, name) in holidays)
            Assert.Equal((date, DayKind.Holiday, name, false), Summary(National.Describe(date)));
        foreach (var (date, name) in workdays)
            Assert.Equal((date, DayKind.AdjustedWorkday, name + "调休上班", false), Summary(National.Describe(date)));
    }

    [Theory]
    [MemberData(nameof(PublishedYears))]
    public void Every_other_day_of_the_year_is_an_ordinary_weekday_or_weekend(int year)
    {
        // The next notice may reach back into this year's December (2018-12-29..31 are in the 2019 notice).
        var listed = new[] { year, year + 1 }.Where(y => y <= 2026)
            .SelectMany(y => ListedIn(NationalFile, y) is var (h, w) ? h.Keys.Concat(w.Keys) : [])
            .ToHashSet();

        for (var date = new LocalDate(year, 1, 1); date.Year == year; date = date.PlusDays(1))
        {
            if (listed.Contains(date)) continue;
            var expected = date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday ? DayKind.Weekend : DayKind.Workday;
            // Late December 2026 waits for the 2027 notice, which may still move its days.
            var provisional = year == 2026 && date.Month == 12 && date.Day >= 25;
            var day = National.Describe(date);
            Assert.True(day.Kind == expected && day.IsProvisional == provisional, $"{date}: {day}");
        }
    }

    [Theory]
    [MemberData(nameof(PublishedYears))]
    public void Shipped_file_agrees_with_the_research_reference(int year)
    {
        var reference = FindUp(Path.Combine("shared", "reference", "holidays-cn.json"));
        if (reference is null) Assert.Skip("shared/reference/holidays-cn.json is not beside the repository");
        using var document = JsonDocument.Parse(File.ReadAllText(reference));
        var entry = document.RootElement.GetProperty(year.ToString());
        var (holidays, workdays) = ListedIn(NationalFile, year);

        Assert.Equal(Dates(entry, "holidays"), holidays.Keys.Order());
        Assert.Equal(Dates(entry, "workdays"), workdays.Keys.Order());
    }

    private static (LocalDate, DayKind, string?, bool) Summary(CalendarDay day) => (day.Date, day.Kind, day.Name, day.IsProvisional);

    private static IEnumerable<LocalDate> Dates(JsonElement entry, string key) =>
        entry.GetProperty(key).EnumerateArray().Select(e => D(e.GetString()!)).Order();

    /// <summary>The year's holidays and make-up days with their arrangement names, read straight from the file.</summary>
    private static (Dictionary<LocalDate, string> Holidays, Dictionary<LocalDate, string> Workdays) ListedIn(string file, int year)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(file));
        var holidays = new Dictionary<LocalDate, string>();
        var workdays = new Dictionary<LocalDate, string>();
        foreach (var arrangement in document.RootElement.GetProperty("years").GetProperty(year.ToString()).GetProperty("arrangements").EnumerateArray())
        {
            var name = arrangement.GetProperty("name").GetString()!;
            foreach (var item in arrangement.GetProperty("holidays").EnumerateArray())
            {
                var parts = item.GetString()!.Split("..");
                for (var d = D(parts[0]); d <= D(parts[^1]); d = d.PlusDays(1)) holidays.Add(d, name);
            }
            if (arrangement.TryGetProperty("workdays", out var days))
            {
                foreach (var item in days.EnumerateArray()) workdays.Add(D(item.GetString()!), name);
            }
        }
        return (holidays, workdays);
    }
}
