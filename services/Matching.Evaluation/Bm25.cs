using System.Globalization;
using System.Text;
using JobMatch.TextAnalysis;

namespace Matching.Evaluation;

/// <summary>
/// The BM25 baseline (k1 1.2, b 0.75) over each posting's title and skills, queried with the seeker's skills and
/// desired occupations. Its tokenizer is deliberately simple — Latin and digit runs as words with a plural "s"
/// dropped, Chinese runs as overlapping character bigrams — and is to be replaced by the shared Chinese analyzer
/// (JobMatch.TextAnalysis) once that lands, so the baseline and the service's lexical retrieval see the same words.
/// </summary>
public sealed class Bm25
{
    private const double K1 = 1.2, B = 0.75;
    private readonly Dictionary<string, List<(int Posting, int Frequency)>> postingsOf = new(StringComparer.Ordinal);
    private readonly int[] lengths;
    private readonly double averageLength;

    public Bm25(IReadOnlyList<string> postingTexts)
    {
        lengths = new int[postingTexts.Count];
        for (var p = 0; p < postingTexts.Count; p++)
        {
            var terms = Tokens(postingTexts[p]).ToList();
            lengths[p] = terms.Count;
            foreach (var group in terms.GroupBy(term => term, StringComparer.Ordinal))
            {
                if (!postingsOf.TryGetValue(group.Key, out var list)) postingsOf[group.Key] = list = [];
                list.Add((p, group.Count()));
            }
        }
        averageLength = lengths.Length == 0 ? 1 : Math.Max(1, lengths.Average());
    }

    /// <summary>The BM25 score of every posting (index order) for the query text; 0 where no term is shared.</summary>
    public float[] Scores(string query)
    {
        var scores = new float[lengths.Length];
        foreach (var term in Tokens(query).Distinct(StringComparer.Ordinal))
        {
            if (!postingsOf.TryGetValue(term, out var list)) continue;
            var idf = Math.Log(1 + (lengths.Length - list.Count + 0.5) / (list.Count + 0.5));
            foreach (var (posting, frequency) in list)
                scores[posting] += (float)(idf * frequency * (K1 + 1) / (frequency + K1 * (1 - B + B * lengths[posting] / averageLength)));
        }
        return scores;
    }

    public static IEnumerable<string> Tokens(string text)
    {
        var clean = TextNormalizer.Clean(text).ToLower(CultureInfo.InvariantCulture);
        var latin = new StringBuilder();
        var han = new StringBuilder();
        foreach (var c in clean.Append(' '))
        {
            if (IsHan(c))
            {
                if (latin.Length > 0) { yield return Word(latin); latin.Clear(); }
                han.Append(c);
                continue;
            }
            foreach (var bigram in Bigrams(han)) yield return bigram;
            han.Clear();
            if (char.IsLetterOrDigit(c)) { latin.Append(c); continue; }
            if (latin.Length > 0) { yield return Word(latin); latin.Clear(); }
        }
    }

    private static string Word(StringBuilder latin)
    {
        var word = latin.ToString();
        return word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1] : word;
    }

    private static IEnumerable<string> Bigrams(StringBuilder han)
    {
        if (han.Length == 1) yield return han.ToString();
        for (var i = 0; i + 1 < han.Length; i++) yield return han.ToString(i, 2);
    }

    private static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';
}
