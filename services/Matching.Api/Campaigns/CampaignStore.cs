using System.Text.Json;
using Dapper;
using JobMatch.ServiceDefaults.Messaging;
using Matching.Api.Matches;
using Matching.Api.Ranking;
using Npgsql;

namespace Matching.Api.Campaigns;

/// <summary>Campaigns, their work items and results in matching's database.</summary>
public static class CampaignStore
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string CampaignColumns =
        """
        c.campaign_id, c.name, c.key_group, c.region_codes, c.occupations, c.created_by, c.created_at, c.total_items, c.completed_items,
        c.seekers_total, c.seekers_matched, c.completed_at, c.unplaced_only,
        (SELECT count(*) FROM campaign_results r WHERE r.campaign_id = c.campaign_id) AS result_count,
        (SELECT count(*) FROM campaign_unmatched u WHERE u.campaign_id = c.campaign_id) AS seekers_unmatched
        """;

    public static Task CreateAsync(ServiceTransaction transaction, Guid campaignId, CreateCampaignRequest request, Guid createdBy, int items, int seekers) =>
        transaction.ExecuteAsync(
            """
            INSERT INTO campaigns (campaign_id, name, key_group, region_codes, occupations, created_by, total_items, seekers_total, unplaced_only)
            VALUES (@campaignId, @Name, @KeyGroup, @RegionCodes, @Occupations, @createdBy, @items, @seekers, @unplacedOnly);
            INSERT INTO campaign_items (campaign_id, item) SELECT @campaignId, generate_series(0, @items - 1);
            """,
            new
            {
                campaignId, request.Name, request.KeyGroup, RegionCodes = request.RegionCodes!.ToArray(),
                Occupations = (request.Occupations ?? []).ToArray(), createdBy, items, seekers, unplacedOnly = request.UnplacedOnly ?? false,
            });

    /// <summary>
    /// Of these seekers, those in a job: hired (or found in the job at a follow-up) and not found to have left it
    /// since, as matching's interactions record the job-posting service's events.
    /// </summary>
    public static async Task<HashSet<Guid>> PlacedAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid[] seekerIds, CancellationToken cancellationToken) =>
        seekerIds.Length == 0 ? [] : (await connection.QueryAsync<Guid>(new CommandDefinition(
            """
            SELECT seeker_id FROM interactions WHERE seeker_id = ANY(@seekerIds)
            GROUP BY seeker_id
            HAVING max(occurred_at) FILTER (WHERE kind IN ('hired', 'retained')) > coalesce(max(occurred_at) FILTER (WHERE kind = 'left-job'), '-infinity')
            """, new { seekerIds }, transaction, cancellationToken: cancellationToken))).ToHashSet();

    public static async Task<CampaignRow?> FindAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid campaignId, CancellationToken cancellationToken) =>
        await connection.QuerySingleOrDefaultAsync<CampaignRow>(new CommandDefinition(
            $"SELECT {CampaignColumns} FROM campaigns c WHERE c.campaign_id = @campaignId", new { campaignId }, transaction,
            cancellationToken: cancellationToken));

    public static async Task<IReadOnlyList<CampaignRow>> ListAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<CampaignRow>(new CommandDefinition(
            $"SELECT {CampaignColumns} FROM campaigns c ORDER BY c.created_at DESC LIMIT 500", cancellationToken: cancellationToken))).AsList();

    /// <summary>Claims a work item; false when another delivery already completed it.</summary>
    public static async Task<bool> ClaimItemAsync(ServiceTransaction transaction, Guid campaignId, int item) =>
        await transaction.ExecuteAsync(
            "UPDATE campaign_items SET completed_at = now() WHERE campaign_id = @campaignId AND item = @item AND completed_at IS NULL",
            new { campaignId, item }) == 1;

    /// <summary>A work item's matches and the seekers it found none for (with why), and the item counted done.</summary>
    public static async Task SaveResultsAsync(ServiceTransaction transaction, Guid campaignId, IReadOnlyList<Match> matches,
        IReadOnlyList<(Guid SeekerId, string Reason)> unmatched)
    {
        var seekersMatched = matches.Select(match => match.Seeker.SeekerId).Distinct().Count();
        if (matches.Count > 0)
        {
            await transaction.ExecuteAsync(
                """
                INSERT INTO campaign_results (result_id, campaign_id, seeker_id, posting_id, title, rank, score, model_score, policy_boost, policy_rule, explanation)
                SELECT gen_random_uuid(), @campaignId, r.* FROM unnest(@seekerIds, @postingIds, @titles, @ranks, @scores, @modelScores, @boosts, @rules, @explanations::jsonb[])
                    AS r(seeker_id, posting_id, title, rank, score, model_score, policy_boost, policy_rule, explanation)
                ON CONFLICT DO NOTHING
                """,
                new
                {
                    campaignId,
                    seekerIds = matches.Select(m => m.Seeker.SeekerId).ToArray(),
                    postingIds = matches.Select(m => m.Posting.PostingId).ToArray(),
                    titles = matches.Select(m => m.Posting.Snapshot.Title).ToArray(),
                    ranks = RanksPerSeeker(matches),
                    scores = matches.Select(m => m.Score).ToArray(),
                    modelScores = matches.Select(m => m.Explanation.ModelScore).ToArray(),
                    boosts = matches.Select(m => m.Boost?.Amount ?? 0).ToArray(),
                    rules = matches.Select(m => m.Boost?.Rule).ToArray(),
                    explanations = matches.Select(m => JsonSerializer.Serialize(m.Explanation, Json)).ToArray(),
                });
        }
        if (unmatched.Count > 0)
        {
            await transaction.ExecuteAsync(
                """
                INSERT INTO campaign_unmatched (campaign_id, seeker_id, reason)
                SELECT @campaignId, u.* FROM unnest(@seekerIds, @reasons) AS u(seeker_id, reason) ON CONFLICT DO NOTHING
                """, new { campaignId, seekerIds = unmatched.Select(u => u.SeekerId).ToArray(), reasons = unmatched.Select(u => u.Reason).ToArray() });
        }
        await transaction.ExecuteAsync(
            """
            UPDATE campaigns SET completed_items = completed_items + 1, seekers_matched = seekers_matched + @seekersMatched,
                completed_at = CASE WHEN completed_items + 1 >= total_items THEN now() END
            WHERE campaign_id = @campaignId
            """, new { campaignId, seekersMatched });
    }

    /// <summary>1 for each seeker's best match, 2 for the next… (matches come grouped by seeker, best first).</summary>
    private static int[] RanksPerSeeker(IReadOnlyList<Match> matches)
    {
        var ranks = new int[matches.Count];
        for (var i = 0; i < matches.Count; i++)
            ranks[i] = i > 0 && matches[i - 1].Seeker.SeekerId == matches[i].Seeker.SeekerId ? ranks[i - 1] + 1 : 1;
        return ranks;
    }

    /// <summary>What a sent result can lead to, in order: the furthest one reached is the result's outcome.</summary>
    private static readonly string[] Outcomes = ["applied", "interview", "offer", "hired", "retained"];

    /// <summary>A page of results grouped by seeker (the seeker with the best match first, each seeker's matches by rank).</summary>
    public static async Task<CampaignResultsPage> ResultsAsync(
        NpgsqlConnection connection, Guid campaignId, int page, int pageSize, CancellationToken cancellationToken)
    {
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM campaign_results WHERE campaign_id = @campaignId", new { campaignId }, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<CampaignResultRow>(new CommandDefinition(
            """
            SELECT r.result_id, r.seeker_id, r.posting_id, r.title, r.rank, r.score, r.model_score, r.policy_boost, r.policy_rule,
                   r.explanation::text AS explanation, r.sent_at,
                   (SELECT i.kind FROM interactions i
                    WHERE r.sent_at IS NOT NULL AND i.seeker_id = r.seeker_id AND i.posting_id = r.posting_id AND i.occurred_at >= r.sent_at
                      AND i.kind = ANY(@outcomes)
                    ORDER BY array_position(@outcomes, i.kind) DESC LIMIT 1) AS outcome
            FROM campaign_results r WHERE r.campaign_id = @campaignId
            ORDER BY max(r.score) OVER (PARTITION BY r.seeker_id) DESC, r.seeker_id, r.rank, r.result_id LIMIT @pageSize OFFSET @offset
            """, new { campaignId, pageSize, offset = (page - 1) * pageSize, outcomes = Outcomes }, cancellationToken: cancellationToken));
        return new CampaignResultsPage(rows.Select(row => row.ToResponse()).ToList(), total, page, pageSize);
    }

    /// <summary>A page of the eligible seekers the campaign found no match for, by reason then id (a stable order).</summary>
    public static async Task<CampaignUnmatchedPage> UnmatchedAsync(
        NpgsqlConnection connection, Guid campaignId, int page, int pageSize, CancellationToken cancellationToken)
    {
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM campaign_unmatched WHERE campaign_id = @campaignId", new { campaignId }, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<CampaignUnmatchedSeeker>(new CommandDefinition(
            """
            SELECT seeker_id, reason FROM campaign_unmatched WHERE campaign_id = @campaignId
            ORDER BY reason, seeker_id LIMIT @pageSize OFFSET @offset
            """, new { campaignId, pageSize, offset = (page - 1) * pageSize }, cancellationToken: cancellationToken));
        return new CampaignUnmatchedPage(rows.AsList(), total, page, pageSize);
    }

    public static async Task<CampaignOutcomes> OutcomesAsync(NpgsqlConnection connection, Guid campaignId, CancellationToken cancellationToken) =>
        await connection.QuerySingleAsync<CampaignOutcomes>(new CommandDefinition(
            """
            SELECT count(*) AS sent, count(DISTINCT r.seeker_id) AS seekersreached,
                   count(*) FILTER (WHERE EXISTS (SELECT 1 FROM interactions i WHERE i.seeker_id = r.seeker_id AND i.posting_id = r.posting_id AND i.kind = 'applied' AND i.occurred_at >= r.sent_at)) AS applied,
                   count(*) FILTER (WHERE EXISTS (SELECT 1 FROM interactions i WHERE i.seeker_id = r.seeker_id AND i.posting_id = r.posting_id AND i.kind = 'interview' AND i.occurred_at >= r.sent_at)) AS interviews,
                   count(*) FILTER (WHERE EXISTS (SELECT 1 FROM interactions i WHERE i.seeker_id = r.seeker_id AND i.posting_id = r.posting_id AND i.kind = 'offer' AND i.occurred_at >= r.sent_at)) AS offers,
                   count(*) FILTER (WHERE EXISTS (SELECT 1 FROM interactions i WHERE i.seeker_id = r.seeker_id AND i.posting_id = r.posting_id AND i.kind = 'hired' AND i.occurred_at >= r.sent_at)) AS hired,
                   count(*) FILTER (WHERE EXISTS (SELECT 1 FROM interactions i WHERE i.seeker_id = r.seeker_id AND i.posting_id = r.posting_id AND i.kind = 'retained' AND i.occurred_at >= r.sent_at)) AS retained
            FROM campaign_results r WHERE r.campaign_id = @campaignId AND r.sent_at IS NOT NULL
            """, new { campaignId }, cancellationToken: cancellationToken));
}
