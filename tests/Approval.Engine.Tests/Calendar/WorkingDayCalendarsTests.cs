using System.Text.Json.Nodes;
using Approval.Engine.Calendar;
using static Approval.Engine.Tests.Calendar.CalendarTestData;

namespace Approval.Engine.Tests.Calendar;

/// <summary>The registry: regions, regional overlays and reloading the data directory.</summary>
public class WorkingDayCalendarsTests
{
    private const string Xinjiang = "650000";

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void No_region_means_the_national_calendar(string? region) =>
        Assert.Same(Calendars.National, Calendars.For(region));

    [Fact]
    public void Region_is_found_by_code_or_name()
    {
        Assert.Equal(Xinjiang, Calendars.For(Xinjiang).Region);
        Assert.Same(Calendars.For(Xinjiang), Calendars.For("新疆维吾尔自治区"));
        Assert.Contains(Xinjiang, Calendars.Regions);
        Assert.Null(Calendars.National.Region);
    }

    [Fact]
    public void Unknown_region_is_refused_listing_the_known_ones()
    {
        var error = Assert.Throws<InvalidInputException>(() => Calendars.For("990000"));

        Assert.Equal("region", error.Field);
        Assert.Contains("unknown region '990000'", error.Message);
        Assert.Contains("650000 (新疆维吾尔自治区)", error.Message);
    }

    [Fact]
    public void Regional_overlay_adds_its_holidays_to_the_national_ones()
    {
        var xinjiang = Calendars.For(Xinjiang);

        var eid = xinjiang.Describe(D("2025-03-31"));
        Assert.Equal((DayKind.Holiday, "肉孜节", false), (eid.Kind, eid.Name, eid.IsProvisional));
        Assert.Equal(DayKind.Workday, Calendars.National.Describe(D("2025-03-31")).Kind);
        Assert.Equal("国庆节、中秋节", xinjiang.Describe(D("2025-10-02")).Name);
    }

    [Fact]
    public void Regional_deadline_skips_the_regional_break()
    {
        // 古尔邦节 2025: 6/6 (Fri) to 6/10 (Tue) off in Xinjiang only.
        Assert.Equal(D("2025-06-11"), Calendars.For(Xinjiang).Deadline(D("2025-06-05"), 1).Date);
        Assert.Equal(D("2025-06-06"), Calendars.National.Deadline(D("2025-06-05"), 1).Date);
    }

    [Fact]
    public void Regional_year_without_overlay_data_is_provisional()
    {
        var day = Calendars.For(Xinjiang).Describe(D("2024-05-06"));

        Assert.True(day.IsProvisional);
        Assert.Equal("新疆维吾尔自治区 2024 年地方节日安排未载入：仅按全国安排计算", day.ProvisionalReason);
        Assert.False(Calendars.National.Describe(D("2024-05-06")).IsProvisional);
    }

    [Fact]
    public void Regional_year_marked_unverified_is_provisional() =>
        Assert.Equal("新疆维吾尔自治区 2023 年地方节日安排未经核实", Calendars.For(Xinjiang).Describe(D("2023-04-21")).ProvisionalReason);

    [Fact]
    public void Reload_picks_up_a_newly_added_year()
    {
        using var data = CopyOfShippedData();
        var calendars = WorkingDayCalendars.FromDirectory(data.Path);
        var before = calendars.National;
        Assert.True(before.Describe(D("2027-03-01")).IsProvisional);

        AddYear2027(Path.Combine(data.Path, "national.json"));
        calendars.Reload();

        var after = calendars.National.Describe(D("2027-01-04"));
        Assert.Equal((DayKind.Holiday, "元旦", false), (after.Kind, after.Name, after.IsProvisional));
        Assert.Equal((DayKind.AdjustedWorkday, false), (calendars.National.Describe(D("2027-01-09")).Kind, calendars.National.Describe(D("2027-03-01")).IsProvisional));
        Assert.True(before.Describe(D("2027-01-04")).IsProvisional); // a calendar already handed out is an unchanged snapshot
    }

    [Fact]
    public void Failed_reload_keeps_the_previous_calendars()
    {
        using var data = CopyOfShippedData();
        var calendars = WorkingDayCalendars.FromDirectory(data.Path);
        data.Write("national.json", "{ \"years\": ");

        Assert.Throws<CalendarDataException>(calendars.Reload);
        Assert.Equal(D("2024-10-10"), calendars.National.Deadline(D("2024-09-27"), 5).Date);
    }

    [Fact]
    public void Relative_data_directory_is_found_above_the_application_directory() =>
        Assert.Equal(Path.GetFullPath(DataDirectory), Path.GetFullPath(new WorkingDayCalendars(new CalendarOptions()).DataDirectory));

    /// <summary>A fake 2027 arrangement: 元旦 1/1–1/4 off with Saturday 1/9 worked.</summary>
    private static void AddYear2027(string file)
    {
        var root = JsonNode.Parse(File.ReadAllText(file))!;
        root["years"]!["2027"] = JsonNode.Parse("""
            {
              "status": "verified",
              "notices": [ { "title": "test notice", "sources": ["test"] } ],
              "arrangements": [ { "name": "元旦", "holidays": ["2027-01-01..2027-01-04"], "workdays": ["2027-01-09"] } ]
            }
            """);
        File.WriteAllText(file, root.ToJsonString());
    }
}
