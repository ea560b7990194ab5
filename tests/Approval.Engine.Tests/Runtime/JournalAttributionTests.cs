using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Testing;

namespace Approval.Engine.Tests.Runtime;

/// <summary>Every journal entry names the actor that caused it: the department that asked, the window, or the engine itself.</summary>
public sealed class JournalAttributionTests
{
    [Fact]
    public async Task A_correction_request_is_the_asking_departments_not_the_last_to_give_an_opinion()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 9, 23, 10));
        var id = await h.FileAndAcceptAsync("industrial-construction-permit");
        var opinions = await h.OpenTasksAsync(id, TaskKind.PreReviewOpinion);
        // natural-resources asks first; the fire brigade's pass comes last and closes the round.
        foreach (var task in opinions.OrderBy(t => t.DepartmentId == "natural-resources" ? 0 : t.DepartmentId == "fire-rescue" ? 2 : 1))
        {
            var asks = task.DepartmentId == "natural-resources";
            await h.RunAsync(op => new GiveOpinion(op, EngineHarness.Approver(task.DepartmentId!), task.Id, !asks,
                asks ? ["land-transfer-contract"] : [], asks ? "出让合同缺少附件" : null));
        }

        var requested = Assert.Single(await h.JournalAsync(id), j => j.Event == "CorrectionRequested");

        Assert.Equal(("natural-resources", "approver-natural-resources", nameof(ActorRole.Approver)),
            (requested.DepartmentId, requested.UserId, requested.ActorRole));
    }

    [Fact]
    public async Task Steps_the_engine_moves_on_are_the_systems_and_under_no_department()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 9, 23, 10));
        var id = await h.FileAndAcceptAsync("enterprise-establishment");
        for (var round = 0; round < 2; round++)
            foreach (var task in await h.OpenTasksAsync(id, TaskKind.MatterDecision))
                await h.RunAsync(op => new DecideMatter(op, EngineHarness.Approver(task.DepartmentId!), task.Id, MatterDecision.Approve, "准予", []));

        var journal = await h.JournalAsync(id);

        var derived = journal.Where(j => j.Event is "StepStarted" or "StepCompleted" or "ReadyForIssue" or "TaskOpened").ToList();
        Assert.NotEmpty(derived);
        Assert.All(derived, j => Assert.Equal(("system", nameof(ActorRole.System)), (j.UserId, j.ActorRole)));
        var completionStarted = journal.Single(j => j.Event == "StepStarted" && j.ActivityId == "completion");
        Assert.Null(completionStarted.DepartmentId);
        // What a department did stays its own.
        Assert.All(journal.Where(j => j.Event == "TaskDecided"), j => Assert.Equal("approver-" + j.DepartmentId, j.UserId));
    }
}
