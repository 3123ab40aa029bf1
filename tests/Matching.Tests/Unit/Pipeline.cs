using Matching.Api.Candidates;
using Matching.Api.Matches;
using Matching.Api.Outcomes;
using Matching.Api.Policy;
using Matching.Api.Ranking;
using Matching.Api.ReadModel;
using Matching.Ranking;
using Matching.Taxonomy;

namespace Matching.Tests.Unit;

/// <summary>The service's ranking pipeline in memory: a candidate index of the given postings, then the ranker.</summary>
internal sealed class Pipeline
{
    public static readonly DateTime Now = new(2025, 6, 10, 0, 0, 0, DateTimeKind.Utc);
    public static readonly ConceptVocabulary Vocabulary = new(SkillTaxonomy.Shared);

    public RankerSlot Models { get; } = new();
    public CandidateIndex Index { get; private set; } = new();
    public MatchRanker Ranker { get; }

    public Pipeline(IReadOnlyList<PolicyRule>? rules = null) =>
        Ranker = new MatchRanker(Vocabulary, Models, new KeyGroupPolicy(rules ?? []), new EmployerResponseRates(), new BehaviourSignals());

    /// <summary>Ranks the postings (and only them: each call starts a fresh index) for the seeker.</summary>
    public List<Match> Recommend(SeekerSnapshot seeker, IEnumerable<PostingSnapshot> postings, int limit = 10)
    {
        Index = new CandidateIndex();
        Index.Apply(postings.Select(posting => IndexedPosting.From(posting, Vocabulary)), [], []);
        var indexed = IndexedSeeker.From(seeker, Vocabulary);
        return Ranker.Rank(indexed, Index.CandidatesFor(indexed, Now, 2000), Now, limit);
    }

    public Match? Single(SeekerSnapshot seeker, PostingSnapshot posting) => Recommend(seeker, [posting]).SingleOrDefault();
}
