using Approval.Testing;
using Approval.Engine.Calendar;
using NodaTime;
using NodaTime.Text;

namespace Approval.Engine.Tests.Calendar;

/// <summary>The shipped calendar data, loaded once, and small helpers for the calendar tests.</summary>
internal static class CalendarTestData
{
    /// <summary>The repository's <c>workflows/calendars</c>.</summary>
    public static string DataDirectory { get; } = Path.Combine(RepositoryPaths.Workflows, "calendars");

    private static readonly Lazy<WorkingDayCalendars> Shipped = new(() => WorkingDayCalendars.FromDirectory(DataDirectory));
    private static readonly Lazy<WorkingDayCalendars> ShippedStrict =
        new(() => WorkingDayCalendars.FromDirectory(DataDirectory, new CalendarOptions { Strict = true }));

    public static string NationalFile => Path.Combine(DataDirectory, "national.json");

    public static WorkingDayCalendars Calendars => Shipped.Value;

    public static WorkingDayCalendar National => Shipped.Value.National;

    public static WorkingDayCalendar Strict => ShippedStrict.Value.National;

    public static LocalDate D(string iso) => LocalDatePattern.Iso.Parse(iso).GetValueOrThrow();

    /// <summary>A copy of the shipped data in a fresh temporary directory, deleted when disposed.</summary>
    public static TempDataDirectory CopyOfShippedData()
    {
        var temp = new TempDataDirectory();
        RepositoryPaths.CopyTree(DataDirectory, temp.Path);
        return temp;
    }

    public static string? FindUp(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (Directory.Exists(candidate) || File.Exists(candidate)) return candidate;
        }
        return null;
    }
}

/// <summary>A temporary data directory for tests that write calendar files.</summary>
internal sealed class TempDataDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("approval-calendar-").FullName;

    public string Write(string relative, string json)
    {
        var file = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, json);
        return file;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
