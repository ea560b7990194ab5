using Approval.Engine.Notifications;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Approval.Web.Notifications;

/// <summary>Delivers e-mail through the configured SMTP server (MailKit); the message id is the delivery's.</summary>
public sealed class EmailChannel(NotificationSettings settings) : INotificationChannel
{
    public DeliveryChannel Channel => DeliveryChannel.Email;

    public async Task SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        var smtp = settings.Smtp;
        var mail = new MimeMessage { Subject = message.Title, MessageId = message.MessageId + "@approval" };
        mail.From.Add(new MailboxAddress(smtp.FromName, smtp.From));
        mail.To.Add(MailboxAddress.Parse(message.Address ?? throw new InvalidOperationException("An e-mail delivery without an address.")));
        mail.Headers.Add("X-Approval-Message-Id", message.MessageId);
        mail.Body = new TextPart("plain") { Text = message.Body + "\n\n（本邮件由投资项目并联审批系统自动发送，请勿回复。）" };
        using var client = new SmtpClient();
        var security = Enum.TryParse<SecureSocketOptions>(smtp.Security, ignoreCase: true, out var s) ? s : SecureSocketOptions.StartTls;
        await client.ConnectAsync(smtp.Host ?? "", smtp.Port, security, ct);
        if (!string.IsNullOrEmpty(smtp.UserName)) await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
        await client.SendAsync(mail, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
