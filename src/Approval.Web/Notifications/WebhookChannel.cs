using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Approval.Engine.Notifications;
using NodaTime;

namespace Approval.Web.Notifications;

/// <summary>
/// Delivers to webhook subscribers: a JSON POST signed with the subscriber's secret (see <see cref="WebhookSignature"/>);
/// any 2xx answer is delivery, anything else a failure to retry.
/// </summary>
public sealed class WebhookChannel(IHttpClientFactory http, NotificationSettings settings, IClock clock) : INotificationChannel
{
    public const string HttpClientName = "notification-webhooks";

    public DeliveryChannel Channel => DeliveryChannel.Webhook;

    public async Task SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        var subscriber = settings.Webhooks.FirstOrDefault(w => w.Name == message.Address)
            ?? throw new InvalidOperationException($"No webhook subscriber named '{message.Address}' is configured.");
        var body = JsonSerializer.Serialize(new
        {
            messageId = message.MessageId, kind = message.Kind, title = message.Title, body = message.Body,
            projectCode = message.ProjectCode, instanceId = message.InstanceId,
            createdAt = message.CreatedAt.ToString(), attempt = message.Attempt,
        });
        var timestamp = clock.GetCurrentInstant().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, subscriber.Url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSignature.MessageIdHeader, message.MessageId);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp);
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(subscriber.Secret, timestamp, body));
        using var response = await http.CreateClient(HttpClientName).SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"Webhook {subscriber.Name} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
    }
}

/// <summary>
/// The webhook signature (签名): <c>X-Approval-Signature: sha256=</c> the lower-case hex HMAC-SHA256, keyed with the
/// subscriber's secret (UTF-8), of the <c>X-Approval-Timestamp</c> value (Unix seconds), a full stop, and the raw body.
/// </summary>
/// <remarks>
/// A receiver recomputes the HMAC over the bytes it received, compares in constant time, refuses a timestamp more
/// than five minutes from its own clock (a replayed request), and dedupes by <c>X-Approval-Message-Id</c> (a delivery
/// may come more than once). <see cref="Verify"/> does all but the dedupe.
/// </remarks>
public static class WebhookSignature
{
    public const string MessageIdHeader = "X-Approval-Message-Id";
    public const string TimestampHeader = "X-Approval-Timestamp";
    public const string SignatureHeader = "X-Approval-Signature";
    public static readonly Duration Tolerance = Duration.FromMinutes(5);

    public static string Sign(string secret, string timestamp, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + body));
        return "sha256=" + Convert.ToHexStringLower(mac);
    }

    /// <summary>Whether a received request is signed with the secret and its timestamp is within <see cref="Tolerance"/> of <paramref name="now"/>.</summary>
    public static bool Verify(string secret, string? timestamp, string body, string? signature, Instant now)
    {
        if (timestamp is null || signature is null || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return false;
        var sent = Instant.FromUnixTimeSeconds(seconds);
        if (Duration.FromTicks(Math.Abs((now - sent).BclCompatibleTicks)) > Tolerance) return false;
        var expected = Encoding.ASCII.GetBytes(Sign(secret, timestamp, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }
}
