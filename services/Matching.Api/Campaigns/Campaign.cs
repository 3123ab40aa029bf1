using System.Text.Json;
using Matching.Api.Matches;

namespace Matching.Api.Campaigns;

/// <summary>A campaign to start; UnplacedOnly leaves out seekers in a job (a hire not followed by leaving it).</summary>
public sealed record CreateCampaignRequest(string? Name, string? KeyGroup, IReadOnlyList<string>? RegionCodes, IReadOnlyList<string>? Occupations, bool? UnplacedOnly = null);

public sealed record SendCampaignResultsRequest(IReadOnlyList<Guid>? ResultIds);

/// <summary>A campaign row as stored.</summary>
public sealed class CampaignRow
{
    public Guid CampaignId { get; init; }
    public string Name { get; init; } = "";
    public string KeyGroup { get; init; } = "";
    public string[] RegionCodes { get; init; } = [];
    public string[] Occupations { get; init; } = [];
    public Guid CreatedBy { get; init; }
    public DateTime CreatedAt { get; init; }
    public int TotalItems { get; init; }
    public int CompletedItems { get; init; }
    public int SeekersTotal { get; init; }
    public int SeekersMatched { get; init; }
    public DateTime? CompletedAt { get; init; }
    public long ResultCount { get; init; }
    public bool UnplacedOnly { get; init; }
    public long SeekersUnmatched { get; init; }

    public CampaignResponse ToResponse() => new(CampaignId, Name, KeyGroup, RegionCodes, Occupations,
        CompletedAt is null ? "running" : "completed", TotalItems, CompletedItems, SeekersTotal, SeekersMatched, ResultCount, CreatedAt, CompletedAt,
        UnplacedOnly, SeekersUnmatched);
}

/// <summary>A stored result row.</summary>
public sealed class CampaignResultRow
{
    public Guid ResultId { get; init; }
    public Guid SeekerId { get; init; }
    public Guid PostingId { get; init; }
    public string Title { get; init; } = "";
    public int Rank { get; init; }
    public double Score { get; init; }
    public double ModelScore { get; init; }
    public double PolicyBoost { get; init; }
    public string? PolicyRule { get; init; }
    public string Explanation { get; init; } = "{}";
    public DateTime? SentAt { get; init; }
    /// <summary>The furthest the seeker went with the posting after it was sent: applied, interview, offer, hired, retained.</summary>
    public string? Outcome { get; init; }

    public CampaignResultResponse ToResponse() => new(ResultId, SeekerId, PostingId, Title, Rank, Score, ModelScore, PolicyBoost, PolicyRule,
        JsonSerializer.Deserialize<MatchExplanation>(Explanation, CampaignStore.Json)!, SentAt, Outcome);
}
