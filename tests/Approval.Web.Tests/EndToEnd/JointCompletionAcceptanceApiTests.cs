using System.Net.Http.Json;
using System.Text.Json;
using Approval.Web.Tests.Infrastructure;
using NodaTime;

namespace Approval.Web.Tests.EndToEnd;

/// <summary>
/// 竣工联合验收 through the API only: it follows the construction permit completed under the same project code, runs
/// across National Day 2024 and ends with one 联合验收意见书; both applications show each other.
/// </summary>
public sealed class JointCompletionAcceptanceApiTests
{
    private static Instant At(int month, int day) =>
        new LocalDateTime(2024, month, day, 10, 0).InZoneStrictly(DateTimeZoneProviders.Tzdb["Asia/Shanghai"]).ToInstant();

    /// <summary>The permit filed and accepted on 2024-09-27, surveyed and decided on 09-29 (a working Sunday), issued.</summary>
    private static async Task<(Guid Id, string Code)> CompletedPermitAsync(ApprovalWebFactory factory, ApiWalk walk)
    {
        await walk.FileAsync("industrial-construction-permit");
        await walk.AcceptAsync();
        foreach (var department in await walk.OpenDepartmentsAsync())
            await walk.DecideAllAsync(department, "opinion", new { passed = true });
        await ApiWalk.Ok(await (await walk.As("window")).PostDecisionAsync($"/api/intake/{walk.Id}/survey", new { date = "2024-09-29" }));
        factory.Clock.Reset(At(9, 29));
        foreach (var department in await walk.OpenDepartmentsAsync())
            await walk.DecideAllAsync(department, "findings", new { agrees = true, findings = "现场与申报一致" });
        for (var round = 0; round < 3; round++)
            foreach (var department in await walk.OpenDepartmentsAsync())
                await walk.DecideAllAsync(department, "decision", new { decision = "approve" });
        await walk.IssueResultsAsync();
        return (walk.Id, walk.Code!);
    }

