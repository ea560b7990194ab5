var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/health/live", () => "ok");
app.Run();

/// <summary>The web host's entry point, visible to the functional tests.</summary>
public partial class Program;
