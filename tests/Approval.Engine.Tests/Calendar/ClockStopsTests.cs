using Approval.Engine.Calendar;
using NodaTime;
using static Approval.Engine.Tests.Calendar.CalendarTestData;

namespace Approval.Engine.Tests.Calendar;

/// <summary>Parsing and merging of clock stops.</summary>
public class ClockStopsTests
{
    [Fact]
    public void Parse_reads_single_dates_and_ranges()
    {
        var stops = ClockStops.Parse("2024-10-15, 2024-10-08..2024-10-09");

        Assert.Equal([new DateInterval(D("2024-10-08"), D("2024-10-09")), new DateInterval(D("2024-10-15"), D("2024-10-15"))], stops.Ranges);
    }

    [Fact]
    public void Overlapping_and_adjacent_ranges_merge()
    {
        var stops = ClockStops.From([
            new DateInterval(D("2024-10-01"), D("2024-10-05")),
            new DateInterval(D("2024-10-06"), D("2024-10-06")),
            new DateInterval(D("2024-10-03"), D("2024-10-04")),
            new DateInterval(D("2024-10-08"), D("2024-10-09")),
        ]);

        Assert.Equal("2024-10-01..2024-10-06,2024-10-08..2024-10-09", stops.ToString());
    }

    [Theory]
    [InlineData("2026-12-02", "2026-12-02", "")]                        // answered the day it was asked: nothing
    [InlineData("2026-12-02", "2026-12-03", "2026-12-03")]              // the next day: that day
    [InlineData("2026-12-04", "2026-12-07", "2026-12-05..2026-12-07")]  // Friday to Monday
    public void A_correction_asked_on_D_and_answered_on_E_stops_D_plus_1_to_E(string asked, string answered, string stopped)
    {
        var stops = ClockStops.FromRecorded([(ClockStops.StartsAfter(D(asked)), ClockStops.ResumesAfter(D(answered)))]);

        Assert.Equal(stopped, stops.ToString());
    }

    [Fact]
    public void A_recorded_stop_covers_its_start_up_to_but_not_including_the_day_counting_resumes()
    {
        Assert.Equal(new DateInterval(D("2026-12-03"), D("2026-12-04")), ClockStops.Covering(D("2026-12-03"), D("2026-12-05")));
        Assert.Null(ClockStops.Covering(D("2026-12-03"), D("2026-12-03")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Blank_text_means_no_stops(string? text) => Assert.Same(ClockStops.None, ClockStops.Parse(text));

    [Fact]
    public void Text_form_reads_back_to_the_same_stops()
    {
        var stops = ClockStops.Parse("2024-10-08..2024-10-09,2024-10-15");

        Assert.Equal(stops.Ranges, ClockStops.Parse(stops.ToString()).Ranges);
    }

    [Theory]
    [InlineData("2024-10-08..", "item 1")]
    [InlineData("2024-10-08,2024-13-01", "item 2 ('2024-13-01')")]
    [InlineData("2024-10-09..2024-10-08", "ends before it starts")]
    [InlineData("2024-10-08,,2024-10-09", "item 2 is empty")]
    [InlineData("2024-10-08..2024-10-09..2024-10-10", "more than one '..'")]
    [InlineData("yesterday", "expected a date yyyy-MM-dd")]
    public void Malformed_stops_name_the_item_and_what_was_expected(string text, string expected)
    {
        var error = Assert.Throws<InvalidInputException>(() => ClockStops.Parse(text));

        Assert.Equal("stops", error.Field);
        Assert.Contains(expected, error.Message);
    }
}
