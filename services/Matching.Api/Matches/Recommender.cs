using JobMatch.Contracts;
using JobMatch.ServiceDefaults.Messaging;
using Matching.Api.Candidates;
using Matching.Api.Ranking;
using Matching.Api.ReadModel;

namespace Matching.Api.Matches;

/// <summary>
/// Finds a seeker's best postings (and a posting's best seekers) from the candidate index, and tells seekers about
/// matches they have not heard of — once each, as MatchesFound through the outbox, in the same transaction as the
/// event that caused them.
/// </summary>
public sealed class Recommender(
    CandidateIndex index, IndexSynchronizer synchronizer, MatchRanker ranker, ConceptVocabulary vocabulary, PostingPopularity popularity, TimeProvider clock)
{
    /// <summary>Candidates ranked per request: the index keeps those sharing the most concepts.</summary>
    public const int CandidateLimit = 2000;
    /// <summary>A match worth interrupting the seeker for, on the transparent fit (skills held and nearness).</summary>
    public const double AnnounceThreshold = 0.35;
    public const int AnnounceLimit = 10;

    /// <summary>A seeker's best postings (<see cref="SeekerRecommendations"/>): retrieval, ranking, and the labelled fallback.</summary>
    public List<Match> Recommend(IndexedSeeker seeker, int limit, string language = "zh") =>
        SeekerRecommendations.For(index, ranker, popularity, seeker, clock.GetUtcNow().UtcDateTime, limit, language);

    /// <summary>Seekers for an open posting; <paramref name="filter"/> narrows them (e.g. employer-sharing consent).</summary>
    public List<Match> CandidatesFor(IndexedPosting posting, int limit, Func<IndexedSeeker, bool> filter, string language, bool coarseLocation = false)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!posting.IsOpenAt(now)) return [];
        var candidates = index.Retrieve(posting, CandidateLimit, filter);
        if (coarseLocation) candidates = candidates.ConvertAll(candidate => candidate with { Entry = candidate.Entry.WithCoarseLocation() });
        var byId = candidates.ToDictionary(c => c.Entry.SeekerId);
        return ranker.Rank(posting, candidates, now, limit, language).ConvertAll(match =>
            SeekerRecommendations.WithPath(match, byId[match.Seeker.SeekerId].Path, byId[match.Seeker.SeekerId].LexicalScore, false, language));
    }

    /// <summary>
    /// Taken by every transaction that stores a posting or a seeker and then announces. Without it a posting and a
    /// profile consumed at the same moment (on two instances) each miss the other's uncommitted row (write skew) and
    /// the match is never announced. After the lock every earlier writer has committed, so the index is brought up to
    /// date before it is asked.
    /// </summary>
    public async Task LockAnnouncementsAsync(ServiceTransaction transaction)
    {
        await transaction.ExecuteAsync("SELECT pg_advisory_xact_lock(@AnnouncementLock)", new { AnnouncementLock });
        await synchronizer.FreshAsync(transaction.CancellationToken);
    }

    private const long AnnouncementLock = 0x4D61746368416E6E; // "MatchAnn"

    /// <summary>After a profile changed: the seeker's best postings they have not been told about.</summary>
    public async Task AnnounceForSeekerAsync(ServiceTransaction transaction, Guid seekerId)
    {
        var stored = await ReadModelStore.FindSeekerAsync(transaction.Connection, transaction.Transaction, seekerId, transaction.CancellationToken);
        if (stored is null) return;
        var matches = Recommend(IndexedSeeker.From(stored, vocabulary), AnnounceLimit);
        await AnnounceAsync(transaction, seekerId, matches);
    }

    /// <summary>After a posting was published: every seeker it suits well enough.</summary>
    public async Task AnnounceForPostingAsync(ServiceTransaction transaction, Guid postingId)
    {
        var stored = await ReadModelStore.FindOpenPostingAsync(transaction.Connection, transaction.Transaction, postingId, transaction.CancellationToken);
        if (stored is null) return;
        var posting = IndexedPosting.From(stored, vocabulary);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var match in ranker.Rank(posting, index.CandidatesFor(posting, CandidateLimit), now, CandidateLimit))
            await AnnounceAsync(transaction, match.Seeker.SeekerId, [match]);
    }

    private async Task AnnounceAsync(ServiceTransaction transaction, Guid seekerId, IReadOnlyList<Match> matches)
    {
        // The fallback is for a list on screen, not worth interrupting anyone for.
        var worthIt = matches.Where(match => match.Fit >= AnnounceThreshold && match.Explanation.FoundBy != CandidatePaths.PopularNearby).ToList();
        if (worthIt.Count == 0) return;
        var fresh = (await transaction.QueryAsync<Guid>(
            """
            INSERT INTO announced_matches (seeker_id, posting_id, score, model_score, policy_boost, policy_rule, policy_version, model_version)
            SELECT @seekerId, m.* FROM unnest(@postingIds, @scores, @modelScores, @boosts, @rules, @policyVersions, @modelVersions)
                AS m(posting_id, score, model_score, policy_boost, policy_rule, policy_version, model_version)
            ON CONFLICT DO NOTHING RETURNING posting_id
            """,
            new
            {
                seekerId,
                postingIds = worthIt.Select(m => m.Posting.PostingId).ToArray(),
                scores = worthIt.Select(m => m.Score).ToArray(),
                modelScores = worthIt.Select(m => m.Explanation.ModelScore).ToArray(),
                boosts = worthIt.Select(m => m.Boost?.Amount ?? 0).ToArray(),
                rules = worthIt.Select(m => m.Boost?.Rule).ToArray(),
                policyVersions = worthIt.Select(_ => ranker.Policy.Version).ToArray(),
                modelVersions = worthIt.Select(m => m.Explanation.ModelVersion).ToArray(),
            }))
            .ToHashSet();
        if (fresh.Count == 0) return;
        await transaction.PublishAsync(new MatchesFound(seekerId,
            worthIt.Where(m => fresh.Contains(m.Posting.PostingId)).Select(m => new MatchedPosting(m.Posting.PostingId, m.Posting.Snapshot.Title, m.Score)).ToList(),
            clock.GetUtcNow()));
    }
}
