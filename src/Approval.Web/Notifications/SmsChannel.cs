using System.Net.Http.Headers;
using System.Net.Http.Json;
using Approval.Engine.Notifications;

namespace Approval.Web.Notifications;

/// <summary>
/// Delivers SMS through the configured HTTP gateway: one JSON POST per message
/// (<c>{"messageId","phone","text"}</c>), the text one segment of at most <see cref="SmsText.SegmentLength"/> characters
/// with the signature; any 2xx answer is delivery.
/// </summary>
public sealed class SmsChannel(IHttpClientFactory http, NotificationSettings settings) : INotificationChannel
{
    public const string HttpClientName = "notification-sms";

    public DeliveryChannel Channel => DeliveryChannel.Sms;

    public async Task SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        var gateway = settings.Sms;
        using var request = new HttpRequestMessage(HttpMethod.Post, gateway.Url)
        {
            Content = JsonContent.Create(new { messageId = message.MessageId, phone = message.Address, text = SmsText.Fit(gateway.Signature, message.Body) }),
        };
        if (!string.IsNullOrEmpty(gateway.ApiKey)) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", gateway.ApiKey);
        using var response = await http.CreateClient(HttpClientName).SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"The SMS gateway answered {(int)response.StatusCode} {response.ReasonPhrase}.");
    }
}

/// <summary>An SMS text within one segment (短信字数限制): 70 characters for Chinese text, the signature included.</summary>
public static class SmsText
{
    public const int SegmentLength = 70;

    /// <summary>
    /// The signature and the body, whole when they fit; else the body up to its last sentence end (。；) that leaves room,
    /// or cut with an ellipsis, so that a message never runs into a second, separately billed and possibly reordered segment.
    /// </summary>
    public static string Fit(string signature, string body)
    {
        var room = SegmentLength - signature.Length;
        if (body.Length <= room) return signature + body;
        var cut = body.LastIndexOfAny(['。', '；'], room - 1);
        // A sentence end keeps the message readable; too early a one (less than half of the room) loses too much.
        if (cut >= room / 2) return signature + body[..(cut + 1)];
        return signature + body[..(room - 1)] + "…";
    }
}
