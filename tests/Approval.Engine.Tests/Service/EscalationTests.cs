using Approval.Engine.Journal;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Service;
using Approval.Engine.Tests.Runtime;
using Approval.Testing;
using NodaTime;
using TaskStatus = Approval.Engine.Runtime.TaskStatus;
using static Approval.Engine.Tests.Service.ServiceHarness;

namespace Approval.Engine.Tests.Service;

/// <summary>
/// 督办 and 黄牌/红牌 on 工业建设项目施工许可 accepted on Thursday 2026-09-24: 发展和改革's pre-review opinion (5 working
/// days) is due on 10-09 across 中秋 and 国庆; 10-10 is a working Saturday.
/// </summary>
public sealed class EscalationTests
{
    private const string Industrial = "industrial-construction-permit";
    private static readonly Actor Reform = EngineHarness.Approver("development-reform");

    private static async Task<(Guid Id, WorkTask Opinion)> AcceptedAsync(EngineHarness h)
    {
        var id = await h.FileAndAcceptAsync(Industrial);
        var opinion = (await h.OpenTasksAsync(id, TaskKind.PreReviewOpinion)).Single(t => t.DepartmentId == "development-reform");
        Assert.Equal(new LocalDate(2026, 10, 9), opinion.DueOn);
        return (id, opinion);
    }

    private static Task<CommandResult> IssueAsync(EngineHarness h, Guid id, Guid? task, string notice = "请说明逾期原因并于期限内办结", int days = 3,
        string? department = null, Actor? by = null) =>
        h.RunAsync(op => new IssueEscalation(op, by ?? EngineHarness.Supervisor, id, task, department, notice, days));

