using Matching.Api.Candidates;
using Matching.Api.Outcomes;
using Matching.Ranking;

namespace Matching.Api.Ranking;

/// <summary>One seeker's graded candidates, as of the moment they started looking: the unit LambdaRank learns to order.</summary>
/// <remarks><see cref="Found"/>, parallel to the candidates, is how retrieval saw each pair then (<see cref="CandidateIndex.Describe"/>);
/// <see cref="History"/> the postings the seeker had acted on before <see cref="At"/>.</remarks>
public sealed record RankingQuery(
    IndexedSeeker Seeker, IReadOnlyList<(IndexedPosting Posting, float Grade)> Candidates, DateTime At, IReadOnlyList<Retrieval>? Found = null,
    IReadOnlySet<Guid>? History = null)
{
    /// <summary>The query as promotion judges it on the open catalogue: its graded postings and its history.</summary>
    public HeldOutSeeker HeldOut() => new(Seeker,
        Candidates.Where(c => c.Grade > 0).GroupBy(c => c.Posting.PostingId).ToDictionary(g => g.Key, g => (int)g.Max(c => c.Grade)),
        History ?? new HashSet<Guid>());

    /// <summary>The query with every candidate described by <paramref name="index"/> as it stands now.</summary>
    public RankingQuery DescribedBy(CandidateIndex index) => this with { Found = [.. Candidates.Select(c => index.Describe(Seeker, c.Posting))] };
}

/// <summary>Turns graded queries into the trainer's rows and groups, with the same features the service ranks on.</summary>
public static class TrainingSet
{
    /// <summary>Features as of each query's own time (<see cref="RankingQuery.At"/>): posting age, popularity and item-to-item then, not now.</summary>
    public static RankingDataset Build(IReadOnlyList<RankingQuery> queries, ConceptVocabulary vocabulary, EmployerResponseRates rates, BehaviourSignals behaviour)
    {
        var columns = RankingFeatures.Count;
        var rows = queries.Sum(query => query.Candidates.Count);
        var features = new float[rows * columns];
        var labels = new float[rows];
        var row = 0;
        foreach (var query in queries)
        {
            var signals = RankingFeatures.SignalsFor(query.Seeker, query.At, rates, behaviour, vocabulary.Taxonomy);
            for (var k = 0; k < query.Candidates.Count; k++)
            {
                var (posting, grade) = query.Candidates[k];
                RankingFeatures.Write(new RankingPair(query.Seeker, posting, Reach.Of(query.Seeker, posting), vocabulary.Taxonomy, signals, query.Found?[k]),
                    features.AsSpan(row * columns, columns));
                labels[row++] = grade;
            }
        }
        return new RankingDataset(features, columns, labels, queries.Select(query => query.Candidates.Count).ToArray());
    }

    /// <summary>
    /// Which of a seeker's graded postings a training query asks about, and as of when. With one posting, the query is
    /// at its first event. With more, it is at the first event of the second: what came before is the seeker's
    /// history (what the item-to-item score and "already seen" draw on, left out of the candidates), what came from
    /// then on is to be ranked — so the behaviour features are learnt the way they are served. Null when nothing
    /// from then on is relevant.
    /// </summary>
    public static (DateTime At, List<(Guid Posting, float Grade)> Graded, List<Guid> History)? Targets(
        IReadOnlyList<(Guid Posting, float Grade, DateTime First)> outcomes)
    {
        if (outcomes.Count == 0) return null;
        var ordered = outcomes.OrderBy(outcome => outcome.First).ThenBy(outcome => outcome.Posting).ToList();
        var at = ordered[Math.Min(1, ordered.Count - 1)].First;
        var graded = ordered.Where(outcome => outcome.First >= at).Select(outcome => (outcome.Posting, outcome.Grade)).ToList();
        return graded.Any(target => target.Grade > 0)
            ? (at, graded, ordered.Where(outcome => outcome.First < at).Select(outcome => outcome.Posting).ToList())
            : null;
    }

    /// <summary>
    /// The cold-start set: a synthetic market from ESCO (<see cref="SyntheticMarket"/>), each seeker's candidates from a
    /// real candidate index, graded by the occupation they were generated from. Deterministic for a seed.
    /// </summary>
    public static List<RankingQuery> Bootstrap(ConceptVocabulary vocabulary, int seed, int seekers, int postings, DateTime now)
    {
        var market = new SyntheticMarket(vocabulary.Taxonomy, seed, now);
        var generatedPostings = market.Postings(postings);
        var generatedSeekers = market.Seekers(seekers, generatedPostings);
        var index = new CandidateIndex();
        var indexed = generatedPostings.ToDictionary(p => p.Snapshot.PostingId, p => (Generated: p, Indexed: IndexedPosting.From(p.Snapshot, vocabulary)));
        index.Apply(indexed.Values.Select(p => p.Indexed), [], []);
        var queries = new List<RankingQuery>();
        foreach (var seeker in generatedSeekers)
        {
            var indexedSeeker = IndexedSeeker.From(seeker.Snapshot, vocabulary);
            var candidates = index.CandidatesFor(indexedSeeker, now, 100)
                .Select(posting => (posting, (float)market.Grade(seeker, indexed[posting.PostingId].Generated, Reach.Of(indexedSeeker, posting))))
                .ToList();
            if (candidates.Any(candidate => candidate.Item2 > 0) && candidates.Any(candidate => candidate.Item2 == 0))
                queries.Add(new RankingQuery(indexedSeeker, candidates, now).DescribedBy(index));
        }
        return queries;
    }
}
