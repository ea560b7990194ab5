using Approval.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddApproval();

var app = builder.Build();
// An operator's command (create-admin) runs instead of the web server.
if (await HostCommands.RunAsync(app.Services, args, Console.In, Console.Out, Environment.GetEnvironmentVariable,
        interactive: !Console.IsInputRedirected) is { } exitCode)
    return exitCode;
await app.UseApprovalAsync();
await app.RunAsync();
return 0;

/// <summary>The web host's entry point, visible to the functional tests.</summary>
public partial class Program;
