using Approval.Engine.Journal;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Service;
using Approval.Engine.Supervision;
using Approval.Engine.Tests.Runtime;
using Approval.Testing;
using NodaTime;
using TaskStatus = Approval.Engine.Runtime.TaskStatus;
using static Approval.Engine.Tests.Service.ServiceHarness;

namespace Approval.Engine.Tests.Service;

/// <summary>好差评 on 企业开办: invitation, once per matter, the edit period across 国庆, 差评 → 整改 with its deadline, lights and 回访.</summary>
public sealed class RatingTests
{
    [Fact]
    public async Task A_decided_matter_invites_a_rating_and_the_investor_rates_it_once_with_an_edit_period_across_the_national_day()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2026, 9, 24, 9));
        var id = await LicenceDecidedAsync(h);
        Assert.Single(await h.JournalAsync(id), j => j.Event == JournalEvents.RatingInvited && j.MatterCode == "SCJG-001");

        await RateAsync(h, id, "SCJG-001", RatingLevel.VerySatisfied, "efficient");

        var rating = Assert.Single(await RatingsAsync(h, id));
        Assert.Equal(("SCJG-001", "market-regulation", "window-wang", RatingLevel.VerySatisfied), (rating.MatterKey, rating.DepartmentId, rating.ClerkId, rating.Level));
        // Five working days after 9-24: 9-28, 9-29, 9-30, then 国庆 to 10-07, 10-08, 10-09.
        Assert.Equal(new LocalDate(2026, 10, 9), rating.EditableUntil);
        Assert.Null(rating.RectificationTaskId);
        Assert.Single(await h.JournalAsync(id), j => j.Event == JournalEvents.Rated && j.Decision == "verySatisfied");
    }

    [Fact]
    public async Task The_rating_can_be_changed_on_the_last_day_of_the_period_and_not_on_the_working_saturday_after_it()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2026, 9, 24, 9));
        var id = await LicenceDecidedAsync(h);
        await RateAsync(h, id, "SCJG-001", RatingLevel.Satisfied, "courteous");

        h.SetDate(new LocalDate(2026, 10, 9));
        await RateAsync(h, id, "SCJG-001", RatingLevel.BasicallySatisfied, "other", "取号排队较久");
        h.SetDate(new LocalDate(2026, 10, 10));
        var refused = await Assert.ThrowsAsync<ConflictException>(() => RateAsync(h, id, "SCJG-001", RatingLevel.VerySatisfied, "efficient"));

        Assert.Contains("2026-10-09", refused.Message);
        var rating = Assert.Single(await RatingsAsync(h, id));
        Assert.Equal((RatingLevel.BasicallySatisfied, 1, "取号排队较久"), (rating.Level, rating.Edits, rating.Comment));
        Assert.Single(await h.JournalAsync(id), j => j.Event == JournalEvents.RatingChanged);
    }

    [Fact]
    public async Task A_matter_not_yet_decided_and_a_running_project_cannot_be_rated()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2026, 9, 24, 9));
        var id = await LicenceDecidedAsync(h);

        await Assert.ThrowsAsync<ConflictException>(() => RateAsync(h, id, "GA-001", RatingLevel.Satisfied, "efficient"));
        await Assert.ThrowsAsync<ConflictException>(() => RateAsync(h, id, null, RatingLevel.Satisfied, "efficient"));
        var unknown = await Assert.ThrowsAsync<InvalidInputException>(() => RateAsync(h, id, "ZJ-999", RatingLevel.Satisfied, "efficient"));

        Assert.Equal("matterCode", unknown.Field);
        Assert.Empty(await RatingsAsync(h, id));
    }

    [Theory]
    [InlineData(RatingLevel.Dissatisfied, "slow", null, "comment")]
    [InlineData(RatingLevel.VeryDissatisfied, "poorAttitude", "  ", "comment")]
    [InlineData(RatingLevel.Satisfied, "slow", null, "reason")]
    [InlineData(RatingLevel.Dissatisfied, "efficient", "慢", "reason")]
    public async Task Bad_input_names_the_field_and_stores_nothing(RatingLevel level, string reason, string? comment, string field)
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2026, 9, 24, 9));
        var id = await LicenceDecidedAsync(h);

        var refused = await Assert.ThrowsAsync<InvalidInputException>(() => RateAsync(h, id, "SCJG-001", level, reason, comment));

        Assert.Equal(field, refused.Field);
        Assert.Empty(await RatingsAsync(h, id));
    }

    [Fact]
    public async Task Only_the_investor_or_its_agent_rates_and_the_agent_rates_in_the_investors_name()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2026, 9, 24, 9));
        var id = await LicenceDecidedAsync(h);

        await Assert.ThrowsAsync<ForbiddenException>(() => RateAsync(h, id, "SCJG-001", RatingLevel.VerySatisfied, "efficient", by: EngineHarness.Approver("market-regulation")));
        await Assert.ThrowsAsync<ForbiddenException>(() => RateAsync(h, id, "SCJG-001", RatingLevel.VerySatisfied, "efficient", by: EngineHarness.Window));
        await RateAsync(h, id, "SCJG-001", RatingLevel.Satisfied, "fewerTrips", by: EngineHarness.Agent);
        // Once per matter: the investor's rating is a change of the same one, not a second.
        await RateAsync(h, id, "SCJG-001", RatingLevel.VerySatisfied, "efficient");

        var rating = Assert.Single(await RatingsAsync(h, id));
        Assert.Equal((RatingLevel.VerySatisfied, 1), (rating.Level, rating.Edits));
    }

    [Fact]
    public async Task A_bad_rating_opens_a_rectification_of_fifteen_working_days_for_the_department_with_lights_and_an_overdue_timer()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2026, 9, 24, 9));
        var id = await LicenceDecidedAsync(h, MatterDecision.Reject);
        Assert.Equal(InstanceStatus.Rejected, (await h.LoadAsync(id)).Status);

        var result = await RateAsync(h, id, "SCJG-001", RatingLevel.VeryDissatisfied, "unclearGuidance", "前置许可事项未一次告知");

        var rectification = Assert.Single(await h.OpenTasksAsync(id, TaskKind.Rectification));
        Assert.Equal(("market-regulation", "SCJG-001", 15), (rectification.DepartmentId, rectification.MatterCode, rectification.LimitWorkingDays));
        // 9-28 … 9-30 (3), 10-08 … 10-10 (6, 10-10 a working Saturday), 10-12 … 10-16 (11), 10-19 … 10-22 (15).
        Assert.Equal(new LocalDate(2026, 10, 22), rectification.DueOn);
        Assert.Contains(result.OpenedTasks!, t => t.TaskId == rectification.Id);
        Assert.Equal(rectification.Id, Assert.Single(await RatingsAsync(h, id)).RectificationTaskId);
        Assert.Single(await h.JournalAsync(id), j => j.Event == JournalEvents.RectificationOpened && j.DepartmentId == "market-regulation");

        var lights = h.Services.GetService(typeof(LightPolicy)) as LightPolicy ?? throw new InvalidOperationException();
        Assert.Equal(Light.Green, lights.Of(h.Clock.GetCurrentInstant(), rectification));
        h.SetDate(new LocalDate(2026, 10, 22));
        Assert.Equal(Light.Yellow, lights.Of(h.Clock.GetCurrentInstant(), rectification));
        h.SetDate(new LocalDate(2026, 10, 23));
        Assert.Equal(Light.Red, lights.Of(h.Clock.GetCurrentInstant(), rectification));
        await h.Scheduler.RunDueAsync();
        Assert.Contains(await h.JournalAsync(id), j => j.Event == JournalEvents.TaskOverdue && j.TaskId == rectification.Id);
    }

    [Fact]
    public async Task The_call_back_record_is_required_to_close_a_rectification_and_closes_it()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2026, 9, 24, 9));
        var id = await LicenceDecidedAsync(h);
        await RateAsync(h, id, "SCJG-001", RatingLevel.Dissatisfied, "slow", "等了很久");
        var rectification = Assert.Single(await h.OpenTasksAsync(id, TaskKind.Rectification));
        var approver = EngineHarness.Approver("market-regulation");

        var missing = await Assert.ThrowsAsync<InvalidInputException>(() =>
            h.RunAsync(op => new CloseRectification(op, approver, rectification.Id, "优化受理流程", " ")));
        await Assert.ThrowsAsync<NotFoundException>(() =>
            h.RunAsync(op => new CloseRectification(op, EngineHarness.Approver("taxation"), rectification.Id, "优化", "已回访")));
        h.SetDate(new LocalDate(2026, 10, 8));
        await h.RunAsync(op => new CloseRectification(op, approver, rectification.Id, "优化受理流程，实行首问负责", "10月8日电话回访张伟，表示认可"));

        Assert.Equal("callBack", missing.Field);
        var closed = (await h.LoadAsync(id)).Tasks.Single(t => t.Id == rectification.Id);
        Assert.Equal((TaskStatus.Done, "Rectified", "优化受理流程，实行首问负责"), (closed.Status, closed.Outcome, closed.Comment));
        Assert.Equal(["10月8日电话回访张伟，表示认可"], closed.Items);
        Assert.Single(await h.JournalAsync(id), j => j.Event == JournalEvents.RectificationClosed);
    }

    [Fact]
    public async Task The_whole_project_is_rated_once_it_has_completed_and_a_bad_rating_goes_to_the_service_centre()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2026, 9, 24, 9));
        var id = await h.FileAndAcceptAsync(Definition);
        await h.CompleteAllApprovedAsync(id);
        Assert.Contains(await h.JournalAsync(id), j => j.Event == JournalEvents.RatingInvited && j.MatterCode is null);

        await RateAsync(h, id, null, RatingLevel.Dissatisfied, "other", "出件窗口等候时间长", by: EngineHarness.Agent);
        await RateAsync(h, id, "SCJG-001", RatingLevel.Satisfied, "efficient");

        var ratings = await RatingsAsync(h, id);
        Assert.Equal(2, ratings.Count);
        var whole = Assert.Single(ratings, r => r.IsWholeProject);
        Assert.Equal("government-services", whole.DepartmentId);
        var rectification = Assert.Single(await h.OpenTasksAsync(id, TaskKind.Rectification));
        Assert.Equal("government-services", rectification.DepartmentId);
    }
}
