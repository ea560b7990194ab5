using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approval.Engine.Notifications;
using Approval.Web.Notifications;
using Approval.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Approval.Web.Tests.Notifications;

/// <summary>
/// The notifications API: channels validated field by field (nothing kept when refused, numbers normalised), a user
/// reads and marks only their own messages, dead letters are the administrator's to list and send again.
/// </summary>
public sealed class NotificationsApiTests : IAsyncLifetime
{
    private const string Definition = "enterprise-establishment";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // A subscriber nobody listens at: every attempt fails, and one attempt is all it gets.
    private readonly ApprovalWebFactory _factory = new()
    {
        Settings = new()
        {
            ["Approval:Notifications:Enabled"] = "false",
            ["Approval:Notifications:MaxAttempts"] = "1",
            ["Approval:Notifications:Webhooks:0:Name"] = "closed",
            ["Approval:Notifications:Webhooks:0:Url"] = "http://127.0.0.1:1/hook",
            ["Approval:Notifications:Webhooks:0:Secret"] = LocalReceivers.Secret,
        },
    };

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task Channels_with_a_bad_phone_and_a_bad_address_are_refused_naming_both_and_nothing_is_kept()
    {
        var investor = await _factory.ClientForAsync("investor");

        var response = await investor.PutAsJsonAsync("/api/me/notification-channels",
            new { sms = true, email = true, phone = "1234567", emailAddress = "zhang@" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Contains("手机号码", errors.GetProperty("phone")[0].GetString());
        Assert.Contains("电子邮箱", errors.GetProperty("email")[0].GetString());
        var kept = await investor.GetFromJsonAsync<JsonElement>("/api/me/notification-channels", Ct);
        Assert.False(kept.GetProperty("sms").GetBoolean());
        Assert.Equal(JsonValueKind.Null, kept.GetProperty("phone").ValueKind);
    }

    [Fact]
    public async Task A_chosen_channel_needs_its_address_and_a_number_is_kept_normalised()
    {
        var investor = await _factory.ClientForAsync("investor");

        var missing = await investor.PutAsJsonAsync("/api/me/notification-channels", new { sms = true, email = false }, Ct);
        var saved = await investor.PutAsJsonAsync("/api/me/notification-channels", new { sms = true, email = false, phone = "+86 138 1234 5678" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("13812345678", (await investor.GetFromJsonAsync<JsonElement>("/api/me/notification-channels", Ct)).GetProperty("phone").GetString());
    }

    [Fact]
    public async Task A_user_marks_only_their_own_messages_read()
    {
        var agent = await _factory.ClientForAsync("agent");
        var supervisor = await _factory.ClientForAsync("supervisor");
        var id = await TestProjects.FileAndAcceptAsync(_factory, Definition);
        await _factory.Services.GetRequiredService<NotificationDispatcher>().RunOnceAsync(Ct);
        var page = await agent.GetFromJsonAsync<JsonElement>("/api/me/messages", Ct);
        var message = page.GetProperty("items").EnumerateArray().First(m => m.GetProperty("instanceId").GetGuid() == id).GetProperty("id").GetGuid();
        var unread = (await agent.GetFromJsonAsync<JsonElement>("/api/me/messages/unread", Ct)).GetProperty("unread").GetInt32();

        var theirs = await supervisor.PostAsync($"/api/me/messages/{message}/read", null, Ct);
        var mine = await agent.PostAsync($"/api/me/messages/{message}/read", null, Ct);

        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, mine.StatusCode);
        Assert.Equal(unread - 1, (await agent.GetFromJsonAsync<JsonElement>("/api/me/messages/unread", Ct)).GetProperty("unread").GetInt32());
    }

    [Fact]
    public async Task Dead_letters_are_listed_for_the_administrator_only_and_sent_again_on_request()
    {
        var id = await TestProjects.FileAndAcceptAsync(_factory, Definition);
        await _factory.Services.GetRequiredService<NotificationDispatcher>().RunOnceAsync(Ct);
        var admin = await _factory.ClientForAsync("admin");
        var investor = await _factory.ClientForAsync("investor");

        Assert.Equal(HttpStatusCode.Forbidden, (await investor.GetAsync("/api/admin/notifications/dead-letters", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.CreateClient().GetAsync("/api/admin/notifications/dead-letters", Ct)).StatusCode);
        var dead = await admin.GetFromJsonAsync<JsonElement>("/api/admin/notifications/dead-letters", Ct);
        var letter = dead.GetProperty("items").EnumerateArray().Single(d =>
            d.GetProperty("messageId").GetString()!.StartsWith(id.ToString("N"), StringComparison.Ordinal));
        Assert.Equal("webhook", letter.GetProperty("channel").GetString());
        Assert.Equal(1, letter.GetProperty("attempts").GetInt32());
        Assert.False(string.IsNullOrEmpty(letter.GetProperty("lastError").GetString()));

        var retried = await admin.PostAsync($"/api/admin/notifications/dead-letters/{letter.GetProperty("id").GetGuid()}/retry", null, Ct);
        var unknown = await admin.PostAsync($"/api/admin/notifications/dead-letters/{Guid.NewGuid()}/retry", null, Ct);

        Assert.Equal(HttpStatusCode.NoContent, retried.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var after = await admin.GetFromJsonAsync<JsonElement>("/api/admin/notifications/dead-letters", Ct);
        Assert.DoesNotContain(after.GetProperty("items").EnumerateArray(), d => d.GetProperty("id").GetGuid() == letter.GetProperty("id").GetGuid());
        Assert.True(after.GetProperty("pending").GetInt32() >= 1);
    }
}

/// <summary>The pure parts: the SMS segment, the webhook signature and its replay window, masked addresses.</summary>
public sealed class NotificationFormatTests
{
    [Fact]
    public void An_sms_longer_than_a_segment_ends_at_a_sentence_or_is_cut_with_an_ellipsis()
    {
        var sentences = "项目已受理，请于五个工作日内携带身份证件和授权委托书到政务服务中心综合窗口领取受理通知书。" + new string('长', 60);
        var oneRun = new string('字', 100);

        Assert.Equal("【政务服务】短消息。", SmsText.Fit("【政务服务】", "短消息。"));
        Assert.Equal("【政务服务】项目已受理，请于五个工作日内携带身份证件和授权委托书到政务服务中心综合窗口领取受理通知书。", SmsText.Fit("【政务服务】", sentences));
        var cut = SmsText.Fit("【政务服务】", oneRun);
        Assert.Equal(SmsText.SegmentLength, cut.Length);
        Assert.EndsWith("…", cut);
    }

    [Fact]
    public void A_signature_verifies_only_with_the_secret_the_body_and_a_fresh_timestamp()
    {
        var now = Instant.FromUtc(2024, 9, 27, 2, 0);
        var timestamp = now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = WebhookSignature.Sign(LocalReceivers.Secret, timestamp, "{\"a\":1}");

        Assert.StartsWith("sha256=", signature);
        Assert.True(WebhookSignature.Verify(LocalReceivers.Secret, timestamp, "{\"a\":1}", signature, now + Duration.FromMinutes(4)));
        Assert.False(WebhookSignature.Verify(LocalReceivers.Secret, timestamp, "{\"a\":2}", signature, now));
        Assert.False(WebhookSignature.Verify("another-secret-0123456789", timestamp, "{\"a\":1}", signature, now));
        Assert.False(WebhookSignature.Verify(LocalReceivers.Secret, timestamp, "{\"a\":1}", signature, now + Duration.FromMinutes(6)));
        Assert.False(WebhookSignature.Verify(LocalReceivers.Secret, null, "{\"a\":1}", signature, now));
    }

    [Fact]
    public void Addresses_are_masked_for_logs_and_lists()
    {
        Assert.Equal("138****5678", NotificationIds.Mask("13812345678"));
        Assert.Equal("z***@example.com", NotificationIds.Mask("zhang.wei@example.com"));
        Assert.Equal("platform", NotificationIds.Mask("platform"));
    }
}
