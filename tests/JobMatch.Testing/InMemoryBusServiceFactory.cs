using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace JobMatch.Testing;

/// <summary>
/// The fast tier for consumer logic: one service in-process on the real PostgreSQL and Redis (its inbox, outbox and
/// stores are the real ones), with MassTransit's in-memory test harness in place of RabbitMQ. It needs no virtual host
/// and no queues, so it starts in a fraction of the time; the real-broker tests beside it keep proving the transport
/// (quorum queues, retries, the error queue, restarts). <see cref="Harness"/> says what was consumed and published.
/// </summary>
public sealed class InMemoryBusServiceFactory<TEntryPoint>(TestServers servers)
    : ServiceFactory<TEntryPoint>(servers, InMemoryAddress) where TEntryPoint : class
{
    /// <summary>A broker address nothing connects to: the harness replaces the RabbitMQ transport.</summary>
    private const string InMemoryAddress = "amqp://guest:guest@127.0.0.1:1/in-memory";

    public ITestHarness Harness => Services.GetTestHarness();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Replaces the bus the service configured (transport and all) with the in-memory one, keeping its consumers.
        builder.ConfigureTestServices(services => services.AddMassTransitTestHarness());
    }
}
