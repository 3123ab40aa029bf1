namespace JobMatch.Contracts;

/// <summary>Matching found postings a seeker has not been told about yet.</summary>
public sealed record MatchesFound(Guid SeekerId, IReadOnlyList<MatchedPosting> Postings, DateTimeOffset FoundAt);
