namespace JobMatch.Contracts.Responses.Matching;

/// <summary>A targeted campaign and how far it has run ("running" until CompletedAt, then "completed").</summary>
public sealed record CampaignResponse(
    Guid Id, string Name, string KeyGroup, IReadOnlyList<string> RegionCodes, IReadOnlyList<string> Occupations, string Status,
    int TotalItems, int CompletedItems, int SeekersTotal, int SeekersMatched, long ResultCount, DateTime CreatedAt, DateTime? CompletedAt,
    bool UnplacedOnly = false, long SeekersUnmatched = 0);

/// <summary>One posting a campaign found for one seeker, why, and whether it was sent and what came of it.</summary>
public sealed record CampaignResultResponse(
    Guid ResultId, Guid SeekerId, Guid PostingId, string Title, int Rank, double Score, double ModelScore, double PolicyBoost, string? PolicyRule,
    MatchExplanation Explanation, DateTime? SentAt, string? Outcome = null);

public sealed record CampaignResultsPage(IReadOnlyList<CampaignResultResponse> Items, long Total, int Page, int PageSize);

/// <summary>An eligible seeker the campaign found no match for, and why: an id, no name.</summary>
public sealed record CampaignUnmatchedSeeker(Guid SeekerId, string Reason);

public sealed record CampaignUnmatchedPage(IReadOnlyList<CampaignUnmatchedSeeker> Items, long Total, int Page, int PageSize);

public sealed record SendCampaignResultsResponse(int Sent, int Seekers, int AlreadySent);

public sealed record CampaignOutcomes(long Sent, long SeekersReached, long Applied, long Interviews, long Offers, long Hired, long Retained);
