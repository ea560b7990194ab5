using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approval.Web.Hosting;
using Approval.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Approval.Web.Tests.Security;

/// <summary>A production host refuses the tests-only signing key, and its operator creates the first administrator from the host.</summary>
public sealed class ProductionStartTests(ApprovalWebFactory factory) : IClassFixture<ApprovalWebFactory>
{
    [Fact]
    public async Task Production_refuses_to_start_with_the_tests_only_signing_key()
    {
        await using var production = factory.WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("Approval:ExternalAuth:SigningKey", "test-signing-key-for-the-external-provider-0123456789");
        });

        var refused = Assert.ThrowsAny<Exception>(() => production.CreateClient());

        var message = string.Join(" | ", Messages(refused));
        Assert.Contains("Approval:ExternalAuth:SigningKey", message);
        Assert.Contains("'Production'", message);
    }

    private static IEnumerable<string> Messages(Exception? e)
    {
        for (; e is not null; e = e.InnerException) yield return e.Message;
    }

    private async Task<(int? ExitCode, string Output)> RunAsync(string[] args, string stdin = "", string? passwordVariable = null)
    {
        var output = new StringWriter();
        var exit = await HostCommands.RunAsync(factory.Services, args, new StringReader(stdin), output,
            name => name == HostCommands.PasswordVariable ? passwordVariable : null);
        return (exit, output.ToString());
    }

    private async Task<HttpStatusCode> SignInAsync(string userName, string password, string expectedRole)
    {
        var login = await factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { userName, password }, TestContext.Current.CancellationToken);
        if (login.IsSuccessStatusCode)
        {
            var client = factory.CreateClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer",
                (await login.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("accessToken").GetString());
            Assert.Equal(expectedRole, (await client.GetFromJsonAsync<JsonElement>("/api/auth/me", TestContext.Current.CancellationToken)).GetProperty("role").GetString());
        }
        return login.StatusCode;
    }

    [Fact]
    public async Task Create_admin_reads_the_password_from_standard_input_and_the_administrator_signs_in()
    {
        var (exit, output) = await RunAsync(["create-admin", "--user", "root-stdin", "--name", "信息中心 管理员"], stdin: "Stdin#Password2026\n");

        Assert.Equal(0, exit);
        Assert.Contains("root-stdin", output);
        Assert.Equal(HttpStatusCode.OK, await SignInAsync("root-stdin", "Stdin#Password2026", "admin"));
    }

    [Fact]
    public async Task Create_admin_takes_the_password_from_the_environment_before_standard_input()
    {
        var (exit, _) = await RunAsync(["create-admin", "--user", "root-env"], stdin: "ignored\n", passwordVariable: "Env#Password2026");

        Assert.Equal(0, exit);
        Assert.Equal(HttpStatusCode.OK, await SignInAsync("root-env", "Env#Password2026", "admin"));
    }

    [Theory]
    [InlineData("--password")]
    [InlineData("--password=Argv#Password2026")]
    public async Task Create_admin_refuses_a_password_on_the_command_line(string option)
    {
        var (exit, output) = await RunAsync(["create-admin", "--user", "root-argv", option, "Argv#Password2026"]);

        Assert.Equal(2, exit);
        Assert.Contains(HostCommands.PasswordVariable, output);
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync("root-argv", "Argv#Password2026", "admin"));
    }

    [Fact]
    public async Task Create_admin_refuses_a_taken_name_and_a_weak_password()
    {
        await RunAsync(["create-admin", "--user", "root-twice"], stdin: "First#Password2026\n");

        var (taken, takenOutput) = await RunAsync(["create-admin", "--user", "root-twice"], stdin: "Second#Password2026\n");
        var (weak, weakOutput) = await RunAsync(["create-admin", "--user", "root-weak"], stdin: "short\n");

        Assert.Equal((1, 1), (taken, weak));
        Assert.Contains("exists already", takenOutput);
        Assert.Contains("10", weakOutput);
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync("root-twice", "Second#Password2026", "admin"));
    }

    [Fact]
    public async Task Without_a_command_the_host_starts_the_web_server()
    {
        Assert.Null((await RunAsync([])).ExitCode);
        Assert.Null((await RunAsync(["--urls", "http://localhost:5080"])).ExitCode);
    }

    [Fact]
    public async Task The_published_host_runs_create_admin_in_production_reading_the_password_from_standard_input()
    {
        var directory = Path.Combine(Path.GetTempPath(), "approval-admin-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var database = $"Data Source={Path.Combine(directory, "approval.db")}";
            var host = typeof(Program).Assembly.Location;
            var start = new ProcessStartInfo("dotnet", [host, "create-admin", "--user", "root-process"])
            {
                WorkingDirectory = Path.GetDirectoryName(host)!,
                RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
                Environment =
                {
                    ["ASPNETCORE_ENVIRONMENT"] = "Production",
                    ["Approval__Database__Provider"] = "Sqlite",
                    ["Approval__Database__ConnectionString"] = database,
                    ["Approval__Scheduler__Enabled"] = "false",
                },
            };
            start.Environment.Remove(HostCommands.PasswordVariable);

            using var process = Process.Start(start)!;
            await process.StandardInput.WriteLineAsync("Process#Password2026");
            process.StandardInput.Close();
            var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);

            Assert.True(process.ExitCode == 0, output + await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken));
            Assert.Contains("Administrator 'root-process' created.", output);
            await using var sameDatabase = factory.WithWebHostBuilder(b => b.UseSetting("Approval:Database:ConnectionString", database));
            var login = await sameDatabase.CreateClient().PostAsJsonAsync("/api/auth/login",
                new { userName = "root-process", password = "Process#Password2026" }, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }
}