    [Fact]
    public async Task Acceptance_follows_the_permit_by_its_code_and_issues_the_joint_acceptance_document()
    {
        await using var factory = new ApprovalWebFactory();
        var walk = new ApiWalk(factory);
        var (permitId, code) = await CompletedPermitAsync(factory, walk);

        // Monday 2024-09-30, the day before National Day (10-01..10-07; 10-12 is a working Saturday).
        factory.Clock.Reset(At(9, 30));
        await walk.FileAsync("joint-completion-acceptance", code, []);
        await walk.AcceptAsync();
        Assert.Equal(code, walk.Code);
        var tracked = await walk.TrackAsync();
        // 10-08, 09, 10, 11, 12 (调休), 14, 15, 16, 17, 18: the 10th working day after acceptance.
        Assert.Equal("2024-10-18", tracked.GetProperty("expectedCompletionOn").GetString());

        // One inspection date for the five departments, the first working day after the holiday.
        Assert.Equal(["civil-air-defence", "development-reform", "fire-rescue", "housing-construction", "natural-resources"],
            (await walk.OpenDepartmentsAsync()).Order(StringComparer.Ordinal));
        await ApiWalk.Ok(await (await walk.As("window")).PostDecisionAsync($"/api/intake/{walk.Id}/survey", new { date = "2024-10-08" }));
        factory.Clock.Reset(At(10, 8));
        foreach (var department in await walk.OpenDepartmentsAsync())
            await walk.DecideAllAsync(department, "findings", new { agrees = true, findings = "现场与竣工图一致" });

        // The four acceptances, then 竣工验收备案 once 规划、消防、人防 are in.
        Assert.Equal(["civil-air-defence", "development-reform", "housing-construction", "natural-resources"],
            (await walk.OpenDepartmentsAsync()).Order(StringComparer.Ordinal));
        foreach (var department in await walk.OpenDepartmentsAsync())
            await walk.DecideAllAsync(department, "decision", new { decision = "approve", reasons = "验收合格" });
        var filing = Assert.Single(await walk.TasksOfAsync("housing-construction"));
        Assert.Equal("ZJ-005", filing.GetProperty("matterCode").GetString());
        await walk.DecideAllAsync("housing-construction", "decision", new { decision = "approve", reasons = "予以备案" });
        await walk.IssueResultsAsync();

        var done = await walk.TrackAsync();
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.True(done.GetProperty("onTime").GetBoolean());
        var detail = await ApiWalk.Ok(await (await walk.As("agent")).GetAsync($"/api/projects/{walk.Id}"));
        var journal = detail.GetProperty("journal").EnumerateArray().ToList();
        Assert.Contains(journal, j => j.GetProperty("event").GetString() == "followsApplication"
            && j.GetProperty("reasons").GetString()!.Contains($"工业建设项目施工许可（投资项目统一代码 {code}"));
        Assert.Contains(journal, j => j.GetProperty("event").GetString() == "completed"
            && j.GetProperty("reasons").GetString()!.StartsWith("出具联合验收意见书"));
        var earlier = Assert.Single(detail.GetProperty("sameProjectCode").EnumerateArray());
        Assert.Equal(permitId.ToString(), earlier.GetProperty("id").GetString());
        Assert.Equal("工业建设项目施工许可", earlier.GetProperty("definitionName").GetString());
        Assert.Equal("completed", earlier.GetProperty("status").GetString());

        // The one document, numbered with 验, lists each department's finding and decision.
        var document = await ApiWalk.Ok(await (await walk.As("investor")).GetAsync($"/api/intake/{walk.Id}/documents/joint-acceptance"));
        Assert.Equal("联合验收意见书", document.GetProperty("title").GetString());
        Assert.Contains("验〔2024〕1号", document.GetProperty("number").GetString());
        Assert.Equal("2024-10-08", document.GetProperty("inspectedOn").GetString());
        var lines = document.GetProperty("acceptances").EnumerateArray().ToList();
        Assert.Equal(10, lines.Count);
        Assert.Contains(lines, l => l.GetProperty("matterName").GetString() == "房屋建筑和市政基础设施工程竣工验收备案"
            && l.GetProperty("outcome").GetString() == "准予许可" && l.GetProperty("comment").GetString() == "予以备案");
        var printed = await (await walk.As("window")).GetStringAsync($"/window/documents/{walk.Id}/joint-acceptance", TestContext.Current.CancellationToken);
        Assert.Contains("<h1 id=\"document-title\">联合验收意见书</h1>", printed);
        var permitDocument = await (await walk.As("investor")).GetAsync($"/api/intake/{permitId}/documents/joint-acceptance");
        await permitDocument.ReadProblemAsync(System.Net.HttpStatusCode.Conflict);

        // The applicant's page lists the permit under the same code, linked.
        var page = await (await walk.As("agent")).GetStringAsync($"/my/projects/{walk.Id}", TestContext.Current.CancellationToken);
        Assert.Contains("<h2 id=\"same-code-title\">同一项目的其他办件</h2>", page);
        Assert.Contains($"<a href=\"/my/projects/{permitId}\">工业建设项目施工许可</a>", page);

        // The permit's page shows the acceptance that followed it.
        var permit = await ApiWalk.Ok(await (await walk.As("investor")).GetAsync($"/api/projects/{permitId}"));
        var later = Assert.Single(permit.GetProperty("sameProjectCode").EnumerateArray());
        Assert.Equal("joint-completion-acceptance", later.GetProperty("definitionId").GetString());
    }

    [Fact]
    public async Task Filing_without_the_permits_project_code_is_a_400_on_the_code_and_the_guide_lists_the_matters()
    {
        await using var factory = new ApprovalWebFactory();
        var walk = new ApiWalk(factory);
        var agent = await walk.As("agent");
        var investorId = await walk.AuthoriseAgentAsync();

        var response = await agent.PostDecisionAsync("/api/projects", new
        {
            definitionId = "joint-completion-acceptance",
            project = new { projectName = "厂房竣工", investorId, division = "320193", industry = "C2651",
                investmentAmount = 52000, contactName = "张伟", contactPhone = "025-83123456" },
            materials = new[] { "application-form" },
        });

        var message = await response.AssertInvalidAsync("project.projectCode");
        Assert.Contains("工业建设项目施工许可", message);
        var definition = await ApiWalk.Ok(await agent.GetAsync("/api/definitions/joint-completion-acceptance"));
        Assert.Equal(["industrial-construction-permit"], definition.GetProperty("follows").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("联合验收意见书", definition.GetProperty("activities").EnumerateArray().Last().GetProperty("document").GetString());

        var anonymous = await walk.As("anonymous");
        var guide = await anonymous.GetStringAsync("/guide", TestContext.Current.CancellationToken);
        foreach (var matter in new[] { "建设工程规划条件核实（竣工规划核实）", "人民防空工程竣工验收备案", "特殊建设工程消防验收（其他建设工程消防验收备案）",
                     "投资项目竣工核查", "房屋建筑和市政基础设施工程竣工验收备案" })
            Assert.Contains(matter, guide);
        var page = await anonymous.GetStringAsync("/guide/ZJ-005", TestContext.Current.CancellationToken);
        Assert.Contains("所属办理流程：建设工程竣工联合验收（10 个工作日）", page);
        Assert.Contains("申报条件：本项目已办结工业建设项目施工许可", page);
    }
}
