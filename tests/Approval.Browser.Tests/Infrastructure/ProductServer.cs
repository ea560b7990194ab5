using System.Net;
using Approval.Engine.Runtime;
using Approval.Engine.Supervision;
using Approval.Web.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Approval.Browser.Tests.Infrastructure.ProductServer))]

namespace Approval.Browser.Tests.Infrastructure;

/// <summary>
/// The real product for the whole test run: Approval.Web in-process on Kestrel (a free loopback port, real HTTP, not
/// TestServer), in Development with its demo accounts and projects, on its own SQLite file; and one headless Debian
/// Chromium. Tests open pages through <see cref="BrowserTest"/>.
/// </summary>
public sealed class ProductServer : IAsyncLifetime
{
    /// <summary>Debian's Chromium (Playwright cannot download its own browsers here); <c>APPROVAL_CHROMIUM</c> overrides it.</summary>
    public static string ChromiumPath { get; } = Environment.GetEnvironmentVariable("APPROVAL_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "approval-browser-" + Guid.NewGuid().ToString("N"));
    private Factory? _factory;
    private IPlaywright? _playwright;

    /// <summary>Where the product listens, e.g. http://127.0.0.1:41234.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The product's services, for arranging what a test needs through the engine (never for asserting on pages).</summary>
    public IServiceProvider Services => _factory!.Services;

    /// <summary>The shared browser, or null when Chromium is not installed (see <see cref="Unavailable"/>).</summary>
    public IBrowser? Browser { get; private set; }

    /// <summary>Why there is no browser, when there is none.</summary>
    public string? Unavailable { get; private set; }

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _factory = new Factory(Path.Combine(_directory, "approval.db"));
        _factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        BaseUrl = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First().TrimEnd('/');

        if (!File.Exists(ChromiumPath))
        {
            Unavailable = $"Chromium is not installed at {ChromiumPath} (apt-get install -y chromium fonts-noto-cjk).";
            return;
        }
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>The running demo industrial construction permit (accepted at seeding): its code and query key.</summary>
    /// <summary>The demo project accepted at start in Development (DemoData).</summary>
    public const string DemoProjectName = "新型建材产业园一期工程";

    public async Task<(string Code, string Key)> DemoTrackingAsync()
    {
        var running = await Services.GetRequiredService<ProjectReader>().RunningAsync();
        // By name: other tests file and accept industrial permits of their own on the same server.
        var project = running.First(p => p.ProjectName == DemoProjectName && p.QueryKey is not null);
        return (project.ProjectCode!, project.QueryKey!);
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }

    private sealed class Factory(string databaseFile) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // Development: the demo accounts and projects a newcomer sees, seeded at start.
            builder.UseEnvironment("Development");
            builder.UseSetting("Approval:Database:Provider", "Sqlite");
            builder.UseSetting("Approval:Database:ConnectionString", $"Data Source={databaseFile}");
            // Uploaded materials next to the database, not under the source tree.
            builder.UseSetting("Approval:Materials:Directory", Path.Combine(Path.GetDirectoryName(databaseFile)!, "materials"));
            // All tests come from 127.0.0.1: the tracking budget per client would make them depend on each other's
            // timing. That the page shares the API's budget is tested in Approval.Web.Tests.
            builder.UseSetting("Approval:Tracking:PermitsPerMinute", "10000");
            // Likewise every sign-in comes from 127.0.0.1; the page's throttle is the API's (tested in Approval.Web.Tests).
            builder.UseSetting("Approval:SignIn:AttemptsPerAddressPerMinute", "10000");
            // Development prints traces and metrics to the console; tests export nothing.
            builder.UseSetting("Approval:Telemetry:Exporter", "None");
        }
    }
}
