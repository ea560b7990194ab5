using Approval.Engine.Calendar;
using Approval.Engine.Definitions;
using Approval.Engine.Persistence;
using Approval.Engine.ProjectCodes;
using Approval.Engine.Runtime;
using Approval.Engine.Timers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace Approval.Engine;

/// <summary>Everything a host sets to run the engine; each part has working defaults.</summary>
public sealed class ApprovalEngineSetup
{
    public PersistenceOptions Persistence { get; } = new();
    public EngineOptions Engine { get; } = new();
    public CalendarOptions Calendar { get; } = new();
    public SchedulerOptions Scheduler { get; } = new();
    public LocalProjectCodeOptions LocalProjectCodes { get; } = new();
    public Documents.DocumentOptions Documents { get; } = new();
    public Notifications.NotificationOptions Notifications { get; } = new();
}

/// <summary>Registers the engine: definitions, calendars, the database, the runtime and the timer scheduler.</summary>
public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddApprovalEngine(this IServiceCollection services, Action<ApprovalEngineSetup>? configure = null)
    {
        var setup = new ApprovalEngineSetup();
        configure?.Invoke(setup);
        if (!Path.IsPathRooted(setup.Calendar.DataDirectory) && setup.Calendar.DataDirectory == new CalendarOptions().DataDirectory)
            setup.Calendar.DataDirectory = Path.Combine(setup.Engine.WorkflowsDirectory, "calendars");
        setup.Engine.Validate();
        setup.LocalProjectCodes.Validate();
        setup.Documents.Validate();
        setup.Notifications.Validate();

        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.AddSingleton(setup.Persistence);
        services.AddSingleton(setup.Engine);
        services.AddSingleton(setup.Calendar);
        services.AddSingleton(setup.Scheduler);
        services.AddSingleton(setup.LocalProjectCodes);
        services.AddSingleton(setup.Documents);
        services.AddSingleton<Documents.DocumentNumbers>();
        services.AddSingleton<IWorkingDayCalendars>(_ => new WorkingDayCalendars(setup.Calendar));
        services.AddSingleton(_ => DefinitionLoader.Load(setup.Engine.WorkflowsDirectory));
        services.AddSingleton<ApprovalDatabase>();
        services.TryAddSingleton<IIssuedProjectCodeStore, EfIssuedProjectCodeStore>();
        services.TryAddSingleton<IProjectCodeVerifier, OfflineProjectCodeVerifier>();
        services.AddSingleton<LocalProjectCodeIssuer>();
        services.AddMetrics();
        services.TryAddSingleton<Telemetry.EngineTelemetry>();
        services.AddSingleton<WorkflowEngine>();
        services.AddSingleton<AgentAuthorizations>();
        services.AddSingleton<Supervision.ProjectReader>();
        services.AddSingleton<Supervision.ListReader>();
        services.AddSingleton<Supervision.StatisticsReader>();
        services.AddSingleton<Supervision.TallyCompaction>();
        services.AddSingleton<Service.ServiceReader>();
        services.AddSingleton(sp => new Supervision.LightPolicy(setup.Engine, sp.GetRequiredService<IWorkingDayCalendars>()));
        services.AddSingleton<TimerScheduler>();
        services.AddHostedService<TimerService>();
        services.AddSingleton(setup.Notifications);
        services.TryAddSingleton<Notifications.IRecipientDirectory, Notifications.NoRecipients>();
        services.AddSingleton<Notifications.NotificationDispatcher>();
        services.AddHostedService<Notifications.NotificationService>();
        return services;
    }
}
