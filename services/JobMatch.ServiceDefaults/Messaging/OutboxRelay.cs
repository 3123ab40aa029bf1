using System.Diagnostics;
using System.Text.Json;
using Dapper;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace JobMatch.ServiceDefaults.Messaging;

/// <summary>
/// Publishes committed outbox rows. Rows are claimed with FOR UPDATE SKIP LOCKED, so several instances
/// share the work; each is published with its outbox id as MessageId (consumers de-duplicate on it) under
/// the trace of the request that wrote it, and marked sent in the same transaction. A crash between publish
/// and commit re-publishes: delivery is at least once, the inbox makes it once in effect.
/// </summary>
internal sealed partial class OutboxRelay(
    NpgsqlDataSource dataSource, IBus bus, OutboxSignal signal, IOptions<OutboxOptions> options, ILogger<OutboxRelay> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new(OutboxTelemetry.SourceName);
    private DateTime _nextCleanup = DateTime.UtcNow;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RelayBatchAsync(settings.BatchSize, stoppingToken) == settings.BatchSize)
                {
                }
                await CleanUpAsync(settings.Retention, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogRelayFailed(e);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
            try
            {
                await signal.WaitAsync(settings.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<int> RelayBatchAsync(int batchSize, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<OutboxRow>(new CommandDefinition(
            """
            SELECT position, message_id, message_type, body::text AS body, trace_parent
            FROM outbox WHERE sent_at IS NULL ORDER BY position LIMIT @batchSize FOR UPDATE SKIP LOCKED
            """, new { batchSize }, transaction, cancellationToken: cancellationToken))).ToList();
        if (rows.Count == 0) return 0;

        foreach (var row in rows) await PublishAsync(row, cancellationToken);

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE outbox SET sent_at = now() WHERE position = ANY(@positions)",
            new { positions = rows.Select(row => row.Position).ToArray() }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return rows.Count;
    }

    private async Task PublishAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        var type = MessageTypes.Resolve(row.MessageType);
        var message = JsonSerializer.Deserialize(row.Body, type, ServiceTransaction.MessageJson)
            ?? throw new InvalidOperationException($"Outbox row {row.MessageId} holds no message.");
        ActivityContext.TryParse(row.TraceParent, null, out var parent);
        using var activity = Source.StartActivity($"outbox relay {type.Name}", ActivityKind.Internal, parent);
        activity?.SetTag(OutboxTelemetry.MessageIdTag, row.MessageId.ToString());
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            await bus.Publish(message, type, context => context.MessageId = row.MessageId, timeout.Token);
        }
        catch (Exception e)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            throw;
        }
    }

    private async Task CleanUpAsync(TimeSpan retention, CancellationToken cancellationToken)
    {
        if (DateTime.UtcNow < _nextCleanup) return;
        _nextCleanup = DateTime.UtcNow.AddHours(1);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var cutoff = DateTime.UtcNow - retention;
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM outbox WHERE sent_at < @cutoff; DELETE FROM inbox WHERE processed_at < @cutoff;",
            new { cutoff }, cancellationToken: cancellationToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox relay failed; retrying")]
    private partial void LogRelayFailed(Exception exception);

    private sealed class OutboxRow
    {
        public long Position { get; init; }
        public Guid MessageId { get; init; }
        public string MessageType { get; init; } = "";
        public string Body { get; init; } = "";
        public string? TraceParent { get; init; }
    }
}
