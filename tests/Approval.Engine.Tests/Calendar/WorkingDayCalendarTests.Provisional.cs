using Approval.Engine.Calendar;
using static Approval.Engine.Tests.Calendar.CalendarTestData;

namespace Approval.Engine.Tests.Calendar;

/// <summary>Years without a verified notice: answered from the law alone and flagged provisional.</summary>
public partial class WorkingDayCalendarTests
{
    private const string Reason2027 = "2027 年节假日安排尚未发布：按《全国年节及纪念日放假办法》推算，未含调休";

    [Theory]
    [InlineData("2027-01-01", "元旦")]
    [InlineData("2027-02-05", "春节")] // 除夕 (Friday): 初一 is Saturday 2027-02-06
    [InlineData("2027-02-06", "春节")]
    [InlineData("2027-02-08", "春节")] // 初三
    [InlineData("2027-04-05", "清明节")]
    [InlineData("2027-05-01", "劳动节")]
    [InlineData("2027-05-02", "劳动节")]
    [InlineData("2027-06-09", "端午节")]
    [InlineData("2027-09-15", "中秋节")]
    [InlineData("2027-10-01", "国庆节")]
    [InlineData("2027-10-03", "国庆节")]
    public void Unpublished_year_has_the_statutory_days_off_provisionally(string date, string name)
    {
        var day = National.Describe(D(date));

        Assert.Equal((DayKind.Holiday, name, true, Reason2027), (day.Kind, day.Name, day.IsProvisional, day.ProvisionalReason));
    }

    [Theory]
    [InlineData("2027-01-04", "2027-03-01", ProvisionalNote.NoticeNotPublished, Reason2027)]
    [InlineData("2026-12-21", "2027-03-01", ProvisionalNote.NextYearNoticeNotPublished, null)]    // 12-25 comes first
    [InlineData("2026-12-21", "2026-12-28", ProvisionalNote.NextYearNoticeNotPublished, null)]
    public void A_range_reaching_into_an_unpublished_year_is_provisional_with_its_first_days_code_and_reason(
        string from, string to, string code, string? reason)
    {
        var note = National.ProvisionalBetween(D(from), D(to));
        var deadlineDay = National.Describe(D(to));

        Assert.Equal(code, note?.Code);
        if (reason is not null) Assert.Equal(reason, note!.Reason);
        Assert.Equal(deadlineDay.IsProvisional, National.ProvisionalBetween(D(to).PlusDays(-1), D(to)) is not null);
    }

    [Theory]
    [InlineData("2024-09-27", "2024-12-31")]
    [InlineData("2026-12-21", "2026-12-24")]   // before 12-25 the 2027 notice cannot change a day
    [InlineData("2026-12-28", "2026-12-28")]   // an empty range: nothing counted
    public void A_range_the_verified_data_settles_is_not_provisional(string from, string to) =>
        Assert.Null(National.ProvisionalBetween(D(from), D(to)));

    [Theory]
    [InlineData("2027-02-09", DayKind.Workday)] // 初四: no 调休 is guessed
    [InlineData("2027-10-04", DayKind.Workday)]
    [InlineData("2027-10-09", DayKind.Weekend)] // no make-up Saturday is guessed either
    public void Unpublished_year_guesses_no_adjustment(string date, DayKind kind)
    {
        var day = National.Describe(D(date));

        Assert.Equal((kind, true), (day.Kind, day.IsProvisional));
    }

