using Approval.Engine.Journal;
using Approval.Engine.Notifications;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Tests.Runtime;
using Approval.Testing;
using Approval.Testing.Persistence;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Approval.Engine.Tests.Notifications;

/// <summary>
/// The outbox is written in the command's own save: one row for each journal entry whose event notifies, none for
/// a command that was refused or whose save failed, on both providers (SQLite through SaveChanges, PostgreSQL through
/// the SaveWriter's one batch).
/// </summary>
public sealed class OutboxTests
{
    private const string Definition = "enterprise-establishment";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task On_sqlite_the_outbox_holds_exactly_the_notifying_events_that_were_saved() =>
        await ExactlyTheSavedEventsAsync(await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 11, 4, 9)));

    [Fact]
    public async Task On_postgres_the_outbox_holds_exactly_the_notifying_events_that_were_saved()
    {
        await using var pg = await PostgresDatabase.CreateAsync(Ct);
        await ExactlyTheSavedEventsAsync(await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 11, 4, 9), pg.ConnectionString));
    }

    private static async Task ExactlyTheSavedEventsAsync(EngineHarness h)
    {
        await using var _ = h;
        var id = await h.FileAsync(Definition);
        Assert.Empty(await OutboxAsync(h, id));  // 申报 notifies nobody

        await h.RunAsync(op => new AcceptApplication(op, EngineHarness.Window, id));
        var licence = Assert.Single(await h.OpenTasksAsync(id));
        // Refused: another department's approver. Nothing is saved, so nothing is owed.
        var before = (await OutboxAsync(h, id)).Count;
        await Assert.ThrowsAnyAsync<Exception>(() => h.RunAsync(op =>
            new DecideMatter(op, EngineHarness.Approver("not-" + licence.DepartmentId), licence.Id, MatterDecision.Approve, "同意", [])));
        Assert.Equal(before, (await OutboxAsync(h, id)).Count);

        // A save that fails (the version moved behind the engine) writes no outbox row; its retry writes one.
        await using (var db = h.Database.CreateContext())
            await db.Database.ExecuteSqlAsync($"UPDATE instances SET \"Version\" = \"Version\" + 1 WHERE \"Id\" = {id}", Ct);
        await h.RunAsync(op => new DecideMatter(op, EngineHarness.Approver(licence.DepartmentId!), licence.Id, MatterDecision.Approve, "同意", []));
        // Weeks later the open matters are overdue: the timers' entries are owed too.
        h.Clock.Advance(Duration.FromDays(21));
        await h.Scheduler.RunDueAsync(Ct);
        // The supervisor's 督办 on a matter still open tells its department.
        var late = (await h.OpenTasksAsync(id)).First(t => t.Kind == TaskKind.MatterDecision);
        await h.RunAsync(op => new IssueEscalation(op, EngineHarness.Supervisor, id, late.Id, late.DepartmentId!, "请说明逾期原因并于期限内办结", 3));

        var journal = await h.JournalAsync(id);
        var expected = journal.Where(j => NotificationRules.For(j) is not null).Select(j => (j.Sequence, NotificationRules.For(j)!.Kind)).ToList();
        var outbox = await OutboxAsync(h, id);
        Assert.Equal(expected, outbox.Select(o => (o.Sequence, o.Kind)).ToList());
        Assert.Contains(outbox, o => o.Kind == NotificationKinds.Accepted && o.Audience == (Audience.Applicant | Audience.Agent));
        Assert.Contains(outbox, o => o.Kind == NotificationKinds.Decided);
        Assert.Contains(journal, j => j.Event == JournalEvents.TaskOverdue);
        Assert.Contains(outbox, o => o.Kind == NotificationKinds.TaskOverdue && o.Audience.HasFlag(Audience.Supervisor));
        Assert.Contains(outbox, o => o.Kind == NotificationKinds.CardRecorded && o.Audience.HasFlag(Audience.Supervisor)
            && o.Audience.HasFlag(Audience.DepartmentApprovers));
        Assert.Contains(outbox, o => o.Kind == NotificationKinds.EscalationIssued && o.Audience == (Audience.DepartmentApprovers | Audience.DepartmentHead));
        Assert.All(outbox, o => Assert.Null(o.FannedOutAt));
    }

    [Fact]
    public void Every_event_of_the_table_is_an_event_the_engine_journals()
    {
        var events = typeof(JournalEvents).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToHashSet();
        Assert.All(NotificationRules.Events, e => Assert.Contains(e, events));
        Assert.Null(NotificationRules.For(JournalEvents.Filed));
        Assert.Null(NotificationRules.For(JournalEvents.MaterialUploaded));
        // An opinion closes a task as a decision does, but tells the applicant nothing.
        Assert.Null(NotificationRules.For(new JournalEntry { Event = JournalEvents.TaskDecided, Decision = Activities.Outcomes.Agreed }));
        Assert.NotNull(NotificationRules.For(new JournalEntry { Event = JournalEvents.TaskDecided, Decision = Activities.Outcomes.Rejected }));
        // 好差评: one invitation for the whole project, none per matter (the decision's own message is there).
        Assert.Null(NotificationRules.For(new JournalEntry { Event = JournalEvents.RatingInvited, TaskId = Guid.NewGuid() }));
        Assert.NotNull(NotificationRules.For(new JournalEntry { Event = JournalEvents.RatingInvited }));
    }

    private static async Task<List<OutboxNotification>> OutboxAsync(EngineHarness h, Guid id)
    {
        await using var db = h.Database.CreateContext();
        return await db.Outbox.AsNoTracking().Where(o => o.InstanceId == id).OrderBy(o => o.Sequence).ToListAsync(Ct);
    }
}
