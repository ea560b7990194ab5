using NodaTime;

namespace Approval.Engine.Calendar;

/// <summary>How the working-day calendars are loaded and how their days end.</summary>
public sealed class CalendarOptions
{
    /// <summary>The government's time zone, looked up in NodaTime's tzdb (never the operating system's).</summary>
    public string TimeZoneId { get; set; } = "Asia/Shanghai";

    /// <summary>
    /// The local time at which a deadline day ends; <c>null</c> (or midnight) means 24:00, as 民法典 art. 203 says
    /// unless business hours apply.
    /// </summary>
    public LocalTime? DayEndsAt { get; set; }

    /// <summary>
    /// Refuse provisional answers: a question touching a year whose arrangement is not verified throws
    /// <see cref="CalendarYearNotPublishedException"/> instead of answering from the law alone.
    /// </summary>
    public bool Strict { get; set; }

    /// <summary>
    /// The folder holding <c>*.json</c> national files and <c>regions/*.json</c> overlays. A relative path is looked
    /// up in the current directory first, then in the application's directory and each of its parents.
    /// </summary>
    public string DataDirectory { get; set; } = "workflows/calendars";

    internal CalendarOptions Copy() => (CalendarOptions)MemberwiseClone();
}
