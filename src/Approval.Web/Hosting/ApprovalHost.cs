using System.Text.Json.Serialization;
using Approval.Engine;
using Approval.Engine.Persistence;
using Approval.Web.Api;
using Approval.Web.Identity;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;

namespace Approval.Web.Hosting;

/// <summary>How the web host is put together: configuration → engine, JSON, problems, OpenAPI, health, endpoints.</summary>
public static class ApprovalHost
{
    public static WebApplicationBuilder AddApproval(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration.GetSection("Approval");
        ApprovalEngineSetup? engine = null;
        builder.Services.AddApprovalEngine(setup =>
        {
            config.GetSection("Database").Bind(setup.Persistence);
            config.GetSection("Engine").Bind(setup.Engine);
            config.GetSection("Calendar").Bind(setup.Calendar);
            config.GetSection("Scheduler").Bind(setup.Scheduler);
            config.GetSection("LocalProjectCodes").Bind(setup.LocalProjectCodes);
            setup.Engine.WorkflowsDirectory = WorkflowsLocation.Resolve(config["WorkflowsDirectory"], builder.Environment.ContentRootPath);
            setup.Calendar.DataDirectory = Path.Combine(setup.Engine.WorkflowsDirectory, "calendars");
            if (setup.Persistence.Provider == DatabaseProvider.Sqlite)
                setup.Persistence.ConnectionString = SqliteFile.UnderContentRoot(setup.Persistence.ConnectionString, builder.Environment.ContentRootPath);
            engine = setup;
        });
        builder.AddApprovalIdentity(engine!.Persistence);

        builder.Services.ConfigureHttpJsonOptions(o => Configure(o));
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemMapping>();
        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return builder;
    }

    public static async Task<WebApplication> UseApprovalAsync(this WebApplication app)
    {
        await app.Services.GetRequiredService<ApprovalDatabase>().MigrateAsync();
        await IdentityDatabase.MigrateAsync(app.Services);

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        app.MapAuthApi();
        app.MapCalendarApi();
        app.MapProjectCodeApi();
        return app;
    }

    private static void Configure(JsonOptions o)
    {
        o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
        o.SerializerOptions.Converters.Add(new LocalDateJsonConverter());
        o.SerializerOptions.Converters.Add(new InstantJsonConverter());
    }
}
