namespace Approval.Engine.Calendar;

/// <summary>Everything read from a data directory: the national layer and the regional overlays.</summary>
internal sealed record CalendarData(CalendarLayer National, IReadOnlyList<CalendarLayer> Overlays);

/// <summary>
/// Finds and reads a calendar data directory: every <c>*.json</c> directly inside it is national data, every
/// <c>regions/*.json</c> a regional overlay.
/// </summary>
internal static class CalendarDirectory
{
    public const string RegionsFolder = "regions";

    public static CalendarData Load(string directory)
    {
        if (!Directory.Exists(directory))
            throw new CalendarDataException(directory, "$", "calendar data directory not found");
        var nationalFiles = JsonFilesIn(directory);
        if (nationalFiles.Count == 0)
            throw new CalendarDataException(directory, "$", "no national calendar file (*.json) in the directory");
        var national = CalendarDataValidator.National(nationalFiles.Select(CalendarFileReader.Read).ToList());

        var overlayFiles = JsonFilesIn(Path.Combine(directory, RegionsFolder)).Select(CalendarFileReader.Read).ToList();
        CalendarDataValidator.DistinctRegions(overlayFiles);
        var overlays = overlayFiles.Select(f => CalendarDataValidator.Overlay(f, national)).ToList();
        return new CalendarData(national, overlays);
    }

    /// <summary>
    /// Resolves a configured directory: absolute as given; relative against the current directory, then against
    /// the application's directory and each of its parents (tests and benchmarks run from deep bin folders).
    /// </summary>
    public static string Resolve(string configured)
    {
        if (Path.IsPathRooted(configured)) return configured;
        var fromCurrent = Path.GetFullPath(configured);
        if (Directory.Exists(fromCurrent)) return fromCurrent;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, configured);
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new CalendarDataException(configured, "$",
            $"calendar data directory not found in {Directory.GetCurrentDirectory()} nor above {AppContext.BaseDirectory}; set CalendarOptions.DataDirectory");
    }

    // Sorted so that errors and merge order do not depend on the file system's listing order.
    private static List<string> JsonFilesIn(string directory) =>
        Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*.json", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal).ToList()
            : [];
}
