using Matching.Api.Candidates;
using Matching.Taxonomy;

namespace Matching.Api.Ranking;

/// <summary>
/// Title-to-occupation similarity: how close a posting's title is, in characters, to the occupations the seeker
/// wants (what they typed, and the ESCO labels, English and Chinese, of what it resolved to). Character bigrams work
/// alike for Chinese, which has no spaces, and English, and need no taxonomy on the posting's side — so a title the
/// taxonomy cannot resolve (急招叉车工若干名, "Forklift Drivers Needed!!") still counts. Dice coefficient, the best over
/// the seeker's wanted occupations; NaN when the seeker names none. Built once per request; allocation-free per title.
/// </summary>
public sealed class TitleMatcher
{
    private const int MaxTitleBigrams = 256;
    private readonly List<HashSet<int>> wanted;

    private TitleMatcher(List<HashSet<int>> wanted) => this.wanted = wanted;

    public static TitleMatcher None { get; } = new([]);

    public static TitleMatcher ForSeeker(IndexedSeeker seeker, SkillTaxonomy taxonomy)
    {
        var texts = seeker.Snapshot.DesiredOccupations.Concat(seeker.Occupations.SelectMany(id => new[] { taxonomy[id].Label, taxonomy[id].LabelZh }));
        var sets = new List<HashSet<int>>();
        Span<int> buffer = stackalloc int[MaxTitleBigrams];
        foreach (var text in texts)
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            var n = Bigrams(text, buffer);
            if (n > 0) sets.Add([.. buffer[..n].ToArray()]);
        }
        return new TitleMatcher(sets);
    }

    public float Similarity(string title)
    {
        if (wanted.Count == 0) return float.NaN;
        Span<int> buffer = stackalloc int[MaxTitleBigrams];
        var n = Bigrams(title, buffer);
        if (n == 0) return 0;
        var best = 0f;
        foreach (var set in wanted)
        {
            var hits = 0;
            foreach (var bigram in buffer[..n]) if (set.Contains(bigram)) hits++;
            best = Math.Max(best, Math.Min(1f, 2f * hits / (n + set.Count)));
        }
        return best;
    }

    /// <summary>
    /// Bigrams of each word packed as (first &lt;&lt; 16 | second), a lone character as itself; lower case, full-width
    /// ASCII folded to half width (the NFKC fold that matters for titles, done inline so scoring allocates nothing).
    /// </summary>
    private static int Bigrams(string text, Span<int> into)
    {
        var count = 0;
        var previous = -1;
        var wordLength = 0;
        foreach (var raw in text)
        {
            var c = raw is >= '\uFF01' and <= '\uFF5E' ? (char)(raw - 0xFEE0) : raw;
            if (!char.IsLetterOrDigit(c))
            {
                if (wordLength == 1 && count < into.Length) into[count++] = previous;
                previous = -1;
                wordLength = 0;
                continue;
            }
            c = char.ToLowerInvariant(c);
            if (previous >= 0 && count < into.Length) into[count++] = previous << 16 | c;
            previous = c;
            wordLength++;
        }
        if (wordLength == 1 && count < into.Length) into[count++] = previous;
        return count;
    }
}
