using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Approval.Testing;
using Approval.Web.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace Approval.Web.Tests.Infrastructure;

/// <summary>
/// The real web host over HTTP, on its own SQLite file (or on <see cref="Postgres"/> when given), with a fake clock
/// and the timer scheduler and notification dispatcher off.
/// </summary>
public sealed class ApprovalWebFactory : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "approval-web-" + Guid.NewGuid().ToString("N"));

    public FakeClock Clock { get; } = FakeClock.AtShanghai(2024, 9, 27, 10);

    /// <summary>A copy of <c>workflows/</c> to run on (a test that edits the files); the repository's own when null.</summary>
    public string? WorkflowsDirectory { get; init; }

    /// <summary>A PostgreSQL database of the test's own to run on instead of SQLite.</summary>
    public string? Postgres { get; init; }

    /// <summary>Configuration values set over the host's own (e.g. a rate limit).</summary>
    public Dictionary<string, string> Settings { get; init; } = [];

    /// <summary>Services a test adds over the host's own (e.g. an in-memory telemetry exporter).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_directory);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Approval:Database:Provider", Postgres is null ? "Sqlite" : "Postgres");
        builder.UseSetting("Approval:Database:ConnectionString", Postgres ?? $"Data Source={Path.Combine(_directory, "approval.db")}");
        builder.UseSetting("Approval:Scheduler:Enabled", "false");
        // Likewise the notification dispatcher: the tests that deliver run it by hand.
        builder.UseSetting("Approval:Notifications:Enabled", "false");
        if (WorkflowsDirectory is not null) builder.UseSetting("Approval:WorkflowsDirectory", WorkflowsDirectory);
        // Every test signs in from the same (absent) address; the sign-in tests set their own limits.
        builder.UseSetting("Approval:SignIn:AttemptsPerAddressPerMinute", "100000");
        // Outside Development the document is off by default; the tests read it.
        builder.UseSetting("Approval:Security:OpenApi", "true");
        // A test's own settings last, so that they win (e.g. a sign-in or tracking limit).
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<IClock>(Clock));
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, TestPeer>();
            TestServices?.Invoke(services);
        });
    }

    private readonly SemaphoreSlim _seed = new(1, 1);
    private bool _seeded;

    /// <summary>Creates the demo accounts (one per role, one approver per department) once per factory.</summary>
    public async Task SeedAccountsAsync()
    {
        await _seed.WaitAsync();
        try
        {
            if (_seeded) return;
            await DemoData.SeedAccountsAsync(Services);
            _seeded = true;
        }
        finally
        {
            _seed.Release();
        }
    }

    /// <summary>A client signed in as a demo account (bearer token): "agent", "window", "supervisor", "admin",
    /// "investor", or "approver-{departmentId}"; null for an anonymous client.</summary>
    public async Task<HttpClient> ClientForAsync(string? userName)
    {
        var client = CreateClient();
        if (userName is null) return client;
        await SeedAccountsAsync();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = DemoData.Password });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Login as {userName} failed: {(int)response.StatusCode} {body}");
        var token = JsonDocument.Parse(body).RootElement.GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
