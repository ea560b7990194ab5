using Approval.Engine.Persistence;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Testing;

namespace Approval.Engine.Tests.Runtime;

/// <summary>
/// An administrator corrects a project's recorded details with <see cref="CorrectProject"/> (更正项目信息): the change is a
/// command like any other, journalled with the old and new values and the reason, and the project goes on as before.
/// </summary>
public sealed class ProjectCorrectionTests
{
    private const string Definition = "enterprise-establishment";
    private static readonly Actor Administrator = new("admin-qian", ActorRole.Administrator, DisplayName: "管理员 钱");

    [Fact]
    public async Task A_correction_changes_the_given_fields_and_journals_old_and_new_values_with_the_reason()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 3, 4, 10));
        var id = await h.FileAndAcceptAsync(Definition);
        var before = await h.LoadAsync(id);
        var outcomes = h.Engine.Kept!.Outcomes;

        var result = await h.RunAsync(op => new CorrectProject(op, Administrator, id,
            new ProjectCorrection(ProjectName: "年产12万吨新材料项目", Division: "320114"), "申报时项目名称与备案证不一致"));

        var after = await h.LoadAsync(id);
        Assert.Equal(("年产12万吨新材料项目", "320114"), (after.ProjectName, after.Division));
        Assert.Equal((before.InvestorName, before.Industry, before.InvestmentAmount), (after.InvestorName, after.Industry, after.InvestmentAmount));
        Assert.Equal((before.Status, before.CurrentActivityId, before.DueOn), (result.Status, result.CurrentActivityId, after.DueOn));
        Assert.Equal(before.Version + 1, after.Version);
        var journal = await h.JournalAsync(id);
        var entry = journal[^1];
        Assert.Equal(("ProjectCorrected", "admin-qian", "Administrator"), (entry.Event, entry.UserId, entry.ActorRole));
        Assert.Equal("项目名称：年产10万吨新材料项目 → 年产12万吨新材料项目；行政区划：320193 → 320114；理由：申报时项目名称与备案证不一致", entry.Reasons);
        Assert.Equal(after.JournalCount, journal.Count);
        // Saved through the store like every command: the kept project is current, the next command needs no load.
        Assert.Equal((outcomes.Saved + 1, outcomes.FellBack), h.Engine.Kept.Outcomes);
        var licence = Assert.Single(await h.OpenTasksAsync(id));
        await h.RunAsync(op => new DecideMatter(op, EngineHarness.Approver(licence.DepartmentId!), licence.Id, MatterDecision.Approve, "同意", []));
        Assert.Equal((outcomes.Saved + 2, outcomes.FellBack), h.Engine.Kept.Outcomes);
    }

    [Fact]
    public async Task An_ended_project_can_still_be_corrected()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 3, 4, 10));
        var id = await h.FileAsync(Definition);
        await h.RunAsync(op => new RefuseApplication(op, EngineHarness.Window, id, "不属于本中心受理范围"));

        await h.RunAsync(op => new CorrectProject(op, Administrator, id, new ProjectCorrection(InvestmentAmount: 48000m), "金额录入错误"));

        var project = await h.LoadAsync(id);
        Assert.Equal((InstanceStatus.Refused, 48000m), (project.Status, project.InvestmentAmount));
        Assert.Equal("总投资（万元）：52000 → 48000；理由：金额录入错误", (await h.JournalAsync(id))[^1].Reasons);
    }

    [Fact]
    public async Task Only_an_administrator_corrects_a_project()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 3, 4, 10));
        var id = await h.FileAndAcceptAsync(Definition);
        var before = await h.LoadAsync(id);

        await Assert.ThrowsAsync<ForbiddenException>(() => h.RunAsync(op =>
            new CorrectProject(op, EngineHarness.Window, id, new ProjectCorrection(ProjectName: "别的名称"), "窗口改名")));

        var after = await h.LoadAsync(id);
        Assert.Equal((before.ProjectName, before.Version, before.JournalCount), (after.ProjectName, after.Version, after.JournalCount));
    }

    [Theory]
    [InlineData(null, "理由", "correction")]
    [InlineData("年产10万吨新材料项目", "理由", "correction")]
    [InlineData("  ", "理由", "projectName")]
    [InlineData("新名称", " ", "reason")]
    public async Task A_correction_that_changes_nothing_or_is_invalid_is_refused_naming_the_field(string? name, string reason, string field)
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 3, 4, 10));
        var id = await h.FileAndAcceptAsync(Definition);
        var before = await h.LoadAsync(id);

        var refused = await Assert.ThrowsAsync<InvalidInputException>(() => h.RunAsync(op =>
            new CorrectProject(op, Administrator, id, new ProjectCorrection(ProjectName: name), reason)));

        Assert.Equal(field, refused.Field);
        Assert.Equal(before.Version, (await h.LoadAsync(id)).Version);
    }
}
