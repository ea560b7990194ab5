using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Approval.Engine.Persistence;
using Approval.Engine.Runtime;
using Approval.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Web.Tests.BadInput;

/// <summary>
/// A bounded corpus of bad values sent to every operation the host maps (read from its <see cref="EndpointDataSource"/>,
/// so a new endpoint is covered without touching this file): in every route value, query parameter and body member,
/// bodies of the wrong shape or none, broken multipart uploads. Each operation is called as an account its
/// authorisation lets through, on a project of its own, so that the values reach the handlers and the store.
/// </summary>
public sealed class BadInputCorpus(ApprovalWebFactory factory)
{
    /// <summary>Values that are wrong as text, as dates, as numbers or as kinds; each replaces every value a request carries.</summary>
    public static readonly string[] Texts =
    [
        "\u0000", "a\u0000b", "a\u0001b", "x\u001bx", "next\u0085line", "0000-01-01", "-0001-01-01", "9999-12-31", "+10000-01-01",
        "2024-02-30", "0000-01-01T00:00:00Z", "-1", "2147483648", "", " ", new string('长', 5000),
    ];

    /// <summary>JSON tokens of other kinds than the member expects.</summary>
    public static readonly string[] Tokens = ["-1", "0", "2147483648", "1e308", "1.5", "true", "[]", "{}", "null", "\"\\ud800\"", "[\"\\u0000\"]"];

    /// <summary>Whole bodies that are not the object an operation reads.</summary>
    public static readonly string?[] Bodies = [null, "", "null", "[]", "\"text\"", "42", "{", "{\"a\":", "{}"];

    private static readonly Dictionary<string, string> AccountOf = new()
    {
        ["agent"] = "agent", ["investor"] = "investor", ["window"] = "window", ["approver"] = "approver-market-regulation",
        ["supervisor"] = "supervisor", ["admin"] = "admin",
    };

    private readonly Dictionary<string, HttpClient> _clients = [];
    private readonly List<string> _failures = [];

