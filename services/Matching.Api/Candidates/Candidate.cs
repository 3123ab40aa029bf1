namespace Matching.Api.Candidates;

/// <summary>How a candidate entered the set: by a shared skill or occupation concept, by words in common, or, for a
/// profile too thin to match, as a posting popular near the seeker now.</summary>
public enum CandidatePath { SharedConcept, WordsInCommon, PopularNearby }

/// <summary>
/// One candidate with what found it: the concepts it shares with the query (skills weigh 1, occupations 3), its BM25
/// score over title, description and skills against the query's words (0 when none are shared), and the path.
/// </summary>
public sealed record Candidate<T>(T Entry, int SharedConcepts, double LexicalScore, CandidatePath Path)
{
    public Retrieval Found => new((float)LexicalScore, Path);
}

/// <summary>What the ranker learns from retrieval about a pair: its BM25 score and the path that found it.</summary>
public readonly record struct Retrieval(float LexicalScore, CandidatePath Path)
{
    /// <summary>The path a pair would be found by: a shared concept first, then words, else only the fallback could show it.</summary>
    public static Retrieval Of(int sharedConcepts, float lexicalScore) => new(lexicalScore,
        sharedConcepts > 0 ? CandidatePath.SharedConcept : lexicalScore > 0 ? CandidatePath.WordsInCommon : CandidatePath.PopularNearby);
}
