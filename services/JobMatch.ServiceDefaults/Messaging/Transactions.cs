using MassTransit;
using Npgsql;

namespace JobMatch.ServiceDefaults.Messaging;

/// <summary>Runs work in a <see cref="ServiceTransaction"/>; for consumers, at most once per message (the inbox).</summary>
public sealed class Transactions(NpgsqlDataSource dataSource, OutboxSignal outbox)
{
    public async Task<T> RunAsync<T>(Func<ServiceTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var unit = new ServiceTransaction(connection, transaction, cancellationToken);
        var result = await work(unit);
        await transaction.CommitAsync(cancellationToken);
        if (unit.PublishedCount > 0) outbox.Notify();
        return result;
    }

    public Task RunAsync(Func<ServiceTransaction, Task> work, CancellationToken cancellationToken) =>
        RunAsync(async unit =>
        {
            await work(unit);
            return true;
        }, cancellationToken);

    /// <summary>
    /// Runs a consumer's effect unless this consumer already had it for this message: the inbox row and the
    /// effect commit together, so a redelivery (or a second instance racing on the same message, which
    /// blocks on the row until the first commits) does nothing. Returns whether the effect ran.
    /// </summary>
    public Task<bool> RunOnceAsync(ConsumeContext context, string consumer, Func<ServiceTransaction, Task> work)
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException("A message without a MessageId cannot be de-duplicated.");
        return RunAsync(async unit =>
        {
            var first = await unit.ExecuteAsync(
                "INSERT INTO inbox (consumer, message_id) VALUES (@consumer, @messageId) ON CONFLICT DO NOTHING",
                new { consumer, messageId }) == 1;
            if (first) await work(unit);
            return first;
        }, context.CancellationToken);
    }
}
