using System.Collections.Concurrent;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;

namespace Notifications.Api.Delivery;

/// <summary>
/// E-mail over SMTP with MailKit, over pooled connections: each of the <see cref="SmtpOptions.MaxConcurrentSends"/>
/// conversations reuses a connected client instead of connecting (and greeting, EHLO, QUIT) per message. A client
/// that failed, or sat idle long enough for the server to have hung up (<see cref="SmtpOptions.IdleTimeout"/>), is
/// closed and replaced.
/// </summary>
public sealed class EmailSender(IOptions<DeliveryOptions> options, TimeProvider clock) : IChannelSender, IDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);
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
        var smtp = options.Value.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host)) throw new DeliveryFailure("No SMTP server is configured (Notifications:Delivery:Smtp:Host).", permanent: true);
        if (message.Email is not { } address) throw new DeliveryFailure("No e-mail address.", permanent: true);
        var mail = Compose(smtp.From, address, message);
        await _conversations.WaitAsync(cancellationToken);
        try
        {
            await SendOnPooledClientAsync(smtp, mail, cancellationToken);
        }
        finally
        {
            _conversations.Release();
        }
    }

    private sealed record PooledClient(SmtpClient Client, DateTimeOffset LastUsed, bool Reused);

    private static MimeMessage Compose(string from, string address, OutgoingMessage message)
    {
        var mail = new MimeMessage { Subject = message.Title };
        try
        {
            mail.From.Add(MailboxAddress.Parse(from));
            mail.To.Add(MailboxAddress.Parse(address));
        }
        catch (ParseException e)
        {
            throw new DeliveryFailure("The e-mail address is not one a mail server can take.", permanent: true, e);
        }
        // Base64 keeps Chinese text intact through relays that only pass 7-bit lines.
        mail.Body = new TextPart(TextFormat.Plain) { Text = message.Body, ContentTransferEncoding = ContentEncoding.Base64 };
        return mail;
    }

    private async Task SendOnPooledClientAsync(SmtpOptions smtp, MimeMessage mail, CancellationToken cancellationToken)
    {
        var pooled = await TakeClientAsync(smtp, cancellationToken);
        try
        {
            try
            {
                await pooled.Client.SendAsync(mail, cancellationToken);
            }
            catch (Exception e) when (pooled.Reused && IsConnectionLost(e))
            {
                // The server closed the pooled connection while it sat idle: not the message's fault, try once on a new one.
                pooled.Client.Dispose();
                pooled = await ConnectAsync(smtp, cancellationToken);
                await pooled.Client.SendAsync(mail, cancellationToken);
            }
            _idle.Add(pooled with { LastUsed = clock.GetUtcNow() });
        }
        catch (SmtpCommandException e) when (e.ErrorCode == SmtpErrorCode.RecipientNotAccepted)
        {
            pooled.Client.Dispose();
            throw new DeliveryFailure($"The mailbox was refused ({e.StatusCode}).",
                permanent: e.StatusCode is SmtpStatusCode.MailboxUnavailable or SmtpStatusCode.MailboxNameNotAllowed, e);
        }
        catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or IOException or SocketException or ServiceNotConnectedException)
        {
            pooled.Client.Dispose();
            throw new DeliveryFailure($"SMTP failed ({e.GetType().Name}).", permanent: false, e);
        }
        catch
        {
            // Whatever state the conversation is in, it is not one to send the next message on.
            pooled.Client.Dispose();
            throw;
        }
    }

    private static bool IsConnectionLost(Exception e) => e is IOException or SocketException or SmtpProtocolException or ServiceNotConnectedException;

    private async Task<PooledClient> TakeClientAsync(SmtpOptions smtp, CancellationToken cancellationToken)
    {
        while (_idle.TryTake(out var pooled))
        {
            if (pooled.Client.IsConnected && clock.GetUtcNow() - pooled.LastUsed < smtp.IdleTimeout) return pooled with { Reused = true };
            pooled.Client.Dispose();
        }
        return await ConnectAsync(smtp, cancellationToken);
    }

    private static async Task<PooledClient> ConnectAsync(SmtpOptions smtp, CancellationToken cancellationToken)
    {
        var client = new SmtpClient { Timeout = (int)CommandTimeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, SecurityOf(smtp), cancellationToken);
            if (smtp.UserName is not null) await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
            return new PooledClient(client, DateTimeOffset.MinValue, Reused: false);
        }
        catch (Exception e) when (e is IOException or SocketException or SmtpProtocolException or SslHandshakeException or AuthenticationException or SmtpCommandException)
        {
            client.Dispose();
            throw new DeliveryFailure($"The SMTP server could not be reached ({e.GetType().Name}).", permanent: false, e);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>
    /// EnableSsl keeps the meaning it had with .NET's client: TLS required, by STARTTLS — or from the first byte on
    /// port 465 (implicit TLS), which .NET's client could not speak. Without it the conversation is plain.
    /// </summary>
    private static SecureSocketOptions SecurityOf(SmtpOptions smtp) =>
        !smtp.EnableSsl ? SecureSocketOptions.None : smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
}
