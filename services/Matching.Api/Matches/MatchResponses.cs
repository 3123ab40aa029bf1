using Matching.Api.Ranking;

namespace Matching.Api.Matches;

/// <summary>The recommendation's answer record (JobMatch.Contracts.Responses.Matching, shared with the portal) made from a match.</summary>
public static class RecommendationResponses
{
    extension(RecommendationResponse)
    {
        public static RecommendationResponse From(Match match) => new(
            match.Posting.PostingId, match.Posting.Snapshot.Title, match.Posting.Snapshot.RegionCode, match.Posting.Snapshot.SalaryMin,
            match.Posting.Snapshot.SalaryMax, match.Posting.Snapshot.PublishedAt, match.Score, match.Explanation);
    }
}

/// <summary>The candidate's answer record (JobMatch.Contracts.Responses.Matching, shared with the portal) made from a match.</summary>
public static class CandidateResponses
{
    extension(CandidateResponse)
    {
        public static CandidateResponse From(Match match) => new(
            match.Seeker.SeekerId, match.Seeker.Snapshot.RegionCode, match.Seeker.Snapshot.KeyGroups, match.Score, match.Explanation);
    }
}
