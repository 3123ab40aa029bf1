using System.Text.Json;
using Dapper;
using JobMatch.ServiceDefaults.Messaging;
using Npgsql;

namespace Notifications.Api.Notifications;

public sealed class NotificationStore(NpgsqlDataSource dataSource)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<Guid> AddAsync(ServiceTransaction transaction, Guid recipientId, string kind, object data)
    {
        var id = Guid.CreateVersion7();
        await transaction.ExecuteAsync(
            "INSERT INTO notifications (id, recipient_id, kind, data) VALUES (@id, @recipientId, @kind, @data::jsonb)",
            new { id, recipientId, kind, data = JsonSerializer.Serialize(data, Json) });
        return id;
    }

    /// <summary>
    /// A deleted account's notifications go with it, their deliveries, digests and the person's preferences too; the
    /// id is kept as a tombstone so events still in flight for it make nothing afterwards.
    /// </summary>
    public static async Task DeleteForRecipientAsync(ServiceTransaction transaction, Guid recipientId)
    {
        await LockRecipientAsync(transaction, recipientId);
        await transaction.ExecuteAsync(
            """
            INSERT INTO deleted_recipients (recipient_id) VALUES (@recipientId) ON CONFLICT DO NOTHING;
            DELETE FROM notifications WHERE recipient_id = @recipientId;
            DELETE FROM preferences WHERE person_id = @recipientId;
            DELETE FROM digests WHERE person_id = @recipientId;
            """,
            new { recipientId });
    }

    /// <summary>
    /// Takes the recipient's lock for this transaction and says whether the account still exists. Notifying and
    /// deleting both hold the lock, so a notification committed just before a deletion is deleted with the rest,
    /// and one after it sees the tombstone.
    /// </summary>
    public static async Task<bool> LockLiveRecipientAsync(ServiceTransaction transaction, Guid recipientId)
    {
        await LockRecipientAsync(transaction, recipientId);
        return !await transaction.QuerySingleOrDefaultAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM deleted_recipients WHERE recipient_id = @recipientId)", new { recipientId });
    }

    private static Task LockRecipientAsync(ServiceTransaction transaction, Guid recipientId) =>
        transaction.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))", new { key = "recipient:" + recipientId });

    public async Task<IReadOnlyList<NotificationRow>> ListAsync(IReadOnlyList<Guid> recipientIds, bool unreadOnly, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<NotificationRow>(new CommandDefinition(
            """
            SELECT id, recipient_id, kind, data::text AS data, created_at, read_at FROM notifications
            WHERE recipient_id = ANY(@recipientIds) AND (NOT @unreadOnly OR read_at IS NULL)
            ORDER BY created_at DESC LIMIT @limit
            """, new { recipientIds = recipientIds.ToArray(), unreadOnly, limit }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>Marks the recipient's own notification read; false when there is no such notification of theirs.</summary>
    public async Task<bool> MarkReadAsync(IReadOnlyList<Guid> recipientIds, Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE notifications SET read_at = COALESCE(read_at, now()) WHERE id = @id AND recipient_id = ANY(@recipientIds)",
            new { id, recipientIds = recipientIds.ToArray() }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>The recipients' notifications created after a moment, oldest first (what a live stream has not sent yet).</summary>
    public async Task<IReadOnlyList<NotificationRow>> ListSinceAsync(IReadOnlyList<Guid> recipientIds, DateTime after, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<NotificationRow>(new CommandDefinition(
            """
            SELECT id, recipient_id, kind, data::text AS data, created_at, read_at FROM notifications
            WHERE recipient_id = ANY(@recipientIds) AND created_at > @after ORDER BY created_at LIMIT 100
            """, new { recipientIds = recipientIds.ToArray(), after }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>When one of the recipients' notifications was made (to resume a stream after it), or null if it is not theirs.</summary>
    public async Task<DateTime?> CreatedAtAsync(IReadOnlyList<Guid> recipientIds, Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<DateTime?>(new CommandDefinition(
            "SELECT created_at FROM notifications WHERE id = @id AND recipient_id = ANY(@recipientIds)",
            new { id, recipientIds = recipientIds.ToArray() }, cancellationToken: cancellationToken));
    }
}
