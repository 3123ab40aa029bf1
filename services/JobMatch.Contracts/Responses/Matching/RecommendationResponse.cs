namespace JobMatch.Contracts.Responses.Matching;

/// <summary>A posting recommended to a seeker, with why it was found and how it scored.</summary>
public sealed record RecommendationResponse(
    Guid PostingId,
    string Title,
    string RegionCode,
    decimal? SalaryMin,
    decimal? SalaryMax,
    DateTime PublishedAt,
    double Score,
    MatchExplanation Explanation);

/// <summary>A seeker suited to a posting, by pseudonymous id only: contact goes through the platform, not around it.</summary>
public sealed record CandidateResponse(Guid SeekerId, string RegionCode, IReadOnlyList<string> KeyGroups, double Score, MatchExplanation Explanation);
