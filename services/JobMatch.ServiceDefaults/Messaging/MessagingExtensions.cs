using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace JobMatch.ServiceDefaults.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit on RabbitMQ with quorum queues, publisher confirms, and retries before a message goes to
    /// its endpoint's _error queue; plus the outbox relay and the transactions that write outbox and inbox rows.
    /// Queue names carry the service's name so two services consuming one event each get their own copy.
    /// Call after AddServiceDatabase: the bus must start after the migrations.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging(this IHostApplicationBuilder builder, ServiceIdentity service,
        Action<IBusRegistrationConfigurator>? consumers = null)
    {
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<Transactions>();
        builder.Services.AddOptions<OutboxOptions>().BindConfiguration("Outbox");
        builder.Services.AddMassTransit(bus =>
        {
            // MassTransit 8.4+ reports usage to its makers' host a few minutes after start unless told not to:
            // no JobMatch deployment calls anywhere it did not configure (issue 18).
            bus.DisableUsageTelemetry();
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(service.Name + "-", false));
            consumers?.Invoke(bus);
            bus.AddConfigureEndpointsCallback((_, _, endpoint) =>
            {
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit) rabbit.SetQuorumQueue();
            });
            bus.UsingRabbitMq((context, rabbit) =>
            {
                var broker = BrokerAddress.Parse(context.GetRequiredService<IConfiguration>().GetConnectionString("RabbitMq"));
                rabbit.Host(broker.Host, broker.Port, broker.VirtualHost, host =>
                {
                    host.Username(broker.Username);
                    host.Password(broker.Password);
                    host.PublisherConfirmation = true;
                });
                rabbit.UseMessageRetry(retry => retry.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(300)));
                rabbit.ConfigureEndpoints(context);
            });
        });
        // Start-up waits for the bus and its endpoints (queues declared and bound): the relay, registered after,
        // then never publishes into an exchange whose consumers' queues do not exist yet.
        builder.Services.AddOptions<MassTransitHostOptions>().Configure(options =>
        {
            options.WaitUntilStarted = true;
            options.StartTimeout = TimeSpan.FromMinutes(2);
            options.StopTimeout = TimeSpan.FromSeconds(30);
        });
        builder.Services.AddHostedService<OutboxRelay>();
        return builder;
    }
}

/// <summary>An amqp:// connection string taken apart for MassTransit.</summary>
internal sealed record BrokerAddress(string Host, ushort Port, string VirtualHost, string Username, string Password)
{
    public static BrokerAddress Parse(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString) || !Uri.TryCreate(connectionString, UriKind.Absolute, out var uri))
            throw new InvalidOperationException("ConnectionStrings:RabbitMq must be an amqp:// URI, e.g. amqp://guest:guest@127.0.0.1:5672/.");
        var user = uri.UserInfo.Split(':', 2);
        var virtualHost = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        return new BrokerAddress(uri.Host, (ushort)(uri.IsDefaultPort || uri.Port < 0 ? 5672 : uri.Port),
            virtualHost.Length == 0 ? "/" : virtualHost,
            user.Length > 0 && user[0].Length > 0 ? Uri.UnescapeDataString(user[0]) : "guest",
            user.Length > 1 ? Uri.UnescapeDataString(user[1]) : "guest");
    }
}
