using System.Net;
using System.Net.Http.Json;
using Approval.Engine.Notifications;
using Approval.Engine.Persistence;
using Approval.Testing.Persistence;
using Approval.Web.Notifications;
using Approval.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Approval.Web.Tests.Notifications;

/// <summary>
/// Notifications reach real local endpoints: a signed webhook to a loopback receiver that fails the first attempts
/// (retried with backoff, then delivered once), the contact telephone through a fake SMS gateway within one segment,
/// the agent's chosen e-mail through an in-process SMTP server, and in-app messages; a dispatcher stopped after a
/// send and before marking it sends the same message id again and loses nothing. On SQLite and PostgreSQL.
/// </summary>
public sealed class DeliveryTests
{
    private const string Definition = "enterprise-establishment";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task On_sqlite_an_acceptance_reaches_webhook_sms_email_and_inbox_once_each() => await AcceptanceReachesEveryChannelAsync(null);

    [Fact]
    public async Task On_postgres_an_acceptance_reaches_webhook_sms_email_and_inbox_once_each()
    {
        await using var pg = await PostgresDatabase.CreateAsync(Ct);
        await AcceptanceReachesEveryChannelAsync(pg.ConnectionString);
    }

    private static async Task AcceptanceReachesEveryChannelAsync(string? postgres)
    {
        await using var receivers = await LocalReceivers.StartAsync();
        receivers.WebhookFailuresLeft = 2;
        await using var factory = new ApprovalWebFactory { Postgres = postgres, Settings = receivers.Settings() };
        receivers.Now = factory.Clock.GetCurrentInstant;
        var agent = await factory.ClientForAsync("agent");
        (await agent.PutAsJsonAsync("/api/me/notification-channels", new { sms = false, email = true, emailAddress = "li.ming@example.com" }, Ct))
            .EnsureSuccessStatusCode();
        var id = await TestProjects.FileAndAcceptAsync(factory, Definition);
        var project = await factory.Services.GetRequiredService<Engine.Supervision.ProjectReader>().GetAsync(Engine.Runtime.Actor.System, id);
        var dispatcher = factory.Services.GetRequiredService<NotificationDispatcher>();

        await dispatcher.RunOnceAsync(Ct);
        Assert.Equal((1, 0), (receivers.WebhookAttempts, receivers.Webhooks.Count));
        factory.Clock.Advance(Duration.FromSeconds(10));
        await dispatcher.RunOnceAsync(Ct);
        Assert.Equal((2, 0), (receivers.WebhookAttempts, receivers.Webhooks.Count));
        factory.Clock.Advance(Duration.FromSeconds(19));
        await dispatcher.RunOnceAsync(Ct);
        Assert.Equal(2, receivers.WebhookAttempts);  // the second failure waits 20 s
        factory.Clock.Advance(Duration.FromSeconds(1));
        await dispatcher.RunOnceAsync(Ct);
        factory.Clock.Advance(Duration.FromHours(1));
        await dispatcher.RunOnceAsync(Ct);

        // Webhook: three attempts, every one signed, delivered once.
        Assert.Equal((3, 0), (receivers.WebhookAttempts, receivers.BadSignatures));
        var (messageId, hook) = Assert.Single(receivers.Webhooks);
        Assert.Equal(messageId, hook.GetProperty("messageId").GetString());
        Assert.Equal("Accepted", hook.GetProperty("kind").GetString());
        Assert.Equal(project.ProjectCode, hook.GetProperty("projectCode").GetString());
        Assert.Equal(3, hook.GetProperty("attempt").GetInt32());
        // SMS: to the contact telephone given at filing, one segment, with the code, the query key and the date.
        var sms = Assert.Single(receivers.Sms);
        Assert.Equal("13812345678", sms.GetProperty("phone").GetString());
        var text = sms.GetProperty("text").GetString()!;
        Assert.True(text.Length <= SmsText.SegmentLength, text);
        Assert.StartsWith("【政务服务】项目已受理", text);
        Assert.Contains(project.ProjectCode!, text);
        Assert.Contains(project.QueryKey!, text);
        // E-mail: to the address the agent chose, with the delivery's message id.
        var mail = Assert.Single(receivers.Mails);
        Assert.Equal("li.ming@example.com", mail.To.Mailboxes.Single().Address);
        Assert.Equal("申请已受理", mail.Subject);
        Assert.Contains(project.QueryKey!, mail.TextBody);
        Assert.EndsWith("@approval", mail.MessageId);
        // In-app: the agent and the investor account each have it, unread.
        var messages = await agent.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/me/messages", Ct);
        var message = Assert.Single(messages.GetProperty("items").EnumerateArray(), m => m.GetProperty("instanceId").GetGuid() == id);
        Assert.Equal("申请已受理", message.GetProperty("title").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, message.GetProperty("readAt").ValueKind);
        Assert.True(messages.GetProperty("unread").GetInt32() >= 1);
        var investor = await factory.ClientForAsync("investor");
        Assert.Single((await investor.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/me/messages", Ct)).GetProperty("items").EnumerateArray(),
            m => m.GetProperty("instanceId").GetGuid() == id);

        await using var db = factory.Services.GetRequiredService<ApprovalDatabase>().CreateContext();
        var deliveries = await db.NotificationDeliveries.Where(d => d.InstanceId == id).ToListAsync(Ct);
        Assert.All(deliveries, d => Assert.Equal(DeliveryStatus.Delivered, d.Status));
        Assert.Equal(deliveries.Count, deliveries.Select(d => d.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task On_sqlite_a_dispatcher_stopped_after_the_send_sends_the_same_message_id_again() => await StoppedAfterTheSendAsync(null);

    [Fact]
    public async Task On_postgres_a_dispatcher_stopped_after_the_send_sends_the_same_message_id_again()
    {
        await using var pg = await PostgresDatabase.CreateAsync(Ct);
        await StoppedAfterTheSendAsync(pg.ConnectionString);
    }

    private static async Task StoppedAfterTheSendAsync(string? postgres)
    {
        await using var receivers = await LocalReceivers.StartAsync();
        await using var factory = new ApprovalWebFactory { Postgres = postgres, Settings = receivers.Settings(sms: false, email: false) };
        receivers.Now = factory.Clock.GetCurrentInstant;
        var id = await TestProjects.FileAndAcceptAsync(factory, Definition);
        var dispatcher = factory.Services.GetRequiredService<NotificationDispatcher>();
        using var kill = new CancellationTokenSource();
        // The receiver has the message; the node dies before it can record that.
        receivers.OnWebhookAccepted = kill.Cancel;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dispatcher.RunOnceAsync(kill.Token));
        receivers.OnWebhookAccepted = null;
        Assert.Single(receivers.Webhooks);
        var delivery = await WebhookDeliveryAsync(factory, id);
        Assert.Equal((DeliveryStatus.Pending, 0), (delivery.Status, delivery.Attempts));

        // Nothing is sent again while the dead node's lease holds; after it, the same message goes once more.
        await dispatcher.RunOnceAsync(Ct);
        Assert.Single(receivers.Webhooks);
        factory.Clock.Advance(Duration.FromTimeSpan(dispatcher.Options.Lease));
        await dispatcher.RunOnceAsync(Ct);

        Assert.Equal(2, receivers.Webhooks.Count);
        Assert.Single(receivers.Webhooks.Select(w => w.MessageId).Distinct());
        delivery = await WebhookDeliveryAsync(factory, id);
        Assert.Equal((DeliveryStatus.Delivered, 1), (delivery.Status, delivery.Attempts));
        Assert.Equal(delivery.MessageId, receivers.Webhooks.First().MessageId);
    }

    private static async Task<NotificationDelivery> WebhookDeliveryAsync(ApprovalWebFactory factory, Guid id)
    {
        await using var db = factory.Services.GetRequiredService<ApprovalDatabase>().CreateContext();
        return await db.NotificationDeliveries.AsNoTracking().SingleAsync(d => d.InstanceId == id && d.Channel == DeliveryChannel.Webhook, Ct);
    }
}
