using System.Collections.Concurrent;
using System.Net;
using System.Net.Mail;
using System.Text;
using Microsoft.Extensions.Options;

namespace Notifications.Api.Delivery;

/// <summary>
/// E-mail over SMTP with .NET's SMTP client, over pooled connections: a client's synchronous Send keeps its connection
/// open for the next message, so each of the <see cref="SmtpOptions.MaxConcurrentSends"/> conversations reuses one
/// client instead of connecting (and greeting, EHLO, QUIT) per message. A client that failed, or sat idle long enough
/// for the server to have hung up, is closed and replaced.
/// </summary>
public sealed class EmailSender(IOptions<DeliveryOptions> options, TimeProvider clock) : IChannelSender, IDisposable
{
    private readonly SemaphoreSlim _conversations = new(Math.Max(1, options.Value.Smtp.MaxConcurrentSends));
    private readonly ConcurrentBag<PooledClient> _idle = [];

    public string Channel => Channels.Email;

    public void Dispose()
    {
        while (_idle.TryTake(out var pooled)) pooled.Client.Dispose();
        _conversations.Dispose();
    }

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

    private sealed record PooledClient(SmtpClient Client, DateTimeOffset LastUsed, bool Reused);

    /// <summary>
    /// SendMailAsync blocks thread-pool threads under the hood; many at once starve the pool (40 parallel sends took
    /// 35 s against 88 ms each on 2 cores). A synchronous send on a thread of its own, a few at a time, does not — and
    /// only the synchronous Send reuses the client's open connection.
    /// </summary>
    private static Task SendOnAsync(SmtpClient client, MailMessage mail, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(() => client.Send(mail), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private PooledClient TakeClient(SmtpOptions smtp)
    {
        while (_idle.TryTake(out var pooled))
        {
            if (clock.GetUtcNow() - pooled.LastUsed < smtp.IdleTimeout) return pooled with { Reused = true };
            pooled.Client.Dispose();
        }
        return TakeNewClient(smtp);
    }

    private static PooledClient TakeNewClient(SmtpOptions smtp)
    {
#pragma warning disable CA5359, CA2000 // SMTP trust is the server's configuration; the client goes back to the pool or is disposed.
        var client = new SmtpClient(smtp.Host, smtp.Port)
        {
            EnableSsl = smtp.EnableSsl,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = (int)TimeSpan.FromSeconds(30).TotalMilliseconds,
        };
#pragma warning restore CA5359, CA2000
        if (smtp.UserName is not null) client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
        return new PooledClient(client, DateTimeOffset.MinValue, Reused: false);
    }

    private async Task SendOneAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host)) throw new DeliveryFailure("No SMTP server is configured (Notifications:Delivery:Smtp:Host).", permanent: true);
        if (message.Email is null) throw new DeliveryFailure("No e-mail address.", permanent: true);
        using var mail = new MailMessage(new MailAddress(smtp.From), new MailAddress(message.Email))
        {
            Subject = message.Title,
            Body = message.Body,
            SubjectEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
        };
        var pooled = TakeClient(smtp);
        try
        {
            try
            {
                await SendOnAsync(pooled.Client, mail, cancellationToken);
            }
            catch (SmtpException e) when (pooled.Reused && e is not SmtpFailedRecipientException && e.StatusCode == SmtpStatusCode.GeneralFailure)
            {
                // The server closed the pooled connection while it sat idle: not the message's fault, try once on a new one.
                pooled.Client.Dispose();
                pooled = TakeNewClient(smtp);
                await SendOnAsync(pooled.Client, mail, cancellationToken);
            }
            _idle.Add(pooled with { LastUsed = clock.GetUtcNow() });
        }
        catch (SmtpFailedRecipientException e)
        {
            pooled.Client.Dispose();
            throw new DeliveryFailure($"The mailbox was refused ({e.StatusCode}).",
                permanent: e.StatusCode is SmtpStatusCode.MailboxUnavailable or SmtpStatusCode.MailboxNameNotAllowed, e);
        }
        catch (SmtpException e)
        {
            pooled.Client.Dispose();
            throw new DeliveryFailure($"SMTP failed ({e.StatusCode}).", permanent: false, e);
        }
        catch
        {
            // Whatever state the conversation is in, it is not one to send the next message on.
            pooled.Client.Dispose();
            throw;
        }
    }
}
