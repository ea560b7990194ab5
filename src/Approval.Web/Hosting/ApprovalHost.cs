using System.Text.Json.Serialization;
using Approval.Engine;
using Approval.Engine.Persistence;
using Approval.Web.Api;
using Approval.Web.Api.Admin;
using Approval.Web.Components;
using Approval.Web.Notifications;
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
            config.GetSection("Documents").Bind(setup.Documents);
            config.GetSection("Notifications").Bind(setup.Notifications);
            setup.Engine.WorkflowsDirectory = WorkflowsLocation.Resolve(config["WorkflowsDirectory"], builder.Environment.ContentRootPath);
            setup.Calendar.DataDirectory = Path.Combine(setup.Engine.WorkflowsDirectory, "calendars");
            if (setup.Persistence.Provider == DatabaseProvider.Sqlite)
                setup.Persistence.ConnectionString = SqliteFile.UnderContentRoot(setup.Persistence.ConnectionString, builder.Environment.ContentRootPath);
            engine = setup;
        });
        builder.AddApprovalIdentity(engine!.Persistence);
        builder.AddApprovalPages();

        builder.Services.ConfigureHttpJsonOptions(o => Configure(o));
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.AddApprovalTelemetry();
        builder.Services.AddProblemDetails();
        builder.Services.AddRequestLocalization(o => o.SetDefaultCulture(ProblemText.Cultures[0])
            .AddSupportedCultures(ProblemText.Cultures).AddSupportedUICultures(ProblemText.Cultures));
        builder.Services.AddExceptionHandler<ProblemMapping>();
        builder.Services.AddOpenApi(o => o.AddSchemaTransformer(OpenApiSchemas.NodaTimeAsStringsAsync));
        builder.Services.AddAutoMapper(cfg => cfg.LicenseKey = builder.Configuration["AutoMapper:LicenseKey"], typeof(Api.Contracts.ApiProfile));
        builder.Services.AddSingleton<ProjectViews>();
        builder.Services.AddSingleton<ProjectAnswers>();
        builder.Services.AddScoped<IntakeDocuments>();
        builder.Services.AddSingleton(sp => MaterialStorage.From(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>()));
        builder.Services.AddSingleton<MaterialFiles>();
        builder.Services.AddSingleton<ApplicantCommands>();
        builder.Services.AddSingleton<DepartmentTasks>();
        builder.Services.AddSingleton<SupervisionBoard>();
        builder.Services.AddSingleton<AfterServiceDesk>();
        builder.Services.AddApprovalAdministration();
        builder.AddApprovalNotifications();
        builder.AddApprovalRateLimits();
        builder.AddApprovalSecurity();
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return builder;
    }

    public static async Task<WebApplication> UseApprovalAsync(this WebApplication app)
    {
        await app.Services.GetRequiredService<ApprovalDatabase>().MigrateAsync();
        // A database from before the tallies gets them built from its rows once, before the first command.
        await app.Services.GetRequiredService<Approval.Engine.Supervision.TallyCompaction>().RebuildIfMissingAsync();
        await IdentityDatabase.MigrateAsync(app.Services);

        app.UseApprovalSecurity();
        app.UseRequestLocalization();   // before the exception handler, so that problems are written in the caller's language
        app.UseApprovalPages();
        app.Use((http, next) => ControlCharacters.RejectInUrlAsync(http, () => next(http)));
        app.UseAuthentication();
        app.UseMiddleware<CrossSiteRequestGuard>();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        var openApi = WebSecurity.ServesOpenApi(app);
        if (app.Environment.IsDevelopment())
        {
            if (openApi) app.UseSwaggerUI(o => o.SwaggerEndpoint("/openapi/v1.json", "Approval API"));
            await DemoData.SeedAsync(app.Services);
        }
        if (openApi) app.MapOpenApi();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        app.MapAuthApi();
        app.MapProjectsApi();
        app.MapAuthorisationsApi();
        app.MapIntakeApi();
        app.MapTasksApi();
        app.MapSupervisionApi();
        app.MapServiceApi();
        app.MapTrackingApi();
        app.MapCatalogueApi();
        app.MapDefinitionsApi();
        app.MapCalendarApi();
        app.MapProjectCodeApi();
        app.MapProjectCorrectionApi();
        app.MapAdminUsersApi();
        app.MapNotificationsApi();
        app.MapApprovalPages();
        return app;
    }

    private static void Configure(JsonOptions o)
    {
        o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
        o.SerializerOptions.Converters.Add(new LocalDateJsonConverter());
        o.SerializerOptions.Converters.Add(new InstantJsonConverter());
        o.SerializerOptions.Converters.Add(new TextJsonConverter());
        // Numbers are numbers: the web default also reads "3" as 3, which OpenAPI then types integer|string.
        o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
    }
}
