using Approval.Engine.Notifications;
using Approval.Engine.Persistence;
using Approval.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Approval.Web.Notifications;

/// <summary>
/// Finds a notification's recipients among the accounts when it is dispatched: the project unit's accounts and the
/// contact telephone given at filing, the agent who filed, the department's approvers and its head (configured), the
/// supervisors, the window clerks; each account in-app and on the channels it chose; and the webhook subscribers.
/// </summary>
public sealed class AccountDirectory(IServiceScopeFactory scopes, ApprovalDatabase database, NotificationSettings settings) : IRecipientDirectory
{
    public async Task<IReadOnlyList<Recipient>> ResolveAsync(NotificationContext context, CancellationToken ct)
    {
        var (outbox, entry, project) = context;
        var audience = outbox.Audience;
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var accounts = new List<ApplicationUser>();
        var recipients = new List<Recipient>();

        if (audience.HasFlag(Audience.Applicant))
        {
            accounts.AddRange(await users.Users.Where(u => u.InvestorId == project.InvestorId).ToListAsync(ct));
            // The contact telephone given at filing is told by SMS, with or without an account.
            if (settings.Sms.Url is not null && project.ContactPhone is { } phone && IsMobile(phone))
                recipients.Add(new Recipient("phone:" + phone, DeliveryChannel.Sms, null, phone));
        }
        if (audience.HasFlag(Audience.Agent) && project.AgentId is { } agentId && await users.FindByIdAsync(agentId) is { } agent)
            accounts.Add(agent);
        if (audience.HasFlag(Audience.DepartmentApprovers) && entry.DepartmentId is { } department)
            accounts.AddRange((await users.GetUsersInRoleAsync(Roles.Approver)).Where(u => u.DepartmentId == department));
        if (audience.HasFlag(Audience.DepartmentHead) && entry.DepartmentId is { } headed &&
            settings.DepartmentHeads.TryGetValue(headed, out var heads))
            foreach (var name in heads)
                if (await users.FindByNameAsync(name) is { } head) accounts.Add(head);
        if (audience.HasFlag(Audience.Supervisor)) accounts.AddRange(await users.GetUsersInRoleAsync(Roles.Supervisor));
        if (audience.HasFlag(Audience.Window)) accounts.AddRange(await users.GetUsersInRoleAsync(Roles.WindowClerk));

        accounts = [.. accounts.DistinctBy(a => a.Id)];
        var ids = accounts.Select(a => a.Id).ToList();
        await using var db = database.CreateContext();
        var chosen = await db.NotificationPreferences.AsNoTracking().Where(p => ids.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, ct);
        foreach (var account in accounts)
        {
            recipients.Add(new Recipient("user:" + account.Id, DeliveryChannel.InApp, account.Id, null));
            if (!chosen.TryGetValue(account.Id, out var preference)) continue;
            if (preference.Sms && preference.Phone is { } phone)
                recipients.Add(new Recipient("phone:" + phone, DeliveryChannel.Sms, account.Id, phone));
            if (preference.Email && preference.EmailAddress is { } email)
                recipients.Add(new Recipient("user:" + account.Id, DeliveryChannel.Email, account.Id, email));
        }
        foreach (var subscriber in settings.Webhooks)
            if (subscriber.Kinds.Count == 0 || subscriber.Kinds.Contains(outbox.Kind, StringComparer.OrdinalIgnoreCase))
                recipients.Add(new Recipient("webhook:" + subscriber.Name, DeliveryChannel.Webhook, null, subscriber.Name));
        return recipients;
    }

    private static bool IsMobile(string phone) => phone.Length == 11 && phone[0] == '1' && phone.All(char.IsAsciiDigit);
}
