namespace Matching.Api.Candidates;

/// <summary>
/// Every open posting and every seeker in memory, with inverted lists from skill and occupation concepts and from
/// words (BM25 over title, description and skills) to them, so candidate generation touches only what shares a concept
/// or a word with the query. Rebuilt from the store at start-up and kept current from its change feed
/// (<see cref="IndexSynchronizer"/>). Many readers, one writer at a time. Entries are replaced, never mutated: a
/// changed posting gets a new slot and the old one is dead until compaction.
/// </summary>
public sealed class CandidateIndex
{
    private readonly ReaderWriterLockSlim gate = new();
    private readonly Side<IndexedPosting> postings = new(GeoCells.Of, p => p.SkillIds, p => p.Occupations, p => p.Terms, p => p.Snapshot.PublishedAt);
    private readonly Side<IndexedSeeker> seekers = new(null, s => s.Skills, s => s.Occupations, s => s.Terms, s => s.Snapshot.UpdatedAt);

    /// <summary>Of a request's candidate budget, the share lexical retrieval may add beyond those sharing a concept.</summary>
    public const int LexicalShare = 4;

    /// <summary>How many word-list entries one query reads at most (rarest words first; see <see cref="Side{T}.Collect"/>).</summary>
    public const int WordReadBudget = 120_000;

    public int PostingCount { get { gate.EnterReadLock(); try { return postings.Live; } finally { gate.ExitReadLock(); } } }
    public int SeekerCount { get { gate.EnterReadLock(); try { return seekers.Live; } finally { gate.ExitReadLock(); } } }

    public void Apply(IEnumerable<IndexedPosting> changed, IEnumerable<IndexedSeeker> changedSeekers, IEnumerable<Guid> removedSeekers)
    {
        gate.EnterWriteLock();
        try
        {
            foreach (var seekerId in removedSeekers) seekers.Remove(seekerId);
            foreach (var posting in changed)
            {
                if (posting.Snapshot.ClosedAt is not null) postings.Remove(posting.PostingId);
                else postings.Put(posting.PostingId, posting);
            }
            foreach (var seeker in changedSeekers) seekers.Put(seeker.SeekerId, seeker);
            postings.CompactIfWorthIt();
            seekers.CompactIfWorthIt();
        }
        finally { gate.ExitWriteLock(); }
    }

    public IndexedPosting? FindPosting(Guid postingId)
    {
        gate.EnterReadLock();
        try { return postings.Find(postingId); } finally { gate.ExitReadLock(); }
    }

    public IndexedSeeker? FindSeeker(Guid seekerId)
    {
        gate.EnterReadLock();
        try { return seekers.Find(seekerId); } finally { gate.ExitReadLock(); }
    }

    /// <summary>The postings of <see cref="Retrieve(IndexedSeeker, DateTime, int)"/>.</summary>
    public List<IndexedPosting> CandidatesFor(IndexedSeeker seeker, DateTime now, int limit) =>
        Retrieve(seeker, now, limit).ConvertAll(candidate => candidate.Entry);

    /// <summary>
    /// Open postings within reach (the commute limit, or anywhere if they would relocate) sharing an occupation or skill
    /// with the seeker, most shared concepts first, at most <paramref name="limit"/>; then up to a quarter as many
    /// more that share only words (best BM25 first). Each with its lexical score.
    /// </summary>
    public List<Candidate<IndexedPosting>> Retrieve(IndexedSeeker seeker, DateTime now, int limit)
    {
        gate.EnterReadLock();
        try
        {
            return postings.Collect(seeker.Skills, seeker.Occupations, seeker.Terms, limit,
                posting => posting.IsOpenAt(now) && Reach.Of(seeker, posting).Reachable, GeoCells.Around(seeker));
        }
        finally { gate.ExitReadLock(); }
    }

    /// <summary>The seekers of <see cref="Retrieve(IndexedPosting, int, Func{IndexedSeeker, bool}?)"/>.</summary>
    public List<IndexedSeeker> CandidatesFor(IndexedPosting posting, int limit, Func<IndexedSeeker, bool>? filter = null) =>
        Retrieve(posting, limit, filter).ConvertAll(candidate => candidate.Entry);

    /// <summary>Seekers able to reach the posting, sharing an occupation or skill (most first), then sharing words.</summary>
    public List<Candidate<IndexedSeeker>> Retrieve(IndexedPosting posting, int limit, Func<IndexedSeeker, bool>? filter = null)
    {
        var skills = posting.SkillIds.ToArray();
        gate.EnterReadLock();
        try
        {
            return seekers.Collect(skills, posting.Occupations, posting.Terms, limit,
                seeker => Reach.Of(seeker, posting).Reachable && (filter is null || filter(seeker)));
        }
        finally { gate.ExitReadLock(); }
    }

    /// <summary>
    /// How retrieval sees one pair, whether or not it retrieved it: the concepts shared, the BM25 score against the
    /// index's current statistics, and the path that would find it. Training rows are described this way, graded and
    /// unanswered postings alike, so the model learns the retrieval features as they are served.
    /// </summary>
    public Retrieval Describe(IndexedSeeker seeker, IndexedPosting posting)
    {
        var shared = Shared(seeker.Skills, posting.SkillIds.ToArray()) + 3 * Shared(seeker.Occupations, posting.Occupations);
        gate.EnterReadLock();
        try { return Retrieval.Of(shared, postings.ScoreOf(seeker.Terms, posting)); } finally { gate.ExitReadLock(); }
    }

    /// <summary>The posting's BM25 against <paramref name="words"/> with the index's current statistics (0 when none is shared).</summary>
    public float ScoreOf(LexicalTerms words, IndexedPosting posting)
    {
        gate.EnterReadLock();
        try { return postings.ScoreOf(words, posting); } finally { gate.ExitReadLock(); }
    }

    private static int Shared(int[] seekerConcepts, int[] postingConcepts) =>
        postingConcepts.Distinct().Count(seekerConcepts.Contains);

    /// <summary>Every open posting in the seeker's reach the predicate selects (the fallback for thin profiles).</summary>
    public List<IndexedPosting> PostingsNear(IndexedSeeker seeker, DateTime now, Func<IndexedPosting, bool> predicate)
    {
        gate.EnterReadLock();
        try
        {
            return postings.InCells(GeoCells.Around(seeker))
                .Where(posting => posting.IsOpenAt(now) && predicate(posting) && Reach.Of(seeker, posting) is { Reachable: true, Basis: not ("relocation" or Reach.ShownReach) })
                .ToList();
        }
        finally { gate.ExitReadLock(); }
    }

    /// <summary>Every seeker the predicate selects (campaigns: a key group in some regions).</summary>
    public List<IndexedSeeker> Seekers(Func<IndexedSeeker, bool> predicate)
    {
        gate.EnterReadLock();
        try { return seekers.All().Where(predicate).ToList(); } finally { gate.ExitReadLock(); }
    }
}
