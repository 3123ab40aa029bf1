using Matching.Api.Candidates;
using Matching.Api.Ranking;

namespace Matching.Api.Matches;

/// <summary>
/// A seeker's list as the service builds it, pure and in memory so the offline evaluation builds it the same way:
/// retrieval (shared concepts, then words in common), ranking with what found each candidate, the region-balance step
/// (<see cref="RegionBalance"/>), and — when that finds
/// fewer than asked (a profile too thin to match, or none at all) — postings popular near the seeker now, labelled as
/// such. Every match says which path found it.
/// </summary>
public static class SeekerRecommendations
{
    /// <summary>How much deeper than the list the ranking goes for the region-balance step to choose from.</summary>
    public const int BalanceDepth = 3;

    public static List<Match> For(
        CandidateIndex index, MatchRanker ranker, PostingPopularity popularity, IndexedSeeker seeker, DateTime now, int limit, string language = "zh")
    {
        var query = WithPastPostings(index, ranker, seeker, now);
        var candidates = index.Retrieve(query, now, Recommender.CandidateLimit);
        var found = candidates.ToDictionary(c => c.Entry.PostingId);
        // Ranked deeper than asked, so the region-balance step has postings of both kinds to place.
        var ranked = ranker.Rank(query, candidates, now, limit * BalanceDepth, language).ConvertAll(match =>
        {
            var candidate = found[match.Posting.PostingId];
            var likePast = candidate.Path == CandidatePath.WordsInCommon && query.PastPostings > 0 && index.ScoreOf(seeker.OwnTerms, match.Posting) == 0;
            return likePast ? WithPastPath(match, candidate.LexicalScore, language) : WithPath(match, candidate.Path, candidate.LexicalScore, false, language);
        });
        var matches = RegionBalance.Balance(ranked, RegionBalance.BannerCountyShare(candidates.Select(c => c.Entry)), limit, language);
        if (matches.Count < limit) matches.AddRange(PopularNearby(index, ranker, popularity, seeker, now, limit - matches.Count, matches, language));
        return matches;
    }

    /// <summary>
    /// The fallback: open postings within reach, most applied to in the last two weeks first, then the newest, balanced
    /// by region type to the share of everything nearby (<see cref="RegionBalance"/>).
    /// </summary>
    private static List<Match> PopularNearby(
        CandidateIndex index, MatchRanker ranker, PostingPopularity popularity, IndexedSeeker seeker, DateTime now, int count, List<Match> already,
        string language)
    {
        var taken = already.Select(match => match.Posting.PostingId).ToHashSet();
        var pool = index.PostingsNear(seeker, now, posting => !taken.Contains(posting.PostingId));
        var ordered = pool.OrderByDescending(posting => popularity.Of(posting.PostingId)).ThenByDescending(posting => posting.Snapshot.PublishedAt).ToList();
        var nearby = RegionBalance.Balance(ordered, posting => posting, RegionBalance.BannerCountyShare(pool), count);
        var order = nearby.Select((placed, i) => (placed.Item.PostingId, i)).ToDictionary(p => p.PostingId, p => p.i);
        var moved = nearby.Where(placed => placed.Moved).Select(placed => placed.Item.PostingId).ToHashSet();
        return ranker.Rank(seeker, nearby.ConvertAll(placed => new Candidate<IndexedPosting>(placed.Item, 0, 0, CandidatePath.PopularNearby)), now, count, language)
            .OrderBy(match => order[match.Posting.PostingId])
            .Select(match => WithPath(match, CandidatePath.PopularNearby, 0, popularity.Of(match.Posting.PostingId) > 0, language))
            .Select(match => moved.Contains(match.Posting.PostingId) ? RegionBalance.Moved(match, language) : match)
            .ToList();
    }

    /// <summary>
    /// The seeker with the words of the postings they acted on before <paramref name="now"/> (<see cref="IndexedSeeker.WithPastPostings"/>),
    /// those still in the index; the seeker as they are when they have acted on none.
    /// </summary>
    public static IndexedSeeker WithPastPostings(CandidateIndex index, MatchRanker ranker, IndexedSeeker seeker, DateTime now)
    {
        var past = ranker.Behaviour.HistoryOf(seeker.SeekerId, now).Select(index.FindPosting).OfType<IndexedPosting>().ToList();
        return seeker.WithPastPostings(past, ranker.Vocabulary);
    }

    /// <summary>A match found only by words of postings the seeker acted on, said so.</summary>
    private static Match WithPastPath(Match match, double lexicalScore, string language) => match with
    {
        Explanation = match.Explanation with
        {
            FoundBy = CandidatePaths.LikePastPostings,
            LexicalScore = Math.Round(lexicalScore, 4),
            Reasons = [CandidatePaths.LikePastPostingsReason(language), .. match.Explanation.Reasons],
        },
    };

    /// <summary>The explanation says which path found the match, with its lexical score, first among the reasons.</summary>
    public static Match WithPath(Match match, CandidatePath path, double lexicalScore, bool popular, string language) => match with
    {
        Explanation = match.Explanation with
        {
            FoundBy = CandidatePaths.Name(path),
            LexicalScore = Math.Round(lexicalScore, 4),
            Reasons = [CandidatePaths.Reason(path, popular, language), .. match.Explanation.Reasons],
        },
    };
}
