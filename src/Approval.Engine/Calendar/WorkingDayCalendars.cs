using NodaTime;

namespace Approval.Engine.Calendar;

/// <summary>
/// Loads the national calendar and the regional overlays from the data directory and keeps them as one immutable
/// snapshot that <see cref="Reload"/> replaces atomically.
/// </summary>
public sealed class WorkingDayCalendars : IWorkingDayCalendars
{
    private readonly CalendarOptions _options;
    private readonly DateTimeZone _zone;
    private readonly string _directory;
    private readonly Lock _reloading = new();
    private Snapshot _snapshot;

    /// <summary>Loads the calendars now, so that a bad data file fails start-up rather than the first request.</summary>
    /// <exception cref="CalendarDataException">A data file is wrong, or the directory cannot be found.</exception>
    /// <exception cref="ArgumentException">The time zone is not in NodaTime's tzdb.</exception>
    public WorkingDayCalendars(CalendarOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Copy(); // later changes to the caller's object must not half-apply
        _zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(_options.TimeZoneId)
            ?? throw new ArgumentException($"time zone '{_options.TimeZoneId}' is not in the tzdb", nameof(options));
        _directory = CalendarDirectory.Resolve(_options.DataDirectory);
        _snapshot = Load();
    }

    /// <summary>Loads the calendars from <paramref name="dir"/> with otherwise default (or given) options.</summary>
    public static WorkingDayCalendars FromDirectory(string dir, CalendarOptions? o = null)
    {
        var options = o?.Copy() ?? new CalendarOptions();
        options.DataDirectory = dir;
        return new WorkingDayCalendars(options);
    }

    /// <summary>The resolved data directory.</summary>
    public string DataDirectory => _directory;

    /// <inheritdoc />
    public WorkingDayCalendar National => Volatile.Read(ref _snapshot).National;

    /// <inheritdoc />
    public IReadOnlyCollection<string> Regions => Volatile.Read(ref _snapshot).Codes;

    /// <inheritdoc />
    public WorkingDayCalendar For(string? region)
    {
        var snapshot = Volatile.Read(ref _snapshot);
        if (string.IsNullOrWhiteSpace(region)) return snapshot.National;
        var key = region.Trim();
        if (snapshot.Regions.TryGetValue(key, out var calendar)) return calendar;
        var byName = snapshot.Regions.Values.FirstOrDefault(c => c.RegionName == key);
        if (byName is not null) return byName;
        var known = snapshot.Regions.Count == 0
            ? "none (only the national calendar is loaded)"
            : string.Join(", ", snapshot.Regions.Values.Select(c => $"{c.Region} ({c.RegionName})"));
        throw new InvalidInputException("region", $"unknown region '{key}'; known regions: {known}; leave it empty for the national calendar");
    }

    /// <inheritdoc />
    public void Reload()
    {
        // Two administrators reloading at once must not interleave; readers never wait.
        lock (_reloading) Volatile.Write(ref _snapshot, Load());
    }

    private Snapshot Load()
    {
        var data = CalendarDirectory.Load(_directory);
        var national = new WorkingDayCalendar(data.National, DayTableBuilder.Build(data.National, null), _zone, _options);
        var regions = data.Overlays.ToDictionary(
            o => o.Region!.Code,
            o => new WorkingDayCalendar(o, DayTableBuilder.Build(data.National, o), _zone, _options),
            StringComparer.Ordinal);
        return new Snapshot(national, regions, regions.Keys.Order(StringComparer.Ordinal).ToList().AsReadOnly());
    }

    private sealed record Snapshot(
        WorkingDayCalendar National,
        IReadOnlyDictionary<string, WorkingDayCalendar> Regions,
        IReadOnlyCollection<string> Codes);
}
