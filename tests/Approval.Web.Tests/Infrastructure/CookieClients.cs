using System.Net.Http.Json;
using System.Text.Json;
using Approval.Web.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Approval.Web.Tests.Infrastructure;

/// <summary>Clients signed in the way pages are: by cookie, over HTTPS (the cookie is Secure outside Development).</summary>
public static class CookieClients
{
    public static readonly Uri Origin = new("https://localhost");

    public static HttpClient Anonymous(WebApplicationFactory<Program> factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = Origin, HandleCookies = true });

    /// <summary>A client holding <paramref name="userName"/>'s auth cookie (password <paramref name="password"/>, by default the demo one).</summary>
    public static async Task<HttpClient> SignedInAsync(WebApplicationFactory<Program> factory, string userName, string password = DemoData.Password)
    {
        var client = Anonymous(factory);
        var login = await client.PostAsJsonAsync("/api/auth/login?useCookies=true", new { userName, password });
        if (!login.IsSuccessStatusCode) throw new InvalidOperationException($"Cookie login as {userName}: {(int)login.StatusCode} {await login.Content.ReadAsStringAsync()}");
        return client;
    }

    /// <summary>The antiforgery token for the client's current sign-in (GET /api/auth/antiforgery); also stores its cookie.</summary>
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client)
    {
        var answer = await client.GetFromJsonAsync<JsonElement>("/api/auth/antiforgery");
        Assert.Equal(WebSecurity.AntiforgeryHeader, answer.GetProperty("headerName").GetString());
        return answer.GetProperty("token").GetString()!;
    }

    /// <summary>A POST with the antiforgery token in its header (or none) and, optionally, an Origin.</summary>
    public static HttpRequestMessage Post(string url, object? body = null, string? token = null, string? origin = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = body is null ? null : JsonContent.Create(body) };
        if (token is not null) request.Headers.Add(WebSecurity.AntiforgeryHeader, token);
        if (origin is not null) request.Headers.Add("Origin", origin);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return request;
    }
}
