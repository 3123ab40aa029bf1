using System.Collections.Concurrent;
using JobMatch.TextAnalysis;

namespace Matching.Api.Candidates;

/// <summary>
/// A posting's or seeker's words as BM25 sees them: term ids with field-weighted frequencies (BM25F-style: a word in
/// a title counts three times, in the skills twice, in a description once) and the weighted length. Built with the
/// one <see cref="TextAnalyzer"/>, so words that mean the same to it (drivers/driving, 电焊工/焊工) meet.
/// </summary>
public sealed class LexicalTerms
{
    public static readonly LexicalTerms None = new([], [], 0);

    /// <summary>How much a description is read: enough for what an ad asks, bounded so one long ad cannot cost much.</summary>
    public const int DescriptionChars = 4000;
    public const float TitleWeight = 3, SkillWeight = 2, TextWeight = 1;

    /// <summary>A word of the title of a posting the seeker acted on: a third of their own words' weight, so what they
    /// wrote leads and what they looked at fills in (and speaks alone when they wrote nothing).</summary>
    public const float PastTitleWeight = 1;

    private LexicalTerms(int[] terms, float[] frequencies, float length) => (Terms, Frequencies, Length) = (terms, frequencies, length);

    /// <summary>Distinct term ids, ascending.</summary>
    public int[] Terms { get; }
    public float[] Frequencies { get; }
    public float Length { get; }
    public bool IsEmpty => Terms.Length == 0;

    public sealed class Builder(TermIds ids)
    {
        private readonly Dictionary<int, float> frequencies = [];

        public Builder Add(string? text, float weight)
        {
            foreach (var term in TextAnalyzer.Terms(text)) Add(ids.Of(term), weight);
            return this;
        }

        public Builder Add(IEnumerable<string> texts, float weight)
        {
            foreach (var text in texts) Add(text, weight);
            return this;
        }

        /// <summary>Every term of <paramref name="terms"/> with its frequency (terms already built with the same ids).</summary>
        public Builder Add(LexicalTerms terms)
        {
            for (var i = 0; i < terms.Terms.Length; i++) Add(terms.Terms[i], terms.Frequencies[i]);
            return this;
        }

        private void Add(int term, float weight) => frequencies[term] = frequencies.GetValueOrDefault(term) + weight;

        public LexicalTerms Build()
        {
            if (frequencies.Count == 0) return None;
            var terms = frequencies.Keys.Order().ToArray();
            var weights = terms.Select(term => frequencies[term]).ToArray();
            return new LexicalTerms(terms, weights, weights.Sum());
        }
    }
}

/// <summary>Index terms interned to dense ids, for the whole process (the postings' and the seekers' sides share them).</summary>
public sealed class TermIds
{
    private readonly ConcurrentDictionary<string, int> ids = new(StringComparer.Ordinal);
    private int next;

    public int Of(string term) => ids.TryGetValue(term, out var id) ? id : ids.GetOrAdd(term, _ => Interlocked.Increment(ref next) - 1);

    public int Count => ids.Count;
}
