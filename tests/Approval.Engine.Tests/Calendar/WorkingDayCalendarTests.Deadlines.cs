using static Approval.Engine.Tests.Calendar.CalendarTestData;

namespace Approval.Engine.Tests.Calendar;

/// <summary>Deadlines counted in working days from the day after acceptance.</summary>
public partial class WorkingDayCalendarTests
{
    [Fact]
    public void Deadline_skips_national_day_and_counts_adjusted_sunday()
    {
        // 9/29 (Sun, 调休上班) = 1, 9/30 = 2, 10/1–7 off, 10/8 = 3, 10/9 = 4, 10/10 = 5.
        var answer = National.Deadline(D("2024-09-27"), 5);

        Assert.Equal((D("2024-10-10"), false, null), (answer.Date, answer.IsProvisional, answer.ProvisionalReason));
    }

    [Theory]
    [InlineData("2023-12-28", 2, "2024-01-02")] // 12/29 = 1; 12/30–1/1 off (2024 notice); 1/2 = 2
    [InlineData("2018-12-27", 2, "2018-12-29")] // 12/28 = 1; Saturday 12/29 works (2019 notice) = 2
    [InlineData("2018-12-28", 2, "2019-01-02")] // 12/29 = 1; 12/30–1/1 off; 1/2 = 2
    [InlineData("2025-12-31", 1, "2026-01-04")] // 1/1–1/3 off, Sunday 1/4 works (调休)
    public void Deadline_crosses_the_year_boundary_with_the_next_notice(string from, int days, string expected) =>
        Assert.Equal(D(expected), National.Deadline(D(from), days).Date);

    [Theory]
    [InlineData("2024-10-01", 1, "2024-10-08")] // accepted on a holiday: counting starts the next day anyway
    [InlineData("2024-02-08", 1, "2024-02-09")] // 除夕 2024 was a working day
    [InlineData("2026-02-13", 1, "2026-02-14")] // Saturday make-up day
    [InlineData("2026-02-13", 2, "2026-02-24")]
    [InlineData("2020-01-23", 1, "2020-02-03")] // the extended 2020 Spring Festival
    [InlineData("2019-04-30", 2, "2019-05-06")] // 5/5 (Sun) works = 1, 5/6 = 2
    public void Deadline_counts_only_working_days_after_acceptance(string from, int days, string expected) =>
        Assert.Equal(D(expected), National.Deadline(D(from), days).Date);

    [Fact]
    public void Deadline_of_zero_days_is_the_day_of_acceptance_itself() =>
        Assert.Equal(D("2024-10-03"), National.Deadline(D("2024-10-03"), 0).Date);

    [Fact]
    public void Twenty_working_days_of_administrative_licensing_law_art_42()
    {
        var accepted = D("2025-09-15");

        var due = National.Deadline(accepted, 20).Date;

        // 9/16–9/30 = 12 working days (incl. Sunday 9/28), 10/1–8 off, 10/9–10/17 = 8 more (incl. Saturday 10/11).
        Assert.Equal(D("2025-10-17"), due);
        Assert.Equal(20, National.WorkingDaysBetween(accepted, due).Days);
    }

    [Fact]
    public void Working_days_between_a_later_and_an_earlier_date_are_negative()
    {
        var forward = National.WorkingDaysBetween(D("2024-09-27"), D("2024-10-10"));
        var backward = National.WorkingDaysBetween(D("2024-10-10"), D("2024-09-27"));

        Assert.Equal((5, -5), (forward.Days, backward.Days));
    }

    [Fact]
    public void Working_days_between_a_date_and_itself_are_zero() =>
        Assert.Equal(0, National.WorkingDaysBetween(D("2024-05-06"), D("2024-05-06")).Days);

    [Theory]
    [InlineData("2024-10-01", "2024-10-08")]
    [InlineData("2024-10-08", "2024-10-08")]
    [InlineData("2024-09-28", "2024-09-29")] // Saturday → the Sunday make-up day
    [InlineData("2020-02-01", "2020-02-03")]
    public void Next_working_day_on_or_after_skips_days_off(string date, string expected) =>
        Assert.Equal(D(expected), National.NextWorkingDayOnOrAfter(D(date)));
}
