using System.Diagnostics;
using System.Text.Json;
using Dapper;
using Npgsql;

namespace JobMatch.ServiceDefaults.Messaging;

/// <summary>
/// One database transaction of a service: its writes, and the events they announce (as outbox rows),
/// commit together or not at all. Created by <see cref="Transactions"/>.
/// </summary>
public sealed class ServiceTransaction
{
    internal static readonly JsonSerializerOptions MessageJson = new(JsonSerializerDefaults.Web);

    internal ServiceTransaction(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        Connection = connection;
        Transaction = transaction;
        CancellationToken = cancellationToken;
    }

    public NpgsqlConnection Connection { get; }
    public NpgsqlTransaction Transaction { get; }
    public CancellationToken CancellationToken { get; }
    internal int PublishedCount { get; private set; }

    public Task<int> ExecuteAsync(string sql, object? parameters = null) =>
        Connection.ExecuteAsync(Command(sql, parameters));

    public Task<IEnumerable<T>> QueryAsync<T>(string sql, object? parameters = null) =>
        Connection.QueryAsync<T>(Command(sql, parameters));

    public Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters = null) =>
        Connection.QuerySingleOrDefaultAsync<T>(Command(sql, parameters));

    /// <summary>Queues an event to be published once this transaction commits (and never if it does not).</summary>
    public async Task PublishAsync<T>(T message) where T : class
    {
        await ExecuteAsync(
            "INSERT INTO outbox (message_id, message_type, body, trace_parent) VALUES (@MessageId, @MessageType, @Body::jsonb, @TraceParent)",
            new
            {
                MessageId = Guid.CreateVersion7(),
                MessageType = MessageTypes.NameOf(typeof(T)),
                Body = JsonSerializer.Serialize(message, MessageJson),
                TraceParent = Activity.Current?.Id,
            });
        PublishedCount++;
    }

    private CommandDefinition Command(string sql, object? parameters) =>
        new(sql, parameters, Transaction, cancellationToken: CancellationToken);
}
