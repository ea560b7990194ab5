using Approval.Engine.Notifications;
using Approval.Engine.Persistence;
using Approval.Engine.Tests.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Tests.Notifications;

/// <summary>On PostgreSQL the outbox rows go in the SaveWriter's one batch with the rest of the save, as one multi-row INSERT.</summary>
public sealed class OutboxSaveWriterTests() : MigratedStoreTests(TestStore.Postgres)
{
    [Fact]
    public async Task Outbox_rows_are_one_insert_of_the_writers_batch_and_are_stored()
    {
        var database = await MigratedAsync();
        await using var db = database.CreateContext();
        var project = SampleProject.New();
        db.Instances.Add(project);
        for (var sequence = 1; sequence <= 2; sequence++)
        {
            db.Journal.Add(new Journal.JournalEntry { InstanceId = project.Id, Sequence = sequence, Event = "Accepted", UserId = "window", At = SampleProject.At });
            db.Outbox.Add(new OutboxNotification
            {
                InstanceId = project.Id, Sequence = sequence, Kind = NotificationKinds.Accepted, Audience = Audience.Applicant | Audience.Agent,
                CreatedAt = SampleProject.At,
            });
        }
        db.ChangeTracker.DetectChanges();

        await using var batch = db.Database.GetDbConnection().CreateBatch();
        await using var maker = db.Database.GetDbConnection().CreateCommand();
        var plan = SaveWriter.Plan(db, batch, maker);
        Assert.NotNull(plan);
        var outbox = Assert.Single(batch.BatchCommands, c => c.CommandText.StartsWith("INSERT INTO notification_outbox", StringComparison.Ordinal));
        Assert.Equal(2, plan.Rows[batch.BatchCommands.IndexOf(outbox)]);

        await ProjectStore.SaveAtomicallyAsync(db, Ct);
        await using var check = database.CreateContext();
        var stored = await check.Outbox.AsNoTracking().OrderBy(o => o.Sequence).ToListAsync(Ct);
        Assert.Equal([1, 2], stored.Select(o => o.Sequence));
        Assert.All(stored, o => Assert.Equal(Audience.Applicant | Audience.Agent, o.Audience));
    }
}
