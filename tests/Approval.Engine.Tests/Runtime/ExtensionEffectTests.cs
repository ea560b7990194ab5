using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Testing;

namespace Approval.Engine.Tests.Runtime;

/// <summary>What approving an extension would do (延期的效果), as the supervisor sees it before deciding: the same dates the approval then gives.</summary>
public sealed class ExtensionEffectTests
{
    [Fact]
    public async Task The_effect_shown_before_approval_is_what_the_approval_does()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 9, 27, 10));
        var id = await h.FileAndAcceptAsync("enterprise-establishment");
        var licence = (await h.OpenTasksAsync(id, TaskKind.MatterDecision)).Single(t => t.MatterCode == "SCJG-001");
        var requested = await h.RunAsync(op => new RequestExtension(op, EngineHarness.Approver("market-regulation"), licence.Id, 2, "需现场核查经营场所"));
        var before = await h.LoadAsync(id);

        var effect = h.Engine.Deadlines.EffectOfExtension(before, before.Tasks.Single(t => t.Id == licence.Id), 2);
        await h.RunAsync(op => new DecideExtension(op, EngineHarness.Supervisor, requested.ExtensionId!.Value, true, null));

        var after = await h.LoadAsync(id);
        Assert.Equal((before.Tasks.Single(t => t.Id == licence.Id).DueOn, before.DueOn), (effect.TaskDueBefore, effect.ProjectDueBefore));
        Assert.Equal((after.Tasks.Single(t => t.Id == licence.Id).DueOn, after.DueOn), (effect.TaskDueAfter, effect.ProjectDueAfter));
        Assert.True(effect.TaskDueAfter > effect.TaskDueBefore);
    }

    [Fact]
    public async Task A_shorter_extension_than_one_approved_in_the_same_step_leaves_the_project_deadline()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 9, 27, 10));
        var id = await h.FileAndAcceptAsync("enterprise-establishment");
        // The licence is extended by 3 days and granted; the matters that waited for it open in the same step.
        var licence = (await h.OpenTasksAsync(id, TaskKind.MatterDecision)).Single(t => t.MatterCode == "SCJG-001");
        var first = await h.RunAsync(op => new RequestExtension(op, EngineHarness.Approver(licence.DepartmentId!), licence.Id, 3, "需现场核查经营场所"));
        await h.RunAsync(op => new DecideExtension(op, EngineHarness.Supervisor, first.ExtensionId!.Value, true, null));
        await h.RunAsync(op => new DecideMatter(op, EngineHarness.Approver(licence.DepartmentId!), licence.Id, MatterDecision.Approve, null, []));
        var other = (await h.OpenTasksAsync(id, TaskKind.MatterDecision)).First();
        var project = await h.LoadAsync(id);

        var effect = h.Engine.Deadlines.EffectOfExtension(project, project.Tasks.Single(t => t.Id == other.Id), 1);

        Assert.Equal(effect.ProjectDueBefore, effect.ProjectDueAfter);
        Assert.NotEqual(effect.TaskDueBefore, effect.TaskDueAfter);
    }

    [Fact]
    public async Task Refusing_an_extension_needs_a_note()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 9, 27, 10));
        var id = await h.FileAndAcceptAsync("enterprise-establishment");
        var licence = (await h.OpenTasksAsync(id, TaskKind.MatterDecision)).Single(t => t.MatterCode == "SCJG-001");
        var requested = await h.RunAsync(op => new RequestExtension(op, EngineHarness.Approver("market-regulation"), licence.Id, 2, "需现场核查经营场所"));

        var refused = await Assert.ThrowsAsync<InvalidInputException>(() =>
            h.RunAsync(op => new DecideExtension(op, EngineHarness.Supervisor, requested.ExtensionId!.Value, false, " ")));

        Assert.Equal("note", refused.Field);
        Assert.Equal(ExtensionStatus.Pending, (await h.LoadAsync(id)).Extensions.Single().Status);
    }
}
