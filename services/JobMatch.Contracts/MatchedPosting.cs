namespace JobMatch.Contracts;

/// <summary>One posting inside <see cref="MatchesFound"/>: enough to tell the seeker without another lookup.</summary>
public sealed record MatchedPosting(Guid PostingId, string Title, double Score);
