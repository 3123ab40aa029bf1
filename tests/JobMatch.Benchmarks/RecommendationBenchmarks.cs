using BenchmarkDotNet.Attributes;
using Matching.Api.Candidates;
using Matching.Api.Matches;
using Matching.Api.Outcomes;
using Matching.Api.Policy;
using Matching.Api.Ranking;
using Matching.Ranking;
using Matching.Taxonomy;

namespace JobMatch.Benchmarks;

/// <summary>The hot path of a recommendation, in parts: candidate generation from 300,000 postings, and ranking 2,000 candidates.</summary>
[MemoryDiagnoser]
public class RecommendationBenchmarks
{
    private static readonly DateTime Now = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
    private CandidateIndex index = null!;
    private MatchRanker ranker = null!;
    private List<IndexedSeeker> seekers = null!;
    private List<IndexedPosting> candidates = null!;
    private int next;

    [GlobalSetup]
    public void Setup()
    {
        var vocabulary = new ConceptVocabulary(SkillTaxonomy.Shared);
        var market = new SyntheticMarket(vocabulary.Taxonomy, 7, Now);
        var postings = market.Postings(300_000);
        index = new CandidateIndex();
        index.Apply(postings.Select(p => IndexedPosting.From(p.Snapshot, vocabulary)), [], []);
        seekers = market.Seekers(200, postings).Select(s => IndexedSeeker.From(s.Snapshot, vocabulary)).ToList();
        var slot = new RankerSlot();
        slot.Publish(BootstrapModel.Train(vocabulary, new RankingOptions(), Now).Ranker);
        ranker = new MatchRanker(vocabulary, slot, new KeyGroupPolicy([]), new EmployerResponseRates(), new BehaviourSignals());
        candidates = seekers.Select(s => index.CandidatesFor(s, Now, Recommender.CandidateLimit)).MaxBy(c => c.Count)!;
    }

    [Benchmark(Description = "candidates from 300k postings")]
    public int Candidates() => index.CandidatesFor(seekers[next++ % seekers.Count], Now, Recommender.CandidateLimit).Count;

    [Benchmark(Description = "rank the largest candidate set")]
    public int Rank() => ranker.Rank(seekers[0], candidates, Now, 20).Count;
}