    [Fact]
    public void Year_before_the_data_uses_the_law_in_force_then()
    {
        // 2005: 1999 rules, 劳动节 5/1–5/3; 2010: 2007 rules, 除夕 (Saturday 2010-02-13) statutory; 2017: 2013 rules.
        Assert.Equal(DayKind.Holiday, National.Describe(D("2005-05-03")).Kind);
        Assert.Equal(DayKind.Workday, National.Describe(D("2010-05-03")).Kind);
        Assert.Equal("春节", National.Describe(D("2010-02-13")).Name);
        Assert.Equal(DayKind.Workday, National.Describe(D("2017-01-27")).Kind); // 除夕 2017, not statutory 2014–2024
        var midAutumn2017 = National.Describe(D("2017-10-04"));
        Assert.Equal((DayKind.Holiday, "中秋节", true), (midAutumn2017.Kind, midAutumn2017.Name, midAutumn2017.IsProvisional));
        Assert.StartsWith("2017 年节假日安排未载入日历数据", midAutumn2017.ProvisionalReason);
    }

    [Fact]
    public void Deadline_inside_published_year_is_not_provisional() =>
        Assert.False(National.Deadline(D("2026-12-15"), 5).IsProvisional); // 2026-12-22

    [Fact]
    public void Deadline_reaching_into_an_unpublished_year_is_provisional()
    {
        // 12/31 = 1; 1/1 off (statutory); 1/2–3 weekend; 1/4 = 2.
        var answer = National.Deadline(D("2026-12-30"), 2);

        Assert.Equal((D("2027-01-04"), true), (answer.Date, answer.IsProvisional));
        Assert.Contains("2027", answer.ProvisionalReason);
    }

    [Fact]
    public void Late_december_waits_for_the_next_years_new_year_arrangement()
    {
        // The 2019 notice changed 2018-12-29/31; so 2026-12-25 onwards is settled only by the 2027 notice.
        var answer = National.Deadline(D("2026-12-21"), 4);

        Assert.Equal((D("2026-12-25"), true), (answer.Date, answer.IsProvisional));
        Assert.StartsWith("2027 年节假日安排尚未发布：2026 年 12 月 25 日以后", answer.ProvisionalReason);
        Assert.False(National.Describe(D("2026-12-24")).IsProvisional);
    }

    [Fact]
    public void Count_over_a_range_touching_an_unpublished_year_is_provisional()
    {
        var count = National.WorkingDaysBetween(D("2026-06-01"), D("2027-01-10"));

        Assert.True(count.IsProvisional);
        Assert.False(National.WorkingDaysBetween(D("2026-06-01"), D("2026-12-01")).IsProvisional);
    }

    [Fact]
    public void Strict_calendar_answers_published_years() =>
        Assert.Equal(D("2024-10-10"), Strict.Deadline(D("2024-09-27"), 5).Date);

    [Fact]
    public void Strict_calendar_refuses_to_describe_an_unpublished_year()
    {
        var error = Assert.Throws<CalendarYearNotPublishedException>(() => Strict.Describe(D("2027-03-01")));

        Assert.Equal(("date", 2027), (error.Field, error.Year));
        Assert.Contains("national.json", error.Message);
        Assert.Contains("README.md", error.Message);
    }

    [Fact]
    public void Strict_calendar_refuses_a_deadline_running_into_an_unpublished_year()
    {
        var error = Assert.Throws<CalendarYearNotPublishedException>(() => Strict.Deadline(D("2026-12-28"), 10));

        Assert.Equal(("from", 2027), (error.Field, error.Year));
    }

    [Fact]
    public void Strict_calendar_names_the_end_of_the_range_that_is_unpublished()
    {
        var forward = Assert.Throws<CalendarYearNotPublishedException>(() => Strict.WorkingDaysBetween(D("2026-06-01"), D("2027-01-10")));
        var backward = Assert.Throws<CalendarYearNotPublishedException>(() => Strict.WorkingDaysBetween(D("2027-01-10"), D("2026-06-01")));

        Assert.Equal(("to", "from"), (forward.Field, backward.Field));
    }

    [Fact]
    public void Strict_calendar_refusal_is_an_invalid_input() =>
        Assert.IsAssignableFrom<InvalidInputException>(Record.Exception(() => Strict.IsWorkingDay(D("2030-01-02"))));
}
