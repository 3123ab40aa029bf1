using System.Collections.Concurrent;
using JobMatch.Contracts;
using JobMatch.ServiceDefaults;
using JobMatch.ServiceDefaults.Data;
using JobMatch.ServiceDefaults.Messaging;
using JobMatch.Testing;
using JobMatch.Testing.Logs;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace JobMatch.ServiceDefaults.Tests.Integration;

/// <summary>A worker host built from ServiceDefaults alone, with one consumer whose effect is a row in "effects".</summary>
public sealed class MessagingHost : IAsyncDisposable
{
    public const string ServiceName = "defaults-tests";
    private static readonly ServiceIdentity Identity = new(ServiceName);
    public const string FailingReason = "always-fails";
    /// <summary>How often the consumer was called per posting id, across every host of the process.</summary>
    public static readonly ConcurrentDictionary<Guid, int> Attempts = new();
    /// <summary>
    /// How many deliveries per posting id have finished: their transaction committed (with or without an effect).
    /// A test that checks effects after several deliveries waits on this, never on <see cref="Attempts"/>, which
    /// counts a delivery as soon as it starts.
    /// </summary>
    public static readonly ConcurrentDictionary<Guid, int> Completed = new();

    private readonly IHost _host;

    private MessagingHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;
    public Transactions Transactions => Services.GetRequiredService<Transactions>();
    public NpgsqlDataSource DataSource => Services.GetRequiredService<NpgsqlDataSource>();
    public IBus Bus => Services.GetRequiredService<IBus>();

    public static async Task<MessagingHost> StartAsync(TestServers servers, string virtualHost, string database)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(TestSecrets.ServiceSettings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
        {
            ["ConnectionStrings:Postgres"] = servers.Postgres,
            ["ConnectionStrings:RabbitMq"] = virtualHost,
            ["Database:Name"] = database,
        });
        builder.Logging.LogToTestFile(ServiceName);
        builder.AddServiceDatabase(Identity, typeof(MessagingHost).Assembly);
        builder.AddMessaging(Identity, bus => bus.AddConsumer<RecordingConsumer>());
        var host = builder.Build();
        await host.StartAsync();
        return new MessagingHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    public sealed class RecordingConsumer(Transactions transactions) : IConsumer<JobClosed>
    {
        public async Task Consume(ConsumeContext<JobClosed> context)
        {
            Attempts.AddOrUpdate(context.Message.PostingId, 1, (_, count) => count + 1);
            if (context.Message.Reason == FailingReason) throw new InvalidOperationException("This message can never be handled.");
            await transactions.RunOnceAsync(context, nameof(RecordingConsumer), transaction => transaction.ExecuteAsync(
                "INSERT INTO effects (message_id, posting_id, reason) VALUES (@messageId, @PostingId, @Reason)",
                new { messageId = context.MessageId, context.Message.PostingId, context.Message.Reason }));
            Completed.AddOrUpdate(context.Message.PostingId, 1, (_, count) => count + 1);
        }
    }
}
