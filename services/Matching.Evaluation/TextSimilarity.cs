using System.Globalization;
using System.Text;

namespace Matching.Evaluation;

/// <summary>
/// The text-similarity baseline: character-bigram TF-IDF vectors (works alike for Chinese, which has no spaces, and
/// English), cosine between the seeker's skills and desired occupations and each posting's title and skills. Knows no
/// taxonomy, no place and no pay.
/// </summary>
public sealed class TextSimilarity
{
    private readonly Dictionary<string, int> terms = new(StringComparer.Ordinal);
    private readonly List<List<(int Posting, float Weight)>> postingsOf = [];
    private readonly double[] idf;
    private readonly int postingCount;

    public TextSimilarity(IReadOnlyList<string> postingTexts)
    {
        postingCount = postingTexts.Count;
        var counted = postingTexts.Select(Count).ToList();
        var documentFrequency = new List<int>();
        foreach (var document in counted)
        {
            foreach (var term in document.Keys)
            {
                while (documentFrequency.Count <= term) documentFrequency.Add(0);
                documentFrequency[term]++;
            }
        }

        idf = documentFrequency.Select(df => Math.Log((double)postingCount / df) + 1).ToArray();
        for (var p = 0; p < counted.Count; p++)
        {
            var vector = Weighted(counted[p]);
            foreach (var (term, weight) in vector) postingsOf[term].Add((p, weight));
        }
    }

    public static string SeekerText(EvaluationSeeker seeker) => string.Join(' ', seeker.Snapshot.Skills.Concat(seeker.Snapshot.DesiredOccupations));

    public static string PostingText(EvaluationPosting posting) =>
        string.Join(' ', new[] { posting.Snapshot.Title }.Concat(posting.Snapshot.Skills).Concat(posting.Snapshot.OptionalSkills));

    /// <summary>Cosine similarity of the text to every posting (index order); unknown bigrams count for nothing.</summary>
    public float[] Scores(string text)
    {
        var scores = new float[postingCount];
        var query = new Dictionary<int, int>();
        foreach (var bigram in Bigrams(text))
            if (terms.TryGetValue(bigram, out var term)) query[term] = query.GetValueOrDefault(term) + 1;
        foreach (var (term, weight) in Weighted(query))
        {
            foreach (var (posting, postingWeight) in postingsOf[term])
                scores[posting] += weight * postingWeight;
        }

        return scores;
    }

    private Dictionary<int, int> Count(string text)
    {
        var counts = new Dictionary<int, int>();
        foreach (var bigram in Bigrams(text))
        {
            if (!terms.TryGetValue(bigram, out var term))
            {
                terms[bigram] = term = terms.Count;
                postingsOf.Add([]);
            }
            counts[term] = counts.GetValueOrDefault(term) + 1;
        }
        return counts;
    }

    private List<(int Term, float Weight)> Weighted(Dictionary<int, int> counts)
    {
        var weights = counts.Select(pair => (Term: pair.Key, Weight: (1 + Math.Log(pair.Value)) * idf[pair.Key])).ToList();
        var norm = Math.Sqrt(weights.Sum(w => w.Weight * w.Weight));
        return norm == 0 ? [] : weights.Select(w => (w.Term, (float)(w.Weight / norm))).ToList();
    }

    /// <summary>Bigrams of each word (a lone character is its own term), after case folding and width normalisation.</summary>
    public static IEnumerable<string> Bigrams(string text)
    {
        var normal = text.Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture);
        var word = new StringBuilder();
        foreach (var c in normal.Append(' '))
        {
            if (char.IsLetterOrDigit(c)) { word.Append(c); continue; }
            if (word.Length == 1) yield return word.ToString();
            for (var i = 0; i + 1 < word.Length; i++) yield return word.ToString(i, 2);
            word.Clear();
        }
    }
}
