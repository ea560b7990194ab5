namespace Approval.Engine.Calendar;

/// <summary>
/// The registry of working-day calendars (national and regional), registered as a singleton; resolve a calendar
/// per question so that a reload is seen.
/// </summary>
public interface IWorkingDayCalendars
{
    /// <summary>The national calendar (全国).</summary>
    WorkingDayCalendar National { get; }

    /// <summary>
    /// The calendar of a region by its 6-digit division code (or exact name); null or blank gives
    /// <see cref="National"/>.
    /// </summary>
    /// <exception cref="InvalidInputException">Field <c>region</c>: an unknown region; the message lists the known ones.</exception>
    WorkingDayCalendar For(string? region);

    /// <summary>The division codes of the regions that have an overlay.</summary>
    IReadOnlyCollection<string> Regions { get; }

    /// <summary>
    /// Re-reads the data directory (an administrator added next year's notice) and swaps in the new snapshot at
    /// once; on a data error throws <see cref="CalendarDataException"/> and keeps the old snapshot.
    /// </summary>
    void Reload();
}
