using System.Text.Json;
using Approval.Engine.Definitions;
using NodaTime;
using NodaTime.Text;

namespace Approval.Engine.Calendar;

/// <summary>
/// Reads one calendar data file, checked first against <c>workflows/schema/calendar.schema.json</c> (embedded in this
/// assembly), then each entry on its own; checks across entries and files are <see cref="CalendarDataValidator"/>'s.
/// </summary>
/// <remarks>
/// The schema's report comes first, in the words the definition files get; the reader's own checks then cover what
/// a schema cannot say (a real date, a weekend working day, the notice year, a range's length).
/// </remarks>
internal static class CalendarFileReader
{
    // Administrators edit these files by hand: comments and a trailing comma are forgiven, unknown keys are not.
    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private const int LongestBreak = 31;

    private static readonly Lazy<WorkflowSchema> Schema = new(() =>
    {
        using var stream = typeof(CalendarFileReader).Assembly.GetManifestResourceStream("calendar.schema.json")
            ?? throw new InvalidOperationException("calendar.schema.json is not embedded in the engine");
        using var reader = new StreamReader(stream);
        return WorkflowSchema.Parse(reader.ReadToEnd());
    });

    // The keys each object may have; a test holds them equal to workflows/schema/calendar.schema.json.
    internal static readonly string[] RootKeys = ["$schema", "description", "region", "years"];
    internal static readonly string[] RegionKeys = ["code", "name"];
    internal static readonly string[] YearKeys = ["status", "notices", "arrangements", "notes"];
    internal static readonly string[] NoticeKeys = ["title", "number", "issued", "sources"];
    internal static readonly string[] ArrangementKeys = ["name", "holidays", "workdays", "notes"];

