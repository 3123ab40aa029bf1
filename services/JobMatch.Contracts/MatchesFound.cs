namespace JobMatch.Contracts;

/// <summary>
/// Matching found postings a seeker has not been told about yet. CampaignId is set when a caseworker's targeted
/// campaign sent them (the seeker hears it as a recommendation from the employment service, not from the algorithm).
/// </summary>
public sealed record MatchesFound(Guid SeekerId, IReadOnlyList<MatchedPosting> Postings, DateTimeOffset FoundAt, Guid? CampaignId = null);
