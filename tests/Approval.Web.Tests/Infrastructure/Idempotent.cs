using System.Net.Http.Json;

namespace Approval.Web.Tests.Infrastructure;

/// <summary>Sends decisions with an Idempotency-Key header, as every client must.</summary>
public static class Idempotent
{
    public static Task<HttpResponseMessage> PostDecisionAsync(this HttpClient client, string url, object body, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return client.SendAsync(request);
    }
}
