using Approval.Web.Tests.Infrastructure;
using NodaTime;

namespace Approval.Web.Tests.EndToEnd;

/// <summary>The "3-5-50" definitions from filing to completion with nothing but the API, tracked by the investor at each step.</summary>
public sealed class ThreeDefinitionsTests
{
    [Fact]
    public async Task Enterprise_establishment_end_to_end()
    {
        await using var factory = new ApprovalWebFactory();
        var walk = new ApiWalk(factory);
        await walk.FileAsync("enterprise-establishment");
        await walk.AcceptAsync();

        var tracked = await walk.TrackAsync();
        Assert.Equal("running", tracked.GetProperty("status").GetString());
        Assert.Equal("2024-10-08", tracked.GetProperty("expectedCompletionOn").GetString());

        await walk.DecideAllAsync("market-regulation", "decision", new { decision = "approve" });
        Assert.Equal(["human-resources", "public-security", "taxation"], (await walk.OpenDepartmentsAsync()).Order().ToArray());
        foreach (var department in new[] { "public-security", "taxation", "human-resources" })
            await walk.DecideAllAsync(department, "decision", new { decision = "approve", reasons = "符合条件" });

        factory.Clock.Reset(new LocalDateTime(2024, 9, 29, 16, 0).InZoneStrictly(DateTimeZoneProviders.Tzdb["Asia/Shanghai"]).ToInstant());
        await walk.IssueResultsAsync();

        var done = await walk.TrackAsync();
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.True(done.GetProperty("onTime").GetBoolean());
        var disclosed = await ApiWalk.Ok(await (await walk.As("anonymous")).GetAsync("/api/disclosure"));
        Assert.Contains(disclosed.GetProperty("items").EnumerateArray(), d => d.GetRawText().Contains(walk.Code!));
    }

    [Fact]
    public async Task Real_estate_registration_end_to_end()
    {
        await using var factory = new ApprovalWebFactory();
        var walk = new ApiWalk(factory);
        await walk.FileAsync("real-estate-registration");
        await walk.AcceptAsync();

        foreach (var department in new[] { "housing-construction", "taxation", "real-estate-registry" })
        {
            var tracked = await walk.TrackAsync();
            Assert.Contains(department, tracked.GetProperty("departments").GetRawText());
            await walk.DecideAllAsync(department, "decision", new { decision = "approve" });
        }
        await walk.IssueResultsAsync();

        Assert.Equal("completed", (await walk.TrackAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Industrial_construction_permit_end_to_end_with_a_correction_round()
    {
        await using var factory = new ApprovalWebFactory();
        var walk = new ApiWalk(factory);
        await walk.FileAsync("industrial-construction-permit", "fire-design");
        await walk.AcceptAsync(promisedBy: "2024-10-15");
        Assert.Equal("joint-pre-review", (await walk.TrackAsync()).GetProperty("steps").EnumerateArray()
            .Single(s => s.GetProperty("state").GetString() == "current").GetProperty("activityId").GetString());

        // Pre-review: natural resources asks for a correction; everyone else passes.
        foreach (var department in await walk.OpenDepartmentsAsync())
            await walk.DecideAllAsync(department, "opinion", department == "natural-resources"
                ? new { passed = false, correctionItems = new[] { "补充宗地界址图" } }
                : new { passed = true });
        var agent = await walk.As("agent");
        var corrections = await ApiWalk.Ok(await agent.GetAsync($"/api/projects/{walk.Id}/corrections"));
        var correction = corrections.EnumerateArray().Single();
        Assert.Contains("补充宗地界址图", correction.GetProperty("items").GetRawText());
        await ApiWalk.Ok(await agent.PostDecisionAsync($"/api/corrections/{correction.GetProperty("id").GetString()}",
            new { materials = new[] { "cadastral-map" }, note = "已补充" }));
        // The 容缺 item arrives on paper at the window, which fulfils the promise.
        await walk.HandInAsync("fire-design");
        Assert.Equal(["natural-resources"], await walk.OpenDepartmentsAsync());
        await walk.DecideAllAsync("natural-resources", "opinion", new { passed = true });

        // Site survey on the next working day.
        var window = await walk.As("window");
        await ApiWalk.Ok(await window.PostDecisionAsync($"/api/intake/{walk.Id}/survey", new { date = "2024-09-29" }));
        factory.Clock.Reset(new LocalDateTime(2024, 9, 29, 10, 0).InZoneStrictly(DateTimeZoneProviders.Tzdb["Asia/Shanghai"]).ToInstant());
        foreach (var department in await walk.OpenDepartmentsAsync())
            await walk.DecideAllAsync(department, "findings", new { agrees = true, findings = "现场与申报一致" });

        // Parallel approvals, dependencies opening as their predecessors are approved.
        for (var round = 0; round < 3; round++)
            foreach (var department in await walk.OpenDepartmentsAsync())
                await walk.DecideAllAsync(department, "decision", new { decision = "approve" });
        Assert.Empty(await walk.OpenDepartmentsAsync());

        await walk.IssueResultsAsync();
        var done = await walk.TrackAsync();
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.DoesNotContain("agent", done.GetProperty("history").GetRawText());
    }
}
