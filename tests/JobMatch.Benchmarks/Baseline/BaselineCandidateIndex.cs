using Matching.Api.Candidates;

namespace JobMatch.Benchmarks.Baseline;

/// <summary>
/// The candidate index's seeker → postings retrieval as it was before issue 13's fifth round (every concept and word
/// list of the cells in reach read in full, every touched posting admitted, two full sorts), kept verbatim beside
/// <see cref="CandidateIndex"/> so a benchmark compares the two in one run and a test can check they agree.
/// </summary>
public sealed class BaselineCandidateIndex
{
    private readonly BaselineSide<IndexedPosting> postings = new(GeoCells.Of, p => p.SkillIds, p => p.Occupations, p => p.Terms);

    public const int LexicalShare = 4;

    public void Apply(IEnumerable<IndexedPosting> changed)
    {
        foreach (var posting in changed)
        {
            if (posting.Snapshot.ClosedAt is null) postings.Put(posting.PostingId, posting);
        }
    }

    public List<Candidate<IndexedPosting>> Retrieve(IndexedSeeker seeker, DateTime now, int limit) =>
        postings.Collect(seeker.Skills, seeker.Occupations, seeker.Terms, limit,
            posting => posting.IsOpenAt(now) && Reach.Of(seeker, posting).Reachable,
            posting => posting.Snapshot.PublishedAt, GeoCells.Around(seeker));
}
