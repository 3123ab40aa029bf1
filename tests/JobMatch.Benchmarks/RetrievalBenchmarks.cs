using BenchmarkDotNet.Attributes;
using JobMatch.Benchmarks.Baseline;
using Matching.Api.Candidates;
using Matching.Api.Matches;
using Matching.Api.Ranking;
using Matching.Taxonomy;

namespace JobMatch.Benchmarks;

/// <summary>
/// Candidate retrieval for one seeker at 300,000 synthetic postings (`--filter *RetrievalBenchmarks*`): the index as it
/// is (<see cref="CandidateIndex.Retrieve(IndexedSeeker, DateTime, int)"/>) against the path before issue 13's fifth
/// round (<see cref="BaselineCandidateIndex"/>, the same postings), in one run, for seekers who commute and for those
/// who would move anywhere (a tenth of the synthetic seekers; they read every cell's lists). Each operation is one
/// request, cycling through the same 20 seekers of each kind.
/// </summary>
[MemoryDiagnoser]
[InProcess] // like the other benchmarks here
[WarmupCount(3)]
[IterationCount(10)]
public class RetrievalBenchmarks
{
    private const int Seekers = 20;
    private static readonly DateTime Now = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
    private CandidateIndex index = null!;
    private BaselineCandidateIndex baseline = null!;
    private List<IndexedSeeker> seekers = null!;
    private int next;

    [Params("within a commute", "from anywhere")]
    public string Reach { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var vocabulary = new ConceptVocabulary(SkillTaxonomy.Shared);
        var market = new SyntheticMarket(vocabulary.Taxonomy, 7, Now);
        var postings = market.Postings(300_000);
        var indexed = postings.Select(p => IndexedPosting.From(p.Snapshot, vocabulary)).ToList();
        index = new CandidateIndex();
        index.Apply(indexed, [], []);
        baseline = new BaselineCandidateIndex();
        baseline.Apply(indexed);
        seekers = market.Seekers(1000, postings).Select(s => IndexedSeeker.From(s.Snapshot, vocabulary))
            .Where(s => GeoCells.Around(s) is null == (Reach == "from anywhere")).Take(Seekers).ToList();
    }

    [Benchmark(Baseline = true, Description = "before: every list read, every posting admitted, full sorts")]
    public int Before() => baseline.Retrieve(seekers[next++ % seekers.Count], Now, Recommender.CandidateLimit).Count;

    [Benchmark(Description = "after: heap selection, lazy admission, capped word lists")]
    public int After() => index.Retrieve(seekers[next++ % seekers.Count], Now, Recommender.CandidateLimit).Count;
}
