using System.Text.Json;
using Approval.Engine.Calendar;

namespace Approval.Engine.Tests.Calendar;

/// <summary>The JSON Schema administrators validate against says exactly what the loader accepts.</summary>
public class CalendarSchemaTests
{
    private static readonly JsonElement Schema = JsonDocument.Parse(File.ReadAllText(
        CalendarTestData.FindUp(Path.Combine("workflows", "schema", "calendar.schema.json"))!)).RootElement;

    public static TheoryData<string, string[]> Objects => new()
    {
        { "", CalendarFileReader.RootKeys },
        { "properties.region", CalendarFileReader.RegionKeys },
        { "$defs.year", CalendarFileReader.YearKeys },
        { "$defs.notice", CalendarFileReader.NoticeKeys },
        { "$defs.arrangement", CalendarFileReader.ArrangementKeys },
    };

    [Theory]
    [MemberData(nameof(Objects))]
    public void Schema_object_allows_exactly_the_keys_the_loader_allows(string path, string[] loaderKeys)
    {
        var node = path.Split('.', StringSplitOptions.RemoveEmptyEntries).Aggregate(Schema, (e, key) => e.GetProperty(key));

        Assert.False(node.GetProperty("additionalProperties").GetBoolean());
        Assert.Equal(loaderKeys.Order(), node.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order());
    }
}
