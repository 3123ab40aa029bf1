using Dapper;
using JobMatch.ServiceDefaults.Messaging;
using Npgsql;

namespace Notifications.Api.Delivery;

/// <summary>Delivery rows: scheduled with their notification, claimed by workers under a lease, then sent, retried or failed.</summary>
public sealed class DeliveryStore(NpgsqlDataSource dataSource)
{
    private const string Columns = "id, notification_id, recipient_id, channel, status, attempts, next_attempt_at, last_error, sent_at, created_at";
    /// <summary>How long a claimed delivery is a worker's before another may take it (a crashed worker's rows come back).</summary>
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    public Task ScheduleAsync(ServiceTransaction transaction, Guid notificationId, Guid recipientId, string channel, DateTimeOffset notBefore) =>
        transaction.ExecuteAsync(
            """
            INSERT INTO deliveries (id, notification_id, recipient_id, channel, next_attempt_at)
            VALUES (@id, @notificationId, @recipientId, @channel, @notBefore) ON CONFLICT (notification_id, channel) DO NOTHING
            """,
            new { id = Guid.CreateVersion7(), notificationId, recipientId, channel, notBefore = notBefore.UtcDateTime });

    /// <summary>Due deliveries for this worker: claimed with SKIP LOCKED and leased, so instances never send the same one together.</summary>
    public async Task<IReadOnlyList<DeliveryRow>> ClaimDueAsync(int batchSize, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<DeliveryRow>(new CommandDefinition(
            $"""
            UPDATE deliveries SET locked_until = now() + @Lease
            WHERE id IN (SELECT id FROM deliveries
                         WHERE status = 'pending' AND next_attempt_at <= now() AND (locked_until IS NULL OR locked_until < now())
                         ORDER BY next_attempt_at LIMIT @batchSize FOR UPDATE SKIP LOCKED)
            RETURNING {Columns}
            """, new { batchSize, Lease }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    public Task MarkSentAsync(Guid id, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE deliveries SET status = 'sent', sent_at = now(), attempts = attempts + 1, locked_until = NULL, last_error = NULL WHERE id = @id",
            new { id }, cancellationToken);

    public Task MarkFailedAsync(Guid id, string error, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE deliveries SET status = 'failed', attempts = attempts + 1, locked_until = NULL, last_error = @error WHERE id = @id",
            new { id, error }, cancellationToken);

    public Task RetryLaterAsync(Guid id, string error, DateTimeOffset at, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE deliveries SET attempts = attempts + 1, locked_until = NULL, last_error = @error, next_attempt_at = @at WHERE id = @id",
            new { id, error, at = at.UtcDateTime }, cancellationToken);

    public async Task<IReadOnlyList<DeliveryRow>> ListAsync(Guid recipientId, string? status, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<DeliveryRow>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM deliveries WHERE recipient_id = @recipientId AND (@status::text IS NULL OR status = @status)
            ORDER BY created_at DESC LIMIT @limit
            """, new { recipientId, status, limit }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    private async Task ExecuteAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    }
}
