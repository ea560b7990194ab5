namespace Approval.Web.Notifications;

/// <summary>
/// Where notifications go besides the in-app messages (<c>Approval:Notifications</c> in appsettings): webhook
/// subscribers, the SMS gateway, the SMTP server, and the department heads (科室/部门负责人). A channel without its
/// settings is off: nobody is sent anything on it.
/// </summary>
public sealed class NotificationSettings
{
    public const string Section = "Approval:Notifications";

    /// <summary>Systems that subscribe to notifications by signed JSON POST (the provincial platform, a messaging gateway).</summary>
    public List<WebhookSubscriber> Webhooks { get; set; } = [];

    public SmsGatewaySettings Sms { get; set; } = new();

    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>
    /// Each department's head (负责人), by department id: the user names of the accounts told of near-due and overdue
    /// tasks besides the department's approvers. There is no head in the accounts themselves; this is where it is kept.
    /// </summary>
    public Dictionary<string, List<string>> DepartmentHeads { get; set; } = [];
}

/// <summary>One webhook subscriber.</summary>
public sealed class WebhookSubscriber
{
    /// <summary>Its name (unique): part of the message ids of its deliveries.</summary>
    public string Name { get; set; } = "";
    public string Url { get; set; } = "";
    /// <summary>The shared secret its deliveries are signed with (HMAC-SHA256); at least 16 characters.</summary>
    public string Secret { get; set; } = "";
    /// <summary>The notification kinds it wants (e.g. Accepted, Completed); all when empty.</summary>
    public List<string> Kinds { get; set; } = [];
}

/// <summary>The SMS gateway (短信网关): an HTTP endpoint taking one JSON message per POST.</summary>
public sealed class SmsGatewaySettings
{
    /// <summary>The gateway's URL; SMS is off without it.</summary>
    public string? Url { get; set; }
    /// <summary>Sent as the <c>Authorization: Bearer</c> header when set.</summary>
    public string? ApiKey { get; set; }
    /// <summary>The signature every message starts with (短信签名), e.g. 【政务服务】; counted in the 70 characters.</summary>
    public string Signature { get; set; } = "【政务服务】";
}

/// <summary>The SMTP server e-mail goes through.</summary>
public sealed class SmtpSettings
{
    /// <summary>The server's host name; e-mail is off without it.</summary>
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    /// <summary>None, StartTls (default) or SslOnConnect.</summary>
    public string Security { get; set; } = "StartTls";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "noreply@example.gov.cn";
    public string FromName { get; set; } = "投资项目并联审批";
}
