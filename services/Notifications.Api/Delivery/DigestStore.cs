using Dapper;
using Notifications.Api.Notifications;
using Npgsql;

namespace Notifications.Api.Delivery;

/// <summary>
/// Daily digests: one row per person and day (China Standard Time) — the primary key is what makes it once, however
/// many instances look — claimed under a lease, then sent, retried or failed like a delivery. Times come from the
/// caller's clock.
/// </summary>
public sealed class DigestStore(NpgsqlDataSource dataSource)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    public sealed class DigestRow
    {
        public Guid Id { get; init; }
        public Guid PersonId { get; init; }
        public DateTime DigestDate { get; init; }
        public int Attempts { get; init; }
    }

    /// <summary>Makes today's digest row for everyone whose digest hour has come (once: the key refuses a second).</summary>
    public async Task CreateDueAsync(DateOnly today, int hour, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO digests (id, person_id, digest_date, next_attempt_at)
            SELECT gen_random_uuid(), person_id, @today::date, @now FROM preferences
            WHERE digest_hour IS NOT NULL AND digest_hour <= @hour AND cardinality(digest_kinds) > 0
            ON CONFLICT (person_id, digest_date) DO NOTHING
            """, new { today = today.ToDateTime(TimeOnly.MinValue), hour, now = now.UtcDateTime }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<DigestRow>> ClaimDueAsync(DateTimeOffset now, int batchSize, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<DigestRow>(new CommandDefinition(
            """
            UPDATE digests SET locked_until = @now + @Lease
            WHERE id IN (SELECT id FROM digests
                         WHERE status = 'pending' AND next_attempt_at <= @now AND (locked_until IS NULL OR locked_until < @now)
                         ORDER BY next_attempt_at LIMIT @batchSize FOR UPDATE SKIP LOCKED)
            RETURNING id, person_id AS personid, digest_date AS digestdate, attempts
            """, new { now = now.UtcDateTime, Lease, batchSize }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>
    /// The notifications this digest lists: the day's not yet e-mailed, of the kinds the person digests, marked as this
    /// day's (so a retry lists the same ones, and tomorrow's does not list them again).
    /// </summary>
    public async Task<IReadOnlyList<NotificationRow>> CollectAsync(DigestRow digest, string[] kinds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<NotificationRow>(new CommandDefinition(
            """
            UPDATE notifications SET digest_date = @date::date
            WHERE recipient_id = @PersonId AND digest_date IS NULL AND kind = ANY(@kinds) AND created_at > @now - interval '24 hours';
            SELECT id, recipient_id, kind, data::text AS data, created_at, read_at FROM notifications
            WHERE recipient_id = @PersonId AND digest_date = @date::date ORDER BY created_at, id
            """, new { digest.PersonId, date = digest.DigestDate, kinds, now = now.UtcDateTime }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    public Task FinishAsync(Guid id, string status, int? count, string? error, CancellationToken cancellationToken) =>
        ExecuteAsync(
            """
            UPDATE digests SET status = @status, attempts = attempts + 1, locked_until = NULL, last_error = @error, notification_count = @count,
                sent_at = CASE WHEN @status = 'sent' THEN now() END
            WHERE id = @id
            """, new { id, status, count, error }, cancellationToken);

    public Task RetryLaterAsync(Guid id, string error, DateTimeOffset at, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE digests SET attempts = attempts + 1, locked_until = NULL, last_error = @error, next_attempt_at = @at WHERE id = @id",
            new { id, error, at = at.UtcDateTime }, cancellationToken);

    private async Task ExecuteAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    }
}
