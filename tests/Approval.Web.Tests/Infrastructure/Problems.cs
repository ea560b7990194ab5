using System.Net;
using System.Text.Json;

namespace Approval.Web.Tests.Infrastructure;

/// <summary>Reads RFC 7807 problem responses in assertions.</summary>
public static class Problems
{
    public static async Task<JsonElement> ReadProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>Asserts a 400 problem whose errors name <paramref name="field"/>.</summary>
    public static async Task<string> AssertInvalidAsync(this HttpResponseMessage response, string field)
    {
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages),
            $"Expected an error for '{field}' in {problem}");
        return messages[0].GetString()!;
    }
}
