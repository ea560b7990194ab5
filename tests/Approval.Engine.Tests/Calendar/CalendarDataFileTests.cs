using Approval.Engine.Calendar;

namespace Approval.Engine.Tests.Calendar;

/// <summary>A calendar file that cannot be trusted is refused, naming the file, the JSON path and the problem.</summary>
public class CalendarDataFileTests
{
    private const string Notice = """[ { "title": "t", "sources": ["s"] } ]""";

    private static string National(string arrangements, string status = "verified") => $$"""
        { "years": { "2024": { "status": "{{status}}", "notices": {{Notice}}, "arrangements": {{arrangements}} } } }
        """;

    private static CalendarDataException Refused(string nationalJson, params (string Path, string Json)[] more)
    {
        using var data = new TempDataDirectory();
        data.Write("national.json", nationalJson);
        foreach (var (path, json) in more) data.Write(path, json);
        return Assert.Throws<CalendarDataException>(() => WorkingDayCalendars.FromDirectory(data.Path));
    }

    [Fact]
    public void Date_listed_as_holiday_and_as_working_day_is_refused()
    {
        var error = Refused(National("""
            [ { "name": "国庆节", "holidays": ["2024-10-01..2024-10-07"] },
              { "name": "其他", "holidays": ["2024-02-10"], "workdays": ["2024-10-05"] } ]
            """));

        Assert.EndsWith("national.json", error.File);
        Assert.Equal("$.years['2024'].arrangements[1].workdays[0]", error.JsonPath);
        Assert.Contains("2024-10-05 is listed both as a holiday", error.Message);
        Assert.Contains("arrangements[0].holidays[0]", error.Problem);
    }

    [Fact]
    public void Same_holiday_in_two_years_of_the_national_data_is_refused()
    {
        var error = Refused("""
            { "years": {
              "2023": { "status": "unverified", "arrangements": [ { "name": "元旦", "holidays": ["2023-12-30"] } ] },
              "2024": { "status": "unverified", "arrangements": [ { "name": "元旦", "holidays": ["2023-12-30..2024-01-01"] } ] } } }
            """);

        Assert.Contains("2023-12-30 is listed twice", error.Problem);
    }

    [Theory]
    [InlineData("""["2024-02-30"]""", "'2024-02-30' is not a date")]
    [InlineData("""["2024-02-10..2024-02-01"]""", "ends before it starts")]
    [InlineData("""["2025-01-01"]""", "cannot belong to the 2024 notice")]
    [InlineData("""["2024-01-01..2024-03-01"]""", "surely a typo")]
    [InlineData("""[ 20240210 ]""", "expected string, found number 20240210")]
    public void Malformed_holiday_is_refused_at_its_path(string holidays, string problem)
    {
        var error = Refused(National($$"""[ { "name": "春节", "holidays": {{holidays}} } ]"""));

        Assert.Equal("$.years['2024'].arrangements[0].holidays[0]", error.JsonPath);
        Assert.Contains(problem, error.Problem);
    }

    [Fact]
    public void Working_day_on_a_weekday_is_refused_as_suspicious()
    {
        var error = Refused(National("""[ { "name": "春节", "holidays": ["2024-02-10"], "workdays": ["2024-02-19"] } ]"""));

        Assert.Contains("2024-02-19 is a Monday", error.Problem);
    }

    [Theory]
    [InlineData("""{ "yaers": {} }""", "$", "$.yaers: property 'yaers' is not allowed here (allowed: $schema, description, region, years)")]
    [InlineData("""{ "years": { "2024": { "status": "unverified", "holiday": [] } } }""", "$.years['2024'].holiday", "property 'holiday' is not allowed here")]
    [InlineData("""{ "years": { "24": { "status": "unverified" } } }""", "$.years['24']", "'24' is not an allowed name here: it does not match the pattern ^20[0-9]{2}$")]
    [InlineData("""{ "years": { "2024": { "status": "final" } } }""", "$.years['2024'].status", "\"final\" is not one of: \"verified\", \"unverified\"")]
    [InlineData("""{ "years": { "2024": { "status": "verified", "arrangements": [] } } }""", "$.years['2024']", "missing required property 'notices'")]
    [InlineData("""{ }""", "$", "missing required property 'years'")]
    public void Unexpected_structure_is_refused(string json, string path, string problem)
    {
        var error = Refused(json);

        Assert.Equal(path, error.JsonPath);
        Assert.Contains(problem, error.Problem);
    }

    [Fact]
    public void Invalid_json_names_the_line()
    {
        var error = Refused("{\n  \"years\": {\n    \"2024\": { \"status\" \"verified\" } } }");

        Assert.StartsWith("$ (line 3", error.JsonPath);
    }

    [Fact]
    public void Two_overlays_for_one_region_are_refused()
    {
        const string overlay = """{ "region": { "code": "650000", "name": "新疆维吾尔自治区" }, "years": {} }""";

        var error = Refused(National("""[ { "name": "春节", "holidays": ["2024-02-10"] } ]"""),
            ("regions/a.json", overlay), ("regions/b.json", overlay));

        Assert.EndsWith("b.json", error.File);
        Assert.Contains("already defined by", error.Problem);
    }

    [Fact]
    public void Overlay_contradicting_itself_is_refused()
    {
        var error = Refused(National("""[ { "name": "春节", "holidays": ["2024-02-10"] } ]"""), ("regions/x.json", """
            { "region": { "code": "650000", "name": "X" }, "years": { "2024": { "status": "unverified", "arrangements": [
              { "name": "古尔邦节", "holidays": ["2024-06-15..2024-06-17"], "workdays": ["2024-06-16"] } ] } } }
            """));

        Assert.EndsWith("x.json", error.File);
        Assert.Contains("2024-06-16 is listed both as a holiday", error.Problem);
    }

    [Fact]
    public void Overlay_cannot_make_a_national_holiday_a_working_day()
    {
        var error = Refused(National("""[ { "name": "春节", "holidays": ["2024-02-10..2024-02-17"] } ]"""), ("regions/x.json", """
            { "region": { "code": "650000", "name": "X" }, "years": { "2024": { "status": "unverified", "arrangements": [
              { "name": "x", "holidays": ["2024-03-01"], "workdays": ["2024-02-11"] } ] } } }
            """));

        Assert.Contains("is a national holiday", error.Problem);
    }

    [Fact]
    public void Overlay_without_a_region_is_refused() =>
        Assert.Equal("$.region", Refused(National("""[ { "name": "春节", "holidays": ["2024-02-10"] } ]"""), ("regions/x.json", """{ "years": {} }""")).JsonPath);

    [Fact]
    public void Missing_directory_is_refused()
    {
        var error = Assert.Throws<CalendarDataException>(() => WorkingDayCalendars.FromDirectory("/nonexistent/calendars"));

        Assert.Contains("not found", error.Problem);
    }

    [Fact]
    public void Comments_and_trailing_commas_are_forgiven()
    {
        using var data = new TempDataDirectory();
        data.Write("national.json", """
            // edited by hand
            { "years": { "2024": { "status": "unverified", "arrangements": [ { "name": "春节", "holidays": ["2024-02-10"], }, ], }, }, }
            """);

        Assert.Equal(DayKind.Holiday, WorkingDayCalendars.FromDirectory(data.Path).National.Describe(new NodaTime.LocalDate(2024, 2, 10)).Kind);
    }
}
