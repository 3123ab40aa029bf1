using System.Net;
using System.Net.Mail;
using System.Text;
using Microsoft.Extensions.Options;

namespace Notifications.Api.Delivery;

/// <summary>E-mail over SMTP with .NET's SMTP client.</summary>
public sealed class EmailSender(IOptions<DeliveryOptions> options) : IChannelSender, IDisposable
{
    private readonly SemaphoreSlim _conversations = new(Math.Max(1, options.Value.Smtp.MaxConcurrentSends));

    public string Channel => Channels.Email;

    public void Dispose() => _conversations.Dispose();

    public async Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        await _conversations.WaitAsync(cancellationToken);
        try
        {
            await SendOneAsync(message, cancellationToken);
        }
        finally
        {
            _conversations.Release();
        }
    }

    private async Task SendOneAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host)) throw new DeliveryFailure("No SMTP server is configured (Notifications:Delivery:Smtp:Host).", permanent: true);
        if (message.Email is null) throw new DeliveryFailure("No e-mail address.", permanent: true);
#pragma warning disable CA5359, CA2000 // SMTP trust is the server's configuration; the client and message are disposed below.
        using var client = new SmtpClient(smtp.Host, smtp.Port) { EnableSsl = smtp.EnableSsl, DeliveryMethod = SmtpDeliveryMethod.Network };
#pragma warning restore CA5359, CA2000
        if (smtp.UserName is not null) client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
        using var mail = new MailMessage(new MailAddress(smtp.From), new MailAddress(message.Email))
        {
            Subject = message.Title,
            Body = message.Body,
            SubjectEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
        };
        try
        {
            // SendMailAsync blocks thread-pool threads under the hood; many at once starve the pool (40 parallel sends
            // took 35 s against 88 ms each on 2 cores). A synchronous send on a thread of its own, a few at a time, does not.
            client.Timeout = (int)TimeSpan.FromSeconds(30).TotalMilliseconds;
            await Task.Factory.StartNew(() => client.Send(mail), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
        catch (SmtpFailedRecipientException e)
        {
            throw new DeliveryFailure($"The mailbox was refused ({e.StatusCode}).", permanent: e.StatusCode is SmtpStatusCode.MailboxUnavailable or SmtpStatusCode.MailboxNameNotAllowed, e);
        }
        catch (SmtpException e)
        {
            throw new DeliveryFailure($"SMTP failed ({e.StatusCode}).", permanent: false, e);
        }
    }
}