    public static CalendarFile Read(string file)
    {
        using var document = Parse(file);
        var errors = Schema.Value.Validate(document.RootElement);
        if (errors.Count > 0)
            // The exception names one path; the file's other problems ride along, so one reload shows them all.
            throw new CalendarDataException(file, errors[0].Path,
                string.Join("; ", errors.Select((e, i) => i == 0 ? e.Message : $"{e.Path}: {e.Message}")));
        var root = JsonFields.Of(document.RootElement, file, "$", RootKeys);
        root.OptionalString("description");
        var region = root.Optional("region") is { } r ? ReadRegion(JsonFields.Of(r, file, root.PathOf("region"), RegionKeys)) : null;
        var years = root.Required("years");
        if (years.ValueKind != JsonValueKind.Object)
            throw new CalendarDataException(file, root.PathOf("years"), "expected an object keyed by year, e.g. \"2027\": { ... }");

        var list = new List<YearData>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var year in years.EnumerateObject())
        {
            var path = $"{root.PathOf("years")}['{year.Name}']";
            if (!seen.Add(year.Name)) throw new CalendarDataException(file, path, $"year {year.Name} appears twice");
            if (year.Name.Length != 4 || !int.TryParse(year.Name, out var number)
                || number is < SupportedRange.FirstYear or > SupportedRange.LastYear)
                throw new CalendarDataException(file, path,
                    $"'{year.Name}' is not a year key; expected four digits from {SupportedRange.FirstYear} to {SupportedRange.LastYear}");
            list.Add(ReadYear(number, JsonFields.Of(year.Value, file, path, YearKeys), file));
        }
        return new CalendarFile(file, region, list);
    }

    private static JsonDocument Parse(string file)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllBytes(file), Options);
        }
        catch (JsonException e)
        {
            throw new CalendarDataException(file, $"$ (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})", $"not valid JSON: {e.Message}");
        }
    }

    private static RegionDescriptor ReadRegion(JsonFields region)
    {
        var code = region.RequiredString("code");
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
            throw new CalendarDataException(region.File, region.PathOf("code"), $"'{code}' is not a 6-digit administrative division code, e.g. 650000");
        return new RegionDescriptor(code, region.RequiredString("name"));
    }

    private static YearData ReadYear(int year, JsonFields fields, string file)
    {
        var status = fields.RequiredString("status");
        if (status is not ("verified" or "unverified"))
            throw new CalendarDataException(file, fields.PathOf("status"), $"'{status}' is not a status; expected 'verified' or 'unverified'");
        var notices = fields.Array("notices").Select(n => ReadNotice(JsonFields.Of(n.Element, file, n.Path, NoticeKeys))).ToList();
        var days = new List<DayEntry>();
        foreach (var (element, path) in fields.Array("arrangements"))
        {
            var arrangement = JsonFields.Of(element, file, path, ArrangementKeys);
            var name = arrangement.RequiredString("name");
            arrangement.OptionalString("notes");
            arrangement.Required("holidays");
            foreach (var (item, itemPath) in arrangement.Array("holidays"))
            {
                foreach (var date in ReadDays(arrangement, item, itemPath, year))
                    days.Add(new DayEntry(date, true, name, year, file, itemPath));
            }
            foreach (var (item, itemPath) in arrangement.Array("workdays"))
            {
                var date = ReadDate(arrangement, item, itemPath, year);
                if (date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday))
                    throw new CalendarDataException(file, itemPath,
                        $"{date:yyyy-MM-dd} is a {date.DayOfWeek}: a working day listed here must be a Saturday or Sunday (调休上班); a weekday already is one");
                days.Add(new DayEntry(date, false, name + "调休上班", year, file, itemPath));
            }
        }
        var verified = status == "verified";
        if (verified && (notices.Count == 0 || days.Count == 0))
            throw new CalendarDataException(file, fields.Path, "a verified year needs at least one notice and one arrangement; mark it 'unverified' otherwise");
        var info = new CalendarYear(year, verified, notices, fields.OptionalString("notes"));
        return new YearData(info, days, file, fields.Path);
    }

    private static CalendarNotice ReadNotice(JsonFields notice)
    {
        var issued = notice.Optional("issued") is { } i ? ParseDate(notice, notice.String(i, notice.PathOf("issued")), notice.PathOf("issued")) : (LocalDate?)null;
        var sources = notice.Array("sources").Select(s => notice.String(s.Element, s.Path)).ToList();
        return new CalendarNotice(notice.RequiredString("title"), notice.OptionalString("number"), issued, sources);
    }

    private static IEnumerable<LocalDate> ReadDays(JsonFields owner, JsonElement item, string path, int year)
    {
        var text = owner.String(item, path);
        var parts = text.Split("..");
        if (parts.Length > 2) throw new CalendarDataException(owner.File, path, $"'{text}' is neither a date nor a range yyyy-MM-dd..yyyy-MM-dd");
        var first = CheckYear(owner, ParseDate(owner, parts[0], path), path, year);
        var last = parts.Length == 2 ? CheckYear(owner, ParseDate(owner, parts[1], path), path, year) : first;
        var length = Period.DaysBetween(first, last) + 1;
        if (length < 1) throw new CalendarDataException(owner.File, path, $"range '{text}' ends before it starts");
        if (length > LongestBreak) throw new CalendarDataException(owner.File, path, $"range '{text}' is {length} days long; a break longer than {LongestBreak} days is surely a typo");
        return Enumerable.Range(0, length).Select(first.PlusDays);
    }

    private static LocalDate ReadDate(JsonFields owner, JsonElement item, string path, int year) =>
        CheckYear(owner, ParseDate(owner, owner.String(item, path), path), path, year);

    private static LocalDate ParseDate(JsonFields owner, string text, string path)
    {
        var result = LocalDatePattern.Iso.Parse(text);
        return result.Success ? result.Value : throw new CalendarDataException(owner.File, path, $"'{text}' is not a date; expected yyyy-MM-dd");
    }

    // A notice for year Y can reach back into December of Y-1 (元旦 blocks), never further.
    private static LocalDate CheckYear(JsonFields owner, LocalDate date, string path, int year) =>
        date.Year == year || (date.Year == year - 1 && date.Month == 12)
            ? date
            : throw new CalendarDataException(owner.File, path, $"{date:yyyy-MM-dd} cannot belong to the {year} notice; its dates lie in {year} or in December {year - 1}");
}
