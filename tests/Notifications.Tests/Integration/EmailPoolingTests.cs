using JobMatch.Testing;
using Microsoft.Extensions.Options;
using Notifications.Api.Delivery;

namespace Notifications.Tests.Integration;

/// <summary>E-mail reuses its SMTP connections, and a connection the server dropped is replaced without failing the message.</summary>
public sealed class EmailPoolingTests : IAsyncLifetime
{
    private readonly SmtpSink _smtp = new();
    private TcpProxy _proxy = null!;
    private EmailSender _sender = null!;

    public Task InitializeAsync()
    {
        _proxy = new TcpProxy("127.0.0.1", _smtp.Port);
        _sender = new EmailSender(Options.Create(new DeliveryOptions { Smtp = { Host = "127.0.0.1", Port = _proxy.Port, MaxConcurrentSends = 1 } }), TimeProvider.System);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _sender.Dispose();
        await _proxy.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    private Task SendAsync(int i) => _sender.SendAsync(
        new OutgoingMessage(Guid.NewGuid(), "new-matches", $"第{i}封", "正文", "{}", DateTime.UtcNow, $"person{i}@example.cn", null, null, null), CancellationToken.None);

    [Fact]
    public async Task Successive_emails_share_one_smtp_connection_and_a_dropped_one_is_replaced_without_failing_the_message()
    {
        for (var i = 0; i < 5; i++) await SendAsync(i);

        Assert.Equal(5, _smtp.Received.Count);
        Assert.Equal(1, _smtp.Connections);

        _proxy.Cut(); // the server hangs up on the idle connection
        _proxy.Restore();
        await SendAsync(5);
        await SendAsync(6);

        Assert.Equal(7, _smtp.Received.Count);
        Assert.Equal(2, _smtp.Connections);
        // Each message went to its own recipient only: nothing of one transaction leaked into the next.
        Assert.All(_smtp.Received, mail => Assert.Equal([$"person{mail.Subject[1..^1]}@example.cn"], mail.To));
    }
}
