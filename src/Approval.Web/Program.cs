using Approval.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddApproval();

var app = builder.Build();
await app.UseApprovalAsync();
await app.RunAsync();

/// <summary>The web host's entry point, visible to the functional tests.</summary>
public partial class Program;
