using System.Text.Json;
using Dapper;
using Npgsql;

namespace JobMatch.Testing;

/// <summary>The StaffReadPersonalData events a service wrote to its outbox (the audit of staff reads it made).</summary>
public static class StaffReadEvents
{
    /// <summary>Those naming a seeker, as their bodies, oldest first.</summary>
    public static async Task<List<JsonElement>> NamingAsync(NpgsqlDataSource dataSource, Guid seekerId)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var bodies = await connection.QueryAsync<string>(
            """
            SELECT body::text FROM outbox
            WHERE message_type = 'JobMatch.Contracts.StaffReadPersonalData' AND body->'seekerIds' ? @id ORDER BY position
            """, new { id = seekerId.ToString() });
        return bodies.Select(body => JsonDocument.Parse(body).RootElement.Clone()).ToList();
    }
}
