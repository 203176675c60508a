using Microsoft.EntityFrameworkCore;
using Regie.Domain.Common;
using Regie.Web.Data;
using System.Net.Mail;

namespace Regie.Web.Features.Involvements;

public sealed class SmtpOptions
{
    public const string Section = "Smtp";
    /// <summary>Empty: no e-mail is sent; messages wait in the outbox until a server is configured.</summary>
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public bool EnableSsl { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "regie@voorbeeld.nl";
    public int PollSeconds { get; set; } = 10;
    public int MaxAttempts { get; set; } = 10;
}

/// <summary>
/// Sends the outbox: messages were written in the same transaction as the registration that caused
/// them, so a registration never waits for or fails on the mail server. A failed send is retried with
/// growing pauses. System.Net.Mail's SmtpClient is used because MailKit is not available to us; it
/// is enough for plain notification mail to the municipality's relay. A message may carry one attachment (a conference's calendar file).
/// </summary>
public sealed class OutboxSender(IServiceScopeFactory scopes, SmtpOptions options, TimeProvider clock, ILogger<OutboxSender> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrWhiteSpace(options.Host)) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.PollSeconds)));
        do
        {
            try { await SendPendingAsync(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException) { log.LogError(e, "Outbox run failed"); }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass over what is due; public so tests and the CLI can run it directly.</summary>
    public async Task<int> SendPendingAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegieDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.OutboxMessages.Where(m => m.SentAt == null && m.NextAttemptAt <= now && m.Attempts < options.MaxAttempts)
            .OrderBy(m => m.Id).Take(50).ToListAsync(ct);
        var sent = 0;
        using var client = new SmtpClient(options.Host, options.Port) { EnableSsl = options.EnableSsl, Timeout = 10_000 };
        if (!string.IsNullOrEmpty(options.UserName)) client.Credentials = new System.Net.NetworkCredential(options.UserName, options.Password);
        foreach (var message in due)
        {
            try
            {
                using var mail = new MailMessage(options.From, message.To, message.Subject, message.Body);
                if (message.AttachmentContent is { } content && message.AttachmentName is { } name)
                {
                    // The stream is the attachment's, disposed with the mail.
                    var attachment = new Attachment(new MemoryStream(content, writable: false), name,
                        message.AttachmentContentType ?? "application/octet-stream");
                    mail.Attachments.Add(attachment);
                }
                await client.SendMailAsync(mail, ct);
                message.SentAt = clock.GetUtcNow().UtcDateTime;
                sent++;
            }
            catch (Exception e) when (e is SmtpException or InvalidOperationException or IOException or System.Net.Sockets.SocketException or FormatException)
            {
                message.Attempts++;
                message.LastError = Text.Truncate(e.Message, 1000);
                message.NextAttemptAt = clock.GetUtcNow().UtcDateTime.AddSeconds(Math.Min(3600, 30 * Math.Pow(2, message.Attempts - 1)));
                log.LogWarning("Mail {Id} not sent (attempt {Attempt}): {Error}", message.Id, message.Attempts, e.Message);
            }
            await db.SaveChangesAsync(ct);
        }
        return sent;
    }
}
