using System.Globalization;
using Approval.Engine.Calendar;
using NodaTime;

namespace Approval.Web.Components.Shared;

/// <summary>
/// How pages write dates and working days (the one place for it): 2024年10月10日, "剩余 3 个工作日", "已用 47 个工作日".
/// ISO dates go into <c>datetime</c> attributes (see <see cref="DateText"/>).
/// </summary>
public static class ChineseFormat
{
    /// <summary>2024年10月10日.</summary>
    public static string Date(LocalDate date) => $"{date.Year}年{date.Month}月{date.Day}日";

    /// <summary>2024年10月10日, or "—" when there is no date (yet).</summary>
    public static string Date(LocalDate? date) => date is { } d ? Date(d) : "—";

    /// <summary>2024-10-10, for <c>datetime</c> attributes and form values.</summary>
    public static string Iso(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>2024年10月10日 14:30 in the calendar's time zone (Asia/Shanghai).</summary>
    public static string DateTime(Instant instant, WorkingDayCalendar calendar)
    {
        var local = instant.InZone(calendar.Zone).LocalDateTime;
        return $"{Date(local.Date)} {local.Hour:00}:{local.Minute:00}";
    }

    /// <summary>2024年10月 (a month heading).</summary>
    public static string Month(YearMonth month) => $"{month.Year}年{month.Month}月";

    /// <summary>剩余 3 个工作日.</summary>
    public static string WorkingDaysLeft(int days) => $"剩余 {days} 个工作日";

    /// <summary>已用 47 个工作日.</summary>
    public static string WorkingDaysUsed(int days) => $"已用 {days} 个工作日";

    /// <summary>已超期 3 个工作日; just "已超期" on the deadline day itself after it ended.</summary>
    public static string Overdue(int days) => days > 0 ? $"已超期 {days} 个工作日" : "已超期";

    /// <summary>3 个工作日 (a period, e.g. a promised time limit).</summary>
    public static string WorkingDays(int days) => $"{days} 个工作日";

    /// <summary>A wait, rounded up to whole minutes and at least one: "约 3 分钟".</summary>
    public static string Minutes(TimeSpan wait) => $"约 {Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes))} 分钟";

    /// <summary>星期一 … 星期日.</summary>
    public static string DayOfWeek(IsoDayOfWeek day) => day switch
    {
        IsoDayOfWeek.Monday => "星期一", IsoDayOfWeek.Tuesday => "星期二", IsoDayOfWeek.Wednesday => "星期三",
        IsoDayOfWeek.Thursday => "星期四", IsoDayOfWeek.Friday => "星期五", IsoDayOfWeek.Saturday => "星期六",
        _ => "星期日",
    };
}
