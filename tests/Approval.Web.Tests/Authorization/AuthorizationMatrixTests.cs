using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Approval.Web.Tests.Infrastructure;

namespace Approval.Web.Tests.Authorization;

/// <summary>
/// Every endpoint × every role (and anonymous): a role the endpoint is not for gets 403, an anonymous caller 401,
/// and a role it is for gets past the door (whatever the handler then says about the made-up ids and bodies).
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.Host host) : IClassFixture<AuthorizationMatrixTests.Host>
{
    private const string Id = "00000000-0000-0000-0000-000000000001";
    private static readonly string[] Users = ["agent", "investor", "window", "approver-taxation", "supervisor", "admin"];
    private static readonly string[] Everyone = Users;
    private static readonly string[] Applicants = ["agent", "investor"];
    private static readonly string[] Public = [.. Users, "anonymous"];

    /// <summary>(method, path, who may pass).</summary>
    private static readonly (string Method, string Path, string[] Allowed)[] Endpoints =
    [
        ("GET", "/api/auth/me", Everyone),
        ("POST", "/api/projects", Applicants),
        ("GET", "/api/projects", Applicants),
        ("GET", $"/api/projects/{Id}", Everyone),
        ("POST", $"/api/projects/{Id}/materials", Applicants),
        ("GET", $"/api/projects/{Id}/materials", Everyone),
        ("POST", $"/api/projects/{Id}/resubmission", Applicants),
        ("POST", $"/api/projects/{Id}/deficiencies", Applicants),
        ("GET", $"/api/projects/{Id}/corrections", Applicants),
        ("POST", $"/api/corrections/{Id}", Applicants),
        ("GET", "/api/authorisations", ["agent", "investor", "admin"]),
        ("POST", "/api/authorisations", ["investor", "admin"]),
        ("DELETE", $"/api/authorisations/{Id}", ["investor", "admin"]),
        ("GET", "/api/intake/queue", ["window"]),
        ("GET", $"/api/intake/{Id}/checklist", ["window"]),
        ("GET", $"/api/intake/{Id}/receipt", ["window", .. Applicants]),
        ("GET", $"/api/intake/{Id}/documents/receipt", ["window", .. Applicants]),
        ("POST", $"/api/intake/{Id}/paper-originals", ["window"]),
        ("POST", $"/api/intake/{Id}/acceptance", ["window"]),
        ("POST", $"/api/intake/{Id}/return", ["window"]),
        ("POST", $"/api/intake/{Id}/refusal", ["window"]),
        ("POST", $"/api/intake/{Id}/survey", ["window"]),
        ("POST", $"/api/intake/{Id}/results", ["window"]),
        ("GET", "/api/tasks", ["approver-taxation"]),
        ("GET", $"/api/tasks/{Id}", ["approver-taxation"]),
        ("POST", $"/api/tasks/{Id}/opinion", ["approver-taxation"]),
        ("POST", $"/api/tasks/{Id}/findings", ["approver-taxation"]),
        ("POST", $"/api/tasks/{Id}/decision", ["approver-taxation"]),
        ("POST", $"/api/tasks/{Id}/clock-stop", ["approver-taxation"]),
        ("POST", $"/api/tasks/{Id}/clock-resume", ["approver-taxation"]),
        ("POST", $"/api/tasks/{Id}/extension", ["approver-taxation"]),
        ("GET", "/api/supervision/projects", ["supervisor"]),
        ("GET", "/api/supervision/tasks", ["supervisor"]),
        ("GET", "/api/supervision/departments", ["supervisor"]),
        ("GET", "/api/supervision/extensions", ["supervisor"]),
        ("POST", $"/api/supervision/extensions/{Id}/decision", ["supervisor"]),
        ("GET", "/api/supervision/statistics", ["supervisor"]),
        ("GET", "/api/supervision/statistics.csv", ["supervisor"]),
        ("GET", "/api/definitions", Everyone),
        ("GET", "/api/definitions/enterprise-establishment", Everyone),
        ("GET", "/api/definitions/enterprise-establishment/versions/1", Everyone),
        ("POST", "/api/admin/calendar/reload", ["admin"]),
        ("POST", "/api/admin/definitions/validate", ["admin"]),
        ("POST", $"/api/admin/projects/{Id}/correction", ["admin"]),
        ("GET", "/api/tracking?code=2509-320193-89-01-544060&key=ABCDEFGH", Public),
        ("GET", "/api/catalogue/matters", Public),
        ("GET", "/api/catalogue/matters/SCJG-001", Public),
        ("GET", "/api/catalogue/departments", Public),
        ("GET", "/api/disclosure", Public),
        ("GET", "/api/calendar/days/2024-10-01", Public),
        ("GET", "/api/project-codes/2509-320193-89-01-544060", Public),
        ("GET", "/health/ready", Public),
    ];

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (method, path, _) in Endpoints)
            foreach (var user in Public)
                data.Add(method, path, user);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_role_passes_only_the_doors_meant_for_it(string method, string path, string user)
    {
        var allowed = Endpoints.Single(e => e.Method == method && e.Path == path).Allowed.Contains(user);
        var client = await host.ClientAsync(user);
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        // Uploads are matched on multipart content before authorisation runs; send the kind each door expects.
        if (method == "POST")
            request.Content = path.EndsWith("/materials") ? new MultipartFormDataContent { { new StringContent("x"), "materialCode" } } : JsonContent.Create(new { });

        var response = await client.SendAsync(request);

        var status = response.StatusCode;
        if (allowed)
            Assert.True(status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) && (int)status < 500,
                $"{user} should pass {method} {path} but got {(int)status}");
        else
            Assert.Equal(user == "anonymous" ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden, status);
    }

    /// <summary>One host and one signed-in client per user for the whole matrix.</summary>
    public sealed class Host : IAsyncDisposable
    {
        private readonly ApprovalWebFactory _factory = new();
        private readonly ConcurrentDictionary<string, Task<HttpClient>> _clients = new();

        public Task<HttpClient> ClientAsync(string user) =>
            _clients.GetOrAdd(user, u => _factory.ClientForAsync(u == "anonymous" ? null : u));

        public ValueTask DisposeAsync() => _factory.DisposeAsync();
    }
}
