using System.Net.Mail;
using Approval.Engine.Notifications;
using Approval.Engine.Persistence;
using Approval.Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Approval.Web.Notifications;

/// <summary>The channels a user chose (in-app messages are always on).</summary>
public sealed record ChannelChoice(bool Sms, bool Email, string? Phone, string? EmailAddress);

/// <summary>A field of a <see cref="ChannelChoice"/> that was refused: the field's name and the Chinese message.</summary>
public sealed record ChoiceError(string Field, string Message);

/// <summary>
/// A user's notification channels (个人设置·通知), for the profile page and the API alike: the telephone must be a
/// mainland mobile number and the e-mail address an address, and a channel chosen needs its address.
/// </summary>
public sealed class ChannelPreferences(ApprovalDatabase database, IClock clock)
{
    public async Task<ChannelChoice> GetAsync(string userId, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var p = await db.NotificationPreferences.AsNoTracking().FirstOrDefaultAsync(x => x.UserId == userId, ct);
        return p is null ? new ChannelChoice(false, false, null, null) : new ChannelChoice(p.Sms, p.Email, p.Phone, p.EmailAddress);
    }

    /// <summary>Saves the choice, or returns what is wrong with it and saves nothing.</summary>
    public async Task<IReadOnlyList<ChoiceError>> SaveAsync(string userId, ChannelChoice choice, CancellationToken ct = default)
    {
        var errors = new List<ChoiceError>();
        string? phone = null, email = null;
        if (!string.IsNullOrWhiteSpace(choice.Phone))
        {
            // Only a mobile number takes SMS.
            if (ContactPhone.TryNormalize(choice.Phone, out var normalized) && normalized.Length == 11 && normalized[0] == '1') phone = normalized;
            else errors.Add(new("phone", "手机号码格式不正确，请填写 11 位手机号码，例如 13812345678。"));
        }
        else if (choice.Sms) errors.Add(new("phone", "选择短信通知时，请填写手机号码。"));
        if (!string.IsNullOrWhiteSpace(choice.EmailAddress))
        {
            var given = choice.EmailAddress.Trim();
            if (given.Length <= 256 && MailAddress.TryCreate(given, out var address) && address.Address == given && given.Contains('.', StringComparison.Ordinal))
                email = given;
            else errors.Add(new("email", "电子邮箱格式不正确，例如 zhang@example.com。"));
        }
        else if (choice.Email) errors.Add(new("email", "选择邮件通知时，请填写电子邮箱。"));
        if (errors.Count > 0) return errors;

        using var gate = await database.EnterWriteAsync(ct);
        await using var db = database.CreateContext();
        var row = await db.NotificationPreferences.FirstOrDefaultAsync(x => x.UserId == userId, ct);
        if (row is null) db.NotificationPreferences.Add(row = new NotificationPreference { UserId = userId });
        row.Sms = choice.Sms;
        row.Email = choice.Email;
        row.Phone = phone;
        row.EmailAddress = email;
        row.UpdatedAt = clock.GetCurrentInstant();
        await db.SaveChangesAsync(ct);
        return [];
    }
}
