using System.Text.Json;
using Approval.Engine.ProjectCodes;

namespace Approval.Engine.Tests.ProjectCodes;

public class ProjectCodeJsonTests
{
    private sealed record Filing(ProjectCode Code);

    [Fact]
    public void Code_is_written_as_its_string()
    {
        var json = JsonSerializer.Serialize(new Filing(ProjectCode.Parse("2509-320193-89-01-544060")));

        Assert.Equal("""{"Code":"2509-320193-89-01-544060"}""", json);
    }

    [Fact]
    public void Code_is_read_back_normalised()
    {
        var filing = JsonSerializer.Deserialize<Filing>("""{"Code":" ２５０９－320193-89-01-544060 "}""");

        Assert.Equal(ProjectCode.Parse("2509-320193-89-01-544060"), filing!.Code);
        Assert.Equal(ProjectCodeFormat.Current, filing.Code.Format);
    }

    [Fact]
    public void Invalid_code_in_json_reports_the_segment()
    {
        var ex = Assert.Throws<InvalidProjectCodeException>(() => JsonSerializer.Deserialize<Filing>("""{"Code":"2513-320193-89-01-544060"}"""));

        Assert.Equal("yearMonth", ex.Error.Segment);
    }

    [Fact]
    public void Empty_code_round_trips_as_null()
    {
        var json = JsonSerializer.Serialize(new Filing(default));
        var back = JsonSerializer.Deserialize<Filing>(json);

        Assert.Equal("""{"Code":null}""", json);
        Assert.True(back!.Code.IsEmpty);
    }

    [Fact]
    public void Code_can_key_a_dictionary()
    {
        var map = new Dictionary<ProjectCode, int> { [ProjectCode.Parse("2020-451421-88-03-016343")] = 1 };

        var back = JsonSerializer.Deserialize<Dictionary<ProjectCode, int>>(JsonSerializer.Serialize(map));

        Assert.Equal(1, back![ProjectCode.Parse("2020-451421-88-03-016343")]);
    }
}
