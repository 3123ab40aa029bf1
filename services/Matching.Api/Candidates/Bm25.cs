namespace Matching.Api.Candidates;

/// <summary>
/// Okapi BM25 (k1 1.2, b 0.75): the one scorer of words in common. The candidate index's lexical retrieval and the
/// offline evaluation's BM25 baseline both score with it, over the terms of the one
/// <see cref="JobMatch.TextAnalysis.TextAnalyzer"/> (<see cref="LexicalTerms"/>).
/// </summary>
public static class Bm25
{
    public const float K1 = 1.2f, B = 0.75f;

    /// <summary>A term's inverse document frequency, in the form that is never negative (a term in every document still counts a little).</summary>
    public static float Idf(int documents, int documentFrequency) =>
        (float)Math.Log(1 + (documents - documentFrequency + 0.5) / (documentFrequency + 0.5));

    /// <summary>A term's frequency in a document, saturated and normalised by the document's length against the average.</summary>
    public static float Saturation(float frequency, float length, float averageLength) =>
        frequency * (K1 + 1) / (frequency + K1 * (1 - B + B * length / averageLength));

    /// <summary>
    /// The most a query word of this weight can add to a score (the saturation's limit is k1 + 1): summed over the
    /// query's words it bounds the query's score, so score / bound is a share in [0, 1) comparable across queries.
    /// </summary>
    public static float Ceiling(float weight) => weight * (K1 + 1);
}
