using JobMatch.DemoData.Market;
using Npgsql;

namespace JobMatch.DemoData.Loading;

/// <summary>
/// Spreads the load over the last twelve weeks. The APIs stamp every row with the moment it is written (as they must),
/// so a market loaded in two minutes would all be "today": after the load, this moves the time columns of the
/// job-posting service's postings and applications, and the profile service's registration dates, back to the days the
/// generator chose. Only time columns change — no row, status or event is made here — and the events already sent keep
/// their load-time stamps (docs/decisions/065). Follow-up visits need no moving: the API takes the visit date.
/// </summary>
public static class History
{
    public static async Task BackdateAsync(string postingsDatabase, string profilesDatabase, DemoMarket market, LoadResult load, DateTime now)
    {
        var postingIds = load.PostingIds.ToArray();
        var publishedAt = market.Postings.Select(posting => now.AddDays(-posting.PublishedDaysAgo).AddHours(-posting.Employer % 9)).ToArray();
        var applied = market.Applications.Select((application, index) => (application, id: load.ApplicationIds[index])).Where(pair => pair.id is not null).ToList();
        await using (var connection = new NpgsqlConnection(postingsDatabase))
        {
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await ExecuteAsync(connection, transaction,
                """
                UPDATE postings p SET created_at = v.at - interval '1 hour', submitted_at = v.at, published_at = CASE WHEN p.published_at IS NULL THEN NULL ELSE v.at END,
                                      updated_at = v.at
                FROM unnest(@ids, @at) AS v(id, at) WHERE p.id = v.id
                """, ("ids", postingIds), ("at", publishedAt));
            // An application moved on was last changed some days after it was made; one never moved, when it was made.
            await ExecuteAsync(connection, transaction,
                """
                UPDATE applications a SET created_at = v.at, updated_at = CASE WHEN a.status = 'Submitted' THEN v.at ELSE LEAST(v.at + v.moved * interval '3 days', now()) END
                FROM unnest(@ids, @at, @moved) AS v(id, at, moved) WHERE a.id = v.id
                """,
                ("ids", applied.Select(pair => pair.id!.Value).ToArray()),
                ("at", applied.Select(pair => now.AddDays(-pair.application.AppliedDaysAgo)).ToArray()),
                ("moved", applied.Select(pair => pair.application.Moves.Count + (pair.application.Withdrawn ? 1 : 0)).ToArray()));
            await transaction.CommitAsync();
        }

        await using (var connection = new NpgsqlConnection(profilesDatabase))
        {
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await ExecuteAsync(connection, transaction, "UPDATE profiles p SET created_at = v.at FROM unnest(@ids, @at) AS v(id, at) WHERE p.seeker_id = v.id",
                ("ids", market.Seekers.Select(seeker => seeker.UserId).ToArray()),
                ("at", market.Seekers.Select(seeker => now.AddDays(-seeker.RegisteredDaysAgo - 2)).ToArray()));
            await transaction.CommitAsync();
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync();
    }
}