    /// <summary>Every request whose answer was a 5xx, or a 4xx that names an internal type; empty when the host held.</summary>
    public async Task<IReadOnlyList<string>> RunAsync()
    {
        await TestProjects.AuthorisedAgentAsync(factory);
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not null)
            .OrderBy(e => e.RoutePattern.RawText, StringComparer.Ordinal).ToList();
        Assert.True(endpoints.Count > 40, $"Only {endpoints.Count} endpoints found");
        foreach (var endpoint in endpoints)
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods)
                await RunAsync(endpoint, method);
        return _failures;
    }

    private async Task RunAsync(RouteEndpoint endpoint, string method)
    {
        var client = await ClientForAsync(endpoint);
        var (project, task) = await TargetsAsync();
        var handler = endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault();
        var parameters = handler?.GetParameters() ?? [];
        var routeNames = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var query = parameters.Where(p => !routeNames.Contains(p.Name!) && IsSimple(p.ParameterType)).Select(p => p.Name!).ToList();
        var body = parameters.FirstOrDefault(p => IsBody(p))?.ParameterType;
        var multipart = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.Contains("multipart/form-data") == true;

        string Url(string? routeValue, string? queryName = null, string? queryValue = null)
        {
            var path = new StringBuilder();
            foreach (var segment in endpoint.RoutePattern.PathSegments)
            {
                path.Append('/');
                foreach (var part in segment.Parts)
                    path.Append(part switch
                    {
                        RoutePatternLiteralPart literal => literal.Content,
                        RoutePatternParameterPart p when p.ParameterPolicies.Any(c => c.Content == "guid") =>
                            (endpoint.RoutePattern.RawText!.StartsWith("/api/tasks") ? task : project).ToString(),
                        RoutePatternParameterPart p => Uri.EscapeDataString(routeValue ?? Fallback(p.Name)),
                        _ => "",
                    });
            }
            return queryName is null ? path.ToString() : $"{path}?{Uri.EscapeDataString(queryName)}={Uri.EscapeDataString(queryValue!)}";
        }

        // Route values and query parameters, one bad value at a time; then an unknown parameter with a NUL.
        foreach (var value in Texts.Take(12))
        {
            if (endpoint.RoutePattern.Parameters.Any(p => !p.ParameterPolicies.Any(c => c.Content == "guid")))
                await SendAsync(client, method, Url(value), Json(body, "\"ok\""));
            foreach (var name in query) await SendAsync(client, method, Url(null, name, value), Json(body, "\"ok\""));
        }
        await SendAsync(client, method, Url(null, "x", "\u0000"), Json(body, "\"ok\""));

        if (multipart)
        {
            foreach (var content in Uploads()) await SendAsync(client, method, Url(null), content);
        }
        else if (body is not null)
        {
            foreach (var whole in Bodies) await SendAsync(client, method, Url(null), whole is null ? null : Raw(whole));
            await SendAsync(client, method, Url(null), new StringContent("{}", Encoding.UTF8, "text/plain"));
            foreach (var text in Texts) await SendAsync(client, method, Url(null), Json(body, JsonSerializer.Serialize(text)));
            foreach (var token in Tokens) await SendAsync(client, method, Url(null), Json(body, token));
        }
        else if (method is "POST" or "PUT")
        {
            await SendAsync(client, method, Url(null), Raw("{\"x\":\"\\u0000\"}"));
        }
        // A key with a control character: HttpClient lets it through without validation, as a hand-written client would.
        if (method == "POST") await SendAsync(client, method, Url(null), Json(body, "\"ok\""), key: "key\u0001");
    }

    private async Task SendAsync(HttpClient client, string method, string url, HttpContent? content, string? key = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = content };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        }
        catch (InvalidOperationException e) when (e.Message.Contains("null characters"))
        {
            return;   // a NUL in the path: the server's URL decoder refuses it (Kestrel answers 400) before the app sees it
        }
        using var _ = response;
        var answer = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var sent = content is null ? "(no body)" : Shorten(await content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        if ((int)response.StatusCode >= 500)
            _failures.Add($"{method} {Shorten(url)} {sent} → {(int)response.StatusCode} {Shorten(answer)}");
        else if ((int)response.StatusCode >= 400 && InternalNames.Any(answer.Contains))
            _failures.Add($"{method} {Shorten(url)} {sent} → {(int)response.StatusCode} names an internal type: {Shorten(answer)}");
    }

    private static readonly string[] InternalNames = ["Approval.Web", "Approval.Engine", "System.", "Did you mean", "Microsoft."];

    /// <summary>A JSON object whose every member (nested records' too) is <paramref name="token"/>, written as text so that a lone surrogate survives.</summary>
    private static StringContent? Json(Type? body, string token) => body is null ? null : Raw(Object(body, token));

    private static string Object(Type type, string token, int depth = 0) => "{" + string.Join(",",
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(property =>
            JsonSerializer.Serialize(JsonNamingPolicy.CamelCase.ConvertName(property.Name)) + ":" +
            (depth == 0 && IsRecord(property.PropertyType) ? Object(property.PropertyType, token, depth + 1) : token))) + "}";

    private static StringContent Raw(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>Uploads cut short, with a wrong boundary, with no boundary, and with a NUL in the material code.</summary>
    private static IEnumerable<HttpContent> Uploads()
    {
        const string boundary = "----corpus";
        var whole = $"--{boundary}\r\nContent-Disposition: form-data; name=\"materialCode\"\r\n\r\nbank-account\r\n" +
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7 body\r\n--{boundary}--\r\n";
        HttpContent Multipart(string text, string contentType)
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            return content;
        }
        yield return Multipart(whole[..(whole.Length / 2)], $"multipart/form-data; boundary={boundary}");
        yield return Multipart(whole[..(whole.Length - 10)], $"multipart/form-data; boundary={boundary}");
        yield return Multipart(whole, "multipart/form-data; boundary=other");
        yield return Multipart(whole, "multipart/form-data");
        yield return Multipart(whole.Replace("bank-account", "bank\u0000account"), $"multipart/form-data; boundary={boundary}");
        yield return Multipart(whole.Replace("a.pdf", "a\u0000.pdf"), $"multipart/form-data; boundary={boundary}");
        yield return Multipart("", $"multipart/form-data; boundary={boundary}");
    }

    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(string) || t == typeof(bool) || t == typeof(int) || t == typeof(Guid) || t.IsEnum;
    }

    private static bool IsRecord(Type type) => type.IsClass && type.Namespace?.StartsWith("Approval.Web") == true &&
        type.GetMethod("<Clone>$") is not null;

    private static bool IsBody(ParameterInfo p) => IsRecord(p.ParameterType) && !p.IsDefined(typeof(AsParametersAttribute));

    private static string Fallback(string name) => name switch { "date" => "2024-10-08", "code" => "2509-320193-89-01-544060", _ => "x" };

    private static string Shorten(string text) =>
        (text.Length > 300 ? text[..300] + "…" : text).Replace("\u0000", "\\u0000");

    private async Task<HttpClient> ClientForAsync(RouteEndpoint endpoint)
    {
        var role = await RoleOfAsync(endpoint);
        if (!_clients.TryGetValue(role ?? "", out var client))
            _clients[role ?? ""] = client = await factory.ClientForAsync(role is null ? null : AccountOf[role]);
        return client;
    }

    /// <summary>The first role the endpoint's authorisation lets through; null for anonymous endpoints.</summary>
    private async Task<string?> RoleOfAsync(RouteEndpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null) return null;
        var policy = await AuthorizationPolicy.CombineAsync(factory.Services.GetRequiredService<IAuthorizationPolicyProvider>(),
            endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(), endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>());
        if (policy is null) return null;
        var roles = policy.Requirements.OfType<Microsoft.AspNetCore.Authorization.Infrastructure.RolesAuthorizationRequirement>()
            .SelectMany(r => r.AllowedRoles).ToList();
        return roles.FirstOrDefault(AccountOf.ContainsKey) ?? "agent";
    }

    /// <summary>A running project of its own for each operation, and its market-regulation task (the business licence).</summary>
    private async Task<(Guid Project, Guid Task)> TargetsAsync()
    {
        var project = await TestProjects.FileAndAcceptAsync(factory, "enterprise-establishment");
        await using var db = factory.Services.GetRequiredService<ApprovalDatabase>().CreateContext();
        var task = await db.Set<WorkTask>().AsNoTracking().Where(t => t.InstanceId == project && t.DepartmentId == "market-regulation")
            .Select(t => t.Id).FirstAsync(TestContext.Current.CancellationToken);
        return (project, task);
    }
}
