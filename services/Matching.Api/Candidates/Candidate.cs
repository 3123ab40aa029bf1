namespace Matching.Api.Candidates;

/// <summary>How a candidate entered the set: by a shared skill or occupation concept, by words in common, or, for a
/// profile too thin to match, as a posting popular near the seeker now.</summary>
public enum CandidatePath { SharedConcept, WordsInCommon, PopularNearby }

/// <summary>
/// One candidate with what found it: the concepts it shares with the query (skills weigh 1, occupations 3), its BM25
/// score over title, description and skills against the query's words (0 when none are shared: a ranking feature once
/// the ranker takes it), and the path.
/// </summary>
public sealed record Candidate<T>(T Entry, int SharedConcepts, double LexicalScore, CandidatePath Path);
