using Approval.Engine.Notifications;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Tests.Runtime;
using Approval.Testing;
using Approval.Testing.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace Approval.Engine.Tests.Notifications;

/// <summary>
/// The dispatcher fans an outbox row out once per recipient and channel, retries a failure with doubling delays,
/// gives up as a dead letter after the configured attempts, and with two nodes on one PostgreSQL database sends each
/// delivery once.
/// </summary>
public sealed class DispatcherTests
{
    private const string Definition = "enterprise-establishment";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<EngineHarness> StartAsync(RecordingChannel sms, RecordingChannel webhook, string? postgres = null, string node = "node-a") =>
        EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 11, 4, 9), postgres, s =>
        {
            s.Notifications.NodeId = node;
            s.Notifications.MaxAttempts = 3;
            s.Notifications.FirstRetryDelay = TimeSpan.FromSeconds(10);
            s.Notifications.BatchSize = 7;
        }, replace: services =>
        {
            services.Replace(ServiceDescriptor.Singleton<IRecipientDirectory, FixedRecipients>());
            services.AddSingleton<INotificationChannel>(sms);
            services.AddSingleton<INotificationChannel>(webhook);
        });

    [Fact]
    public async Task An_acceptance_is_fanned_out_once_per_recipient_and_channel_with_stable_message_ids()
    {
        var sms = new RecordingChannel(DeliveryChannel.Sms);
        var webhook = new RecordingChannel(DeliveryChannel.Webhook);
        await using var h = await StartAsync(sms, webhook);
        var id = await h.FileAndAcceptAsync(Definition);
        var dispatcher = h.Services.GetRequiredService<NotificationDispatcher>();

        await dispatcher.RunOnceAsync(Ct);

        var deliveries = await DeliveriesAsync(h, id);
        Assert.Equal(3, deliveries.Count);
        var inApp = Assert.Single(deliveries, d => d.Channel == DeliveryChannel.InApp);
        Assert.Equal(DeliveryStatus.Delivered, inApp.Status);
        Assert.Contains("已受理", inApp.Body);
        var text = Assert.Single(sms.Sent);
        Assert.Equal("13800000001", text.Address);
        Assert.Contains((await h.LoadAsync(id)).QueryKey!, text.Body);
        Assert.Single(webhook.Sent);
        Assert.All(deliveries, d => Assert.Equal(DeliveryStatus.Delivered, d.Status));

        // A second fan-out of the same row (a lease that ran out mid-way) adds nothing: the message ids are the same.
        await using (var db = h.Database.CreateContext())
            await db.Outbox.Where(o => o.InstanceId == id).ExecuteUpdateAsync(s => s.SetProperty(o => o.FannedOutAt, (Instant?)null), Ct);
        await dispatcher.RunOnceAsync(Ct);
        Assert.Equal(deliveries.Select(d => d.MessageId).Order(), (await DeliveriesAsync(h, id)).Select(d => d.MessageId).Order());
        Assert.Single(sms.Sent);
    }

    [Fact]
    public async Task A_failing_channel_is_retried_after_doubling_delays_and_then_dead_lettered()
    {
        var sms = new RecordingChannel(DeliveryChannel.Sms) { FailuresLeft = int.MaxValue };
        var webhook = new RecordingChannel(DeliveryChannel.Webhook) { FailuresLeft = 1 };
        await using var h = await StartAsync(sms, webhook);
        var id = await h.FileAndAcceptAsync(Definition);
        var dispatcher = h.Services.GetRequiredService<NotificationDispatcher>();

        await dispatcher.RunOnceAsync(Ct);
        var text = Assert.Single(await DeliveriesAsync(h, id), d => d.Channel == DeliveryChannel.Sms);
        Assert.Equal((DeliveryStatus.Pending, 1), (text.Status, text.Attempts));
        Assert.Equal(h.Clock.GetCurrentInstant() + Duration.FromSeconds(10), text.NextAttemptAt);
        Assert.Contains("503", text.LastError);

        // Not before its time.
        await dispatcher.RunOnceAsync(Ct);
        Assert.Equal(1, (await DeliveriesAsync(h, id)).Single(d => d.Channel == DeliveryChannel.Sms).Attempts);

        h.Clock.Advance(Duration.FromSeconds(10));
        await dispatcher.RunOnceAsync(Ct);
        text = (await DeliveriesAsync(h, id)).Single(d => d.Channel == DeliveryChannel.Sms);
        Assert.Equal((DeliveryStatus.Pending, 2), (text.Status, text.Attempts));
        Assert.Equal(h.Clock.GetCurrentInstant() + Duration.FromSeconds(20), text.NextAttemptAt);
        // The webhook failed once and was delivered at its second attempt.
        var hook = (await DeliveriesAsync(h, id)).Single(d => d.Channel == DeliveryChannel.Webhook);
        Assert.Equal((DeliveryStatus.Delivered, 2), (hook.Status, hook.Attempts));
        Assert.Single(webhook.Sent);

        h.Clock.Advance(Duration.FromSeconds(20));
        await dispatcher.RunOnceAsync(Ct);
        text = (await DeliveriesAsync(h, id)).Single(d => d.Channel == DeliveryChannel.Sms);
        Assert.Equal((DeliveryStatus.DeadLetter, 3), (text.Status, text.Attempts));
        h.Clock.Advance(Duration.FromHours(2));
        Assert.Equal((0, 0), await dispatcher.RunOnceAsync(Ct));
        Assert.Empty(sms.Sent);
    }

    [Fact]
    public async Task Two_dispatchers_on_one_postgres_database_send_every_delivery_once()
    {
        await using var pg = await PostgresDatabase.CreateAsync(Ct);
        var sms = new RecordingChannel(DeliveryChannel.Sms);
        var webhook = new RecordingChannel(DeliveryChannel.Webhook);
        await using var a = await StartAsync(sms, webhook, pg.ConnectionString, "node-a");
        await using var b = await StartAsync(sms, webhook, pg.ConnectionString, "node-b");
        var ids = new List<Guid>();
        for (var i = 0; i < 12; i++) ids.Add(await (i % 2 == 0 ? a : b).FileAndAcceptAsync(Definition));

        var dispatchers = new[] { a, b }.Select(h => h.Services.GetRequiredService<NotificationDispatcher>()).ToList();
        var rounds = await Task.WhenAll(dispatchers.Select(d => Task.Run(() => d.RunOnceAsync(Ct), Ct)));

        Assert.Equal(12, rounds.Sum(r => r.FannedOut));
        var sent = sms.Sent.Concat(webhook.Sent).ToList();
        Assert.Equal(24, sent.Count);
        Assert.Equal(24, sent.Select(m => m.MessageId).Distinct().Count());
        await using var db = a.Database.CreateContext();
        Assert.Equal(36, await db.NotificationDeliveries.CountAsync(d => d.Status == DeliveryStatus.Delivered, Ct));
        Assert.Equal(0, await db.Outbox.CountAsync(o => o.FannedOutAt == null, Ct));
    }

    private static async Task<List<NotificationDelivery>> DeliveriesAsync(EngineHarness h, Guid id)
    {
        await using var db = h.Database.CreateContext();
        return await db.NotificationDeliveries.AsNoTracking().Where(d => d.InstanceId == id).ToListAsync(Ct);
    }
}