    [Fact]
    public async Task Work_on_track_cannot_be_escalated()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2026, 9, 24, 9));
        var (id, opinion) = await AcceptedAsync(h);

        await Assert.ThrowsAsync<ConflictException>(() => IssueAsync(h, id, opinion.Id));
        await Assert.ThrowsAsync<ConflictException>(() => IssueAsync(h, id, null, department: "development-reform"));

        Assert.Empty(await EscalationsAsync(h, id));
    }

    [Fact]
    public async Task The_supervisor_escalates_an_overdue_task_the_department_replies_and_the_supervisor_closes_it()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2026, 9, 24, 9));
        var (id, opinion) = await AcceptedAsync(h);
        h.SetDate(new LocalDate(2026, 10, 12));

        var issued = await IssueAsync(h, id, opinion.Id);

        var reply = Assert.Single(await h.OpenTasksAsync(id, TaskKind.EscalationReply));
        Assert.Contains(issued.OpenedTasks!, t => t.TaskId == reply.Id);
        // Three working days from 10-12: 10-13, 10-14, 10-15.
        Assert.Equal(("development-reform", new LocalDate(2026, 10, 15)), (reply.DepartmentId, reply.DueOn));
        var escalation = Assert.Single(await EscalationsAsync(h, id));
        Assert.Equal((EscalationStatus.AwaitingReply, opinion.Id, reply.Id, new LocalDate(2026, 10, 15)),
            (escalation.Status, escalation.TargetTaskId, escalation.ReplyTaskId, escalation.ReplyDueOn));
        await Assert.ThrowsAsync<ConflictException>(() => IssueAsync(h, id, opinion.Id));
        await Assert.ThrowsAsync<ConflictException>(() => h.RunAsync(op => new CloseEscalation(op, EngineHarness.Supervisor, id, escalation.Id, null)));

        h.SetDate(new LocalDate(2026, 10, 14));
        await Assert.ThrowsAsync<NotFoundException>(() => h.RunAsync(op => new ReplyToEscalation(op, EngineHarness.Approver("taxation"), reply.Id, "已办理")));
        var empty = await Assert.ThrowsAsync<InvalidInputException>(() => h.RunAsync(op => new ReplyToEscalation(op, Reform, reply.Id, " ")));
        Assert.Equal("reply", empty.Field);
        await h.RunAsync(op => new ReplyToEscalation(op, Reform, reply.Id, "因专家评审延误，已于10月14日出具意见"));
        h.SetDate(new LocalDate(2026, 10, 15));
        await h.RunAsync(op => new CloseEscalation(op, EngineHarness.Supervisor, id, escalation.Id, "已核实"));

        escalation = Assert.Single(await EscalationsAsync(h, id));
        Assert.Equal((EscalationStatus.Closed, "因专家评审延误，已于10月14日出具意见", new LocalDate(2026, 10, 14), new LocalDate(2026, 10, 15), "已核实"),
            (escalation.Status, escalation.Reply, escalation.RepliedOn, escalation.ClosedOn, escalation.ClosingNote));
        Assert.Equal(TaskStatus.Done, (await h.LoadAsync(id)).Tasks.Single(t => t.Id == reply.Id).Status);
        var events = (await h.JournalAsync(id)).Select(j => j.Event).ToList();
        Assert.Equal(1, events.Count(e => e == JournalEvents.EscalationIssued));
        Assert.Equal(1, events.Count(e => e == JournalEvents.EscalationReplied));
        Assert.Equal(1, events.Count(e => e == JournalEvents.EscalationClosed));
    }

    [Fact]
    public async Task A_project_is_escalated_only_to_a_department_holding_open_work_and_only_when_the_project_itself_is_late_or_near_due()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2026, 9, 24, 9));
        var (id, _) = await AcceptedAsync(h);
        h.SetDate(new LocalDate(2026, 10, 12));

        var wrong = await Assert.ThrowsAsync<InvalidInputException>(() => IssueAsync(h, id, null, department: "taxation"));
        // Its pre-review is late, but the project (50 working days) is on track: escalate the task instead.
        await Assert.ThrowsAsync<ConflictException>(() => IssueAsync(h, id, null, department: "natural-resources"));

        Assert.Equal("departmentId", wrong.Field);
        Assert.Empty(await EscalationsAsync(h, id));
    }

    [Theory]
    [InlineData("", 3, "notice")]
    [InlineData("请说明", 0, "replyWorkingDays")]
    [InlineData("请说明", 16, "replyWorkingDays")]
    public async Task Bad_input_names_the_field(string notice, int days, string field)
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2026, 9, 24, 9));
        var (id, opinion) = await AcceptedAsync(h);
        h.SetDate(new LocalDate(2026, 10, 12));

        var refused = await Assert.ThrowsAsync<InvalidInputException>(() => IssueAsync(h, id, opinion.Id, notice, days));

        Assert.Equal(field, refused.Field);
    }

    [Fact]
    public async Task Only_a_supervisor_issues_and_closes()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2026, 9, 24, 9));
        var (id, opinion) = await AcceptedAsync(h);
        h.SetDate(new LocalDate(2026, 10, 12));

        await Assert.ThrowsAsync<ForbiddenException>(() => IssueAsync(h, id, opinion.Id, by: EngineHarness.Window));
        await Assert.ThrowsAsync<ForbiddenException>(() => IssueAsync(h, id, opinion.Id, by: Reform));
    }

    [Fact]
    public async Task A_task_left_late_gets_a_yellow_card_at_three_working_days_overdue_and_a_red_one_at_ten_by_timer()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2026, 9, 24, 9));
        var (id, opinion) = await AcceptedAsync(h);
        var preReviews = (await h.OpenTasksAsync(id, TaskKind.PreReviewOpinion)).Count;

        // Overdue from 10-10 (a working Saturday): 1 on 10-10, 2 on 10-12, 3 on 10-13.
        h.SetDate(new LocalDate(2026, 10, 12));
        await h.Scheduler.RunDueAsync();
        Assert.Empty(await CardsAsync(h, id));
        h.SetDate(new LocalDate(2026, 10, 13));
        await h.Scheduler.RunDueAsync();
        var yellow = Assert.Single(await CardsAsync(h, id), c => c.TaskId == opinion.Id);
        Assert.Equal((CardColour.Yellow, "development-reform", 3, opinion.Id), (yellow.Colour, yellow.DepartmentId, yellow.OverdueWorkingDays, yellow.TaskId));

        // Ten working days overdue: 10-10, 10-12 … 10-16, 10-19 … 10-22.
        h.SetDate(new LocalDate(2026, 10, 21));
        await h.Scheduler.RunDueAsync();
        // The other pre-review departments, late the same days, have theirs too: one each, against its own department.
        var yellows = (await CardsAsync(h, id)).Where(c => c.Colour == CardColour.Yellow).ToList();
        Assert.Equal(preReviews, yellows.Select(c => c.DepartmentId).Distinct().Count());
        Assert.Equal(preReviews, yellows.Count);
        Assert.DoesNotContain(await CardsAsync(h, id), c => c.Colour == CardColour.Red);
        h.SetDate(new LocalDate(2026, 10, 22));
        await h.Scheduler.RunDueAsync();
        await h.Scheduler.RunDueAsync();

        var cards = (await CardsAsync(h, id)).Where(c => c.TaskId == opinion.Id).ToList();
        Assert.Equal([(CardColour.Yellow, 3), (CardColour.Red, 10)], cards.Select(c => (c.Colour, c.OverdueWorkingDays)));
        Assert.Equal(CardColour.Red, (await h.LoadAsync(id)).Tasks.Single(t => t.Id == opinion.Id).Card);
        Assert.Equal(2 * preReviews, (await h.JournalAsync(id)).Count(j => j.Event == JournalEvents.CardRecorded));
    }

    [Fact]
    public async Task A_task_decided_before_the_threshold_gets_no_card()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2026, 9, 24, 9));
        var (id, opinion) = await AcceptedAsync(h);
        h.SetDate(new LocalDate(2026, 10, 12));
        await h.Scheduler.RunDueAsync();
        await h.RunAsync(op => new GiveOpinion(op, Reform, opinion.Id, true, [], null));

        h.SetDate(new LocalDate(2026, 10, 13));
        await h.Scheduler.RunDueAsync();

        Assert.DoesNotContain(await CardsAsync(h, id), c => c.TaskId == opinion.Id);
    }
}
