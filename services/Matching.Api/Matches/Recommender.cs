using JobMatch.Contracts;
using JobMatch.ServiceDefaults.Messaging;
using Matching.Api.ReadModel;
using Npgsql;

namespace Matching.Api.Matches;

/// <summary>
/// Finds a seeker's best postings, and tells seekers about matches they have not heard of (once each,
/// as MatchesFound through the outbox, in the same transaction as the event that caused them).
/// </summary>
public sealed class Recommender(NpgsqlDataSource dataSource)
{
    /// <summary>Candidates fetched before scoring; the candidate index (issue: matching) will narrow this by occupation and place.</summary>
    public const int CandidateLimit = 2000;
    /// <summary>A match worth interrupting the seeker for.</summary>
    public const double AnnounceThreshold = 0.35;
    public const int AnnounceLimit = 10;

    public async Task<IReadOnlyList<Match>?> RecommendAsync(Guid seekerId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var seeker = await ReadModelStore.FindSeekerAsync(connection, null, seekerId, cancellationToken);
        if (seeker is null) return null;
        var candidates = await ReadModelStore.CandidatePostingsAsync(connection, null, seeker, CandidateLimit, cancellationToken);
        return MatchScorer.Rank(seeker, candidates, limit);
    }

    /// <summary>
    /// Taken by every transaction that stores a posting or a seeker and then announces. Without it a posting and a
    /// profile consumed at the same moment each miss the other's uncommitted row (write skew) and the match is
    /// never announced. The lock waits before the read, so the second transaction sees the first one's row.
    /// Serialising the read model's writers is affordable at this stage; the in-memory candidate index will
    /// replace it with per-shard ordering.
    /// </summary>
    public static Task LockAnnouncementsAsync(ServiceTransaction transaction) =>
        transaction.ExecuteAsync("SELECT pg_advisory_xact_lock(@AnnouncementLock)", new { AnnouncementLock });

    private const long AnnouncementLock = 0x4D61746368416E6E; // "MatchAnn"

    /// <summary>After a profile changed: the seeker's best postings they have not been told about.</summary>
    public async Task AnnounceForSeekerAsync(ServiceTransaction transaction, Guid seekerId)
    {
        var seeker = await ReadModelStore.FindSeekerAsync(transaction.Connection, transaction.Transaction, seekerId, transaction.CancellationToken);
        if (seeker is null) return;
        var candidates = await ReadModelStore.CandidatePostingsAsync(transaction.Connection, transaction.Transaction, seeker, CandidateLimit, transaction.CancellationToken);
        await AnnounceAsync(transaction, seeker.SeekerId, MatchScorer.Rank(seeker, candidates, AnnounceLimit));
    }

    /// <summary>After a posting was published: every seeker it suits well enough.</summary>
    public async Task AnnounceForPostingAsync(ServiceTransaction transaction, Guid postingId)
    {
        var posting = await ReadModelStore.FindOpenPostingAsync(transaction.Connection, transaction.Transaction, postingId, transaction.CancellationToken);
        if (posting is null) return;
        var seekers = await ReadModelStore.CandidateSeekersAsync(transaction.Connection, transaction.Transaction, posting, CandidateLimit, transaction.CancellationToken);
        foreach (var seeker in seekers)
        {
            if (MatchScorer.Score(seeker, posting) is { } match) await AnnounceAsync(transaction, seeker.SeekerId, [match]);
        }
    }

    private static async Task AnnounceAsync(ServiceTransaction transaction, Guid seekerId, IReadOnlyList<Match> matches)
    {
        var worthIt = matches.Where(match => match.Score >= AnnounceThreshold).ToList();
        if (worthIt.Count == 0) return;
        var fresh = (await transaction.QueryAsync<Guid>(
            """
            INSERT INTO announced_matches (seeker_id, posting_id, score)
            SELECT @seekerId, posting_id, score FROM unnest(@postingIds, @scores) AS m(posting_id, score)
            ON CONFLICT DO NOTHING RETURNING posting_id
            """,
            new { seekerId, postingIds = worthIt.Select(m => m.Posting.PostingId).ToArray(), scores = worthIt.Select(m => m.Score).ToArray() }))
            .ToHashSet();
        if (fresh.Count == 0) return;
        await transaction.PublishAsync(new MatchesFound(seekerId,
            worthIt.Where(m => fresh.Contains(m.Posting.PostingId)).Select(m => new MatchedPosting(m.Posting.PostingId, m.Posting.Title, m.Score)).ToList(),
            DateTimeOffset.UtcNow));
    }
}
