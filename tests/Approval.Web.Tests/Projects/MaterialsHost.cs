using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Approval.Web.Hosting;
using Approval.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Approval.Web.Tests.Projects;

/// <summary>
/// The web host with material storage in a throw-away directory and a small size limit, so that uploads neither
/// land in the source tree nor need megabytes to exceed the limit. Shares the database and clock of <see cref="Factory"/>.
/// </summary>
public sealed class MaterialsHost : IAsyncDisposable
{
    public const int MaxBytes = 4096;

    public MaterialsHost()
    {
        Directory.CreateDirectory(StorageDirectory);
        Web = Factory.WithWebHostBuilder(b => b
            .UseSetting("Approval:Materials:Directory", StorageDirectory)
            .UseSetting("Approval:Materials:MaxBytes", MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    public ApprovalWebFactory Factory { get; } = new();
    public WebApplicationFactory<Program> Web { get; }
    public string StorageDirectory { get; } = Path.Combine(Path.GetTempPath(), "approval-materials-" + Guid.NewGuid().ToString("N"));

    /// <summary>The stored content files (temporary files of refused uploads must not linger either).</summary>
    public IReadOnlyList<string> StoredFiles() => Directory.GetFiles(StorageDirectory, "*", SearchOption.AllDirectories);

    /// <summary>A client of this host signed in as a demo account.</summary>
    public async Task<HttpClient> ClientForAsync(string userName)
    {
        await Factory.SeedAccountsAsync();
        var client = Web.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = DemoData.Password });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Login as {userName} failed: {(int)response.StatusCode} {body}");
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", JsonDocument.Parse(body).RootElement.GetProperty("accessToken").GetString());
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await Web.DisposeAsync();
        await Factory.DisposeAsync();
        try { Directory.Delete(StorageDirectory, recursive: true); } catch (IOException) { }
    }
}
