using Approval.Engine.Notifications;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Approval.Web.Notifications;

/// <summary>Registers the channels that are configured, the accounts' recipient directory and the services of the pages and the API.</summary>
public static class NotificationsSetup
{
    public static WebApplicationBuilder AddApprovalNotifications(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(NotificationSettings.Section).Get<NotificationSettings>() ?? new NotificationSettings();
        foreach (var webhook in settings.Webhooks)
            if (string.IsNullOrWhiteSpace(webhook.Name) || !Uri.TryCreate(webhook.Url, UriKind.Absolute, out _) || webhook.Secret.Length < 16)
                throw new InvalidOperationException($"{NotificationSettings.Section}:Webhooks: each subscriber needs a Name, an absolute Url and a Secret of at least 16 characters ('{webhook.Name}').");
        var services = builder.Services;
        services.AddSingleton(settings);
        services.Replace(ServiceDescriptor.Singleton<IRecipientDirectory, AccountDirectory>());
        if (settings.Webhooks.Count > 0)
        {
            services.AddHttpClient(WebhookChannel.HttpClientName);
            services.AddSingleton<INotificationChannel, WebhookChannel>();
        }
        if (!string.IsNullOrWhiteSpace(settings.Sms.Url))
        {
            services.AddHttpClient(SmsChannel.HttpClientName);
            services.AddSingleton<INotificationChannel, SmsChannel>();
        }
        if (!string.IsNullOrWhiteSpace(settings.Smtp.Host)) services.AddSingleton<INotificationChannel, EmailChannel>();
        services.AddSingleton<NotificationInbox>();
        services.AddSingleton<ChannelPreferences>();
        services.AddSingleton<DeadLetters>();
        return builder;
    }
}
