using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Approval.Web.Notifications;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using MimeKit;
using NodaTime;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Approval.Web.Tests.Notifications;

/// <summary>
/// Real local endpoints for the channels: a webhook receiver and a fake SMS gateway on a loopback Kestrel port, and an
/// in-process SMTP server (SmtpServer). The webhook receiver verifies signatures as a subscriber would, fails the first
/// <see cref="WebhookFailuresLeft"/> attempts with 500, and records what it accepted.
/// </summary>
internal sealed class LocalReceivers : IAsyncDisposable
{
    public const string Secret = "test-webhook-secret-0123456789";

    private readonly WebApplication _web;
    private readonly SmtpServer.SmtpServer _smtp;
    private readonly CancellationTokenSource _smtpStop = new();
    private readonly Task _smtpRun;

    private LocalReceivers(WebApplication web, SmtpServer.SmtpServer smtp, int smtpPort)
    {
        _web = web;
        _smtp = smtp;
        SmtpPort = smtpPort;
        _smtpRun = smtp.StartAsync(_smtpStop.Token);
        BaseUrl = web.Urls.First();
    }

    public string BaseUrl { get; }
    public int SmtpPort { get; }
    /// <summary>The receiver's clock for the timestamp check (the host's fake clock).</summary>
    public Func<Instant> Now { get; set; } = () => SystemClock.Instance.GetCurrentInstant();
    public int WebhookFailuresLeft;
    public int WebhookAttempts;
    public int BadSignatures;
    /// <summary>Called when a webhook is accepted, before the answer goes back (a test stops the dispatcher there).</summary>
    public Action? OnWebhookAccepted { get; set; }
    public ConcurrentQueue<(string MessageId, JsonElement Body)> Webhooks { get; } = new();
    public ConcurrentQueue<JsonElement> Sms { get; } = new();
    public ConcurrentQueue<MimeMessage> Mails { get; } = new();

    /// <summary>The host settings pointing the channels here.</summary>
    public Dictionary<string, string> Settings(bool webhook = true, bool sms = true, bool email = true)
    {
        var settings = new Dictionary<string, string>
        {
            ["Approval:Notifications:Enabled"] = "false",
            ["Approval:Notifications:FirstRetryDelay"] = "00:00:10",
        };
        if (webhook)
        {
            settings["Approval:Notifications:Webhooks:0:Name"] = "platform";
            settings["Approval:Notifications:Webhooks:0:Url"] = BaseUrl + "/hook";
            settings["Approval:Notifications:Webhooks:0:Secret"] = Secret;
        }
        if (sms) settings["Approval:Notifications:Sms:Url"] = BaseUrl + "/sms";
        if (email)
        {
            settings["Approval:Notifications:Smtp:Host"] = "127.0.0.1";
            settings["Approval:Notifications:Smtp:Port"] = SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Approval:Notifications:Smtp:Security"] = "None";
        }
        return settings;
    }

    public static async Task<LocalReceivers> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var web = builder.Build();
        LocalReceivers? self = null;
        web.MapPost("/hook", async (HttpRequest request) =>
        {
            var r = self!;
            Interlocked.Increment(ref r.WebhookAttempts);
            var body = await new StreamReader(request.Body).ReadToEndAsync();
            if (!WebhookSignature.Verify(Secret, request.Headers[WebhookSignature.TimestampHeader], body,
                    request.Headers[WebhookSignature.SignatureHeader], r.Now()))
            {
                Interlocked.Increment(ref r.BadSignatures);
                return Results.Unauthorized();
            }
            if (Interlocked.Decrement(ref r.WebhookFailuresLeft) >= 0) return Results.StatusCode(500);
            r.Webhooks.Enqueue((request.Headers[WebhookSignature.MessageIdHeader].ToString(), JsonDocument.Parse(body).RootElement.Clone()));
            r.OnWebhookAccepted?.Invoke();
            return Results.Ok();
        });
        web.MapPost("/sms", async (HttpRequest request) =>
        {
            self!.Sms.Enqueue((await JsonDocument.ParseAsync(request.Body)).RootElement.Clone());
            return Results.Ok(new { code = 0 });
        });
        await web.StartAsync();

        var port = FreePort();
        var store = new MailStore();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(store);
        self = new LocalReceivers(web, new SmtpServer.SmtpServer(options, services), port);
        store.Owner = self;
        return self;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _smtpStop.CancelAsync();
        _smtp.Shutdown();
        try { await _smtpRun; } catch (OperationCanceledException) { }
        await _web.DisposeAsync();
        _smtpStop.Dispose();
    }

    private sealed class MailStore : MessageStore
    {
        public LocalReceivers? Owner { get; set; }

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            Owner!.Mails.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
