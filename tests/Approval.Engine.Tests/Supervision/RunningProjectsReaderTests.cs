using Approval.Engine.Supervision;
using Approval.Engine.Tests.Runtime;
using Approval.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Engine.Tests.Supervision;

/// <summary>What the administrator's pages read of running projects: counts per definition version, and deadlines.</summary>
public sealed class RunningProjectsReaderTests
{
    [Fact]
    public async Task Only_running_projects_are_counted_per_definition_version_and_listed_with_their_deadline()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 9, 27, 10));
        var first = await h.FileAndAcceptAsync("enterprise-establishment");
        var second = await h.FileAndAcceptAsync("enterprise-establishment");
        await h.FileAsync("industrial-construction-permit");   // filed, not yet accepted: not running
        var reader = h.Services.GetRequiredService<ProjectReader>();

        var counts = await reader.RunningPerVersionAsync();
        var deadlines = await reader.RunningDeadlinesAsync();

        Assert.Equal(new Dictionary<(string, int), int> { [("enterprise-establishment", 1)] = 2 }, counts);
        Assert.Equal(new[] { first, second }.Order(), deadlines.Select(d => d.ProjectId).Order());
        Assert.All(deadlines, d => Assert.Equal(new NodaTime.LocalDate(2024, 10, 8), d.DueOn));
    }
}
