using Approval.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace Approval.Web.Tests.Infrastructure;

/// <summary>The real web host over HTTP, on its own SQLite file, with a fake clock and the timer scheduler off.</summary>
public sealed class ApprovalWebFactory : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "approval-web-" + Guid.NewGuid().ToString("N"));

    public FakeClock Clock { get; } = FakeClock.AtShanghai(2024, 9, 27, 10);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_directory);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Approval:Database:Provider", "Sqlite");
        builder.UseSetting("Approval:Database:ConnectionString", $"Data Source={Path.Combine(_directory, "approval.db")}");
        builder.UseSetting("Approval:Scheduler:Enabled", "false");
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<IClock>(Clock)));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
