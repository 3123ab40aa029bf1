using Matching.Api.Ranking;

namespace Matching.Api.Matches;

public sealed record RecommendationResponse(
    Guid PostingId,
    string Title,
    string RegionCode,
    decimal? SalaryMin,
    decimal? SalaryMax,
    DateTime PublishedAt,
    double Score,
    MatchExplanation Explanation)
{
    public static RecommendationResponse From(Match match) => new(
        match.Posting.PostingId, match.Posting.Snapshot.Title, match.Posting.Snapshot.RegionCode, match.Posting.Snapshot.SalaryMin,
        match.Posting.Snapshot.SalaryMax, match.Posting.Snapshot.PublishedAt, match.Score, match.Explanation);
}

/// <summary>A seeker suited to a posting, by pseudonymous id only: contact goes through the platform, not around it.</summary>
public sealed record CandidateResponse(Guid SeekerId, string RegionCode, IReadOnlyList<string> KeyGroups, double Score, MatchExplanation Explanation)
{
    public static CandidateResponse From(Match match) => new(
        match.Seeker.SeekerId, match.Seeker.Snapshot.RegionCode, match.Seeker.Snapshot.KeyGroups, match.Score, match.Explanation);
}
