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
        match.Posting.PostingId, match.Posting.Title, match.Posting.RegionCode, match.Posting.SalaryMin, match.Posting.SalaryMax,
        match.Posting.PublishedAt, match.Score, match.Explanation);
}
