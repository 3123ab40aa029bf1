using Matching.Api.Candidates;

namespace Matching.Evaluation;

/// <summary>
/// The BM25 baseline: every posting scored against the seeker's words with the service's own scorer
/// (<see cref="Bm25"/>) over the service's own terms (<see cref="LexicalTerms"/>: the shared analyzer, field weights),
/// but over the whole catalogue, with no reach and no concepts — lexical retrieval alone, as a yardstick.
/// </summary>
public sealed class Bm25Baseline
{
    private readonly Dictionary<int, List<(int Posting, float Frequency)>> postingsOf = [];
    private readonly float[] lengths;
    private readonly float averageLength;

    public Bm25Baseline(IReadOnlyList<LexicalTerms> postings)
    {
        lengths = new float[postings.Count];
        for (var p = 0; p < postings.Count; p++)
        {
            var terms = postings[p];
            lengths[p] = terms.Length;
            for (var t = 0; t < terms.Terms.Length; t++)
            {
                if (!postingsOf.TryGetValue(terms.Terms[t], out var list)) postingsOf[terms.Terms[t]] = list = [];
                list.Add((p, terms.Frequencies[t]));
            }
        }
        averageLength = lengths.Length == 0 ? 1 : Math.Max(1, lengths.Average());
    }

    /// <summary>The BM25 score of every posting (index order) for the query's words, weighted as the index weighs them; 0 where none is shared.</summary>
    public float[] Scores(LexicalTerms query)
    {
        var scores = new float[lengths.Length];
        if (query.IsEmpty) return scores;
        var heaviest = query.Frequencies.Max();
        for (var q = 0; q < query.Terms.Length; q++)
        {
            if (!postingsOf.TryGetValue(query.Terms[q], out var list)) continue;
            var weight = Bm25.Idf(lengths.Length, list.Count) * query.Frequencies[q] / heaviest;
            foreach (var (posting, frequency) in list) scores[posting] += weight * Bm25.Saturation(frequency, lengths[posting], averageLength);
        }
        return scores;
    }
}
