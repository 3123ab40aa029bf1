using Matching.Api.Candidates;
using Matching.Api.Evaluation;
using Matching.Api.Outcomes;
using Matching.Ranking;

namespace Matching.Api.Ranking;

/// <summary>One seeker's graded candidates: the unit LambdaMART learns to order.</summary>
public sealed record RankingQuery(IndexedSeeker Seeker, IReadOnlyList<(IndexedPosting Posting, float Grade)> Candidates, DateTime At);

/// <summary>Turns graded queries into XGBoost's rows and groups, with the same features the service ranks on.</summary>
public static class TrainingSet
{
    public static RankingDataset Build(IReadOnlyList<RankingQuery> queries, ConceptVocabulary vocabulary, EmployerResponseRates rates, DateTime now)
    {
        var columns = RankingFeatures.Count;
        var rows = queries.Sum(query => query.Candidates.Count);
        var features = new float[rows * columns];
        var labels = new float[rows];
        var row = 0;
        foreach (var query in queries)
        {
            foreach (var (posting, grade) in query.Candidates)
            {
                RankingFeatures.Write(query.Seeker, posting, Reach.Of(query.Seeker, posting), vocabulary.Taxonomy,
                    rates.Of(posting.Snapshot.EmployerId), now, features.AsSpan(row * columns, columns));
                labels[row++] = grade;
            }
        }
        return new RankingDataset(features, columns, labels, queries.Select(query => query.Candidates.Count).ToArray());
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
                queries.Add(new RankingQuery(indexedSeeker, candidates, now));
        }
        return queries;
    }
}
