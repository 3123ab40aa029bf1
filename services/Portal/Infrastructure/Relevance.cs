using System.Text.Json;
using System.Text.Json.Nodes;
using JobMatch.Contracts.Responses;
using JobMatch.Contracts.Responses.Matching;

namespace Portal.Infrastructure;

/// <summary>
/// Which recommendations a seeker is shown: only those with a reason a person can check — at least one skill they
/// hold (required or optional), or the occupation they are looking for. A high score alone (nearness, a policy
/// boost) is not a reason to put a job in front of someone; the page says so, with how many it left out.
/// </summary>
public static class Relevance
{
    /// <summary>How close a posting's occupation must be to one the seeker wants to count on its own (as matching's reasons do).</summary>
    public const double OccupationFloor = 0.8;

    public static bool IsShown(RecommendationResponse recommendation) =>
        recommendation.Explanation.MatchedSkills.Count > 0 || recommendation.Explanation.MatchedOptionalSkills.Count > 0
        || recommendation.Explanation.OccupationSimilarity >= OccupationFloor;
}

/// <summary>What the reasons partial shows: the explanation, the posting's pay, and whether the viewer is staff.</summary>
public sealed record ReasonsView(MatchExplanation? Explanation, decimal? SalaryMin, decimal? SalaryMax, bool StaffDetails, double? Score = null)
{
    /// <summary>From an untyped answer, for the pages not yet on the typed clients (record 068); named as the record's own parameters, which those pages name.</summary>
#pragma warning disable IDE1006 // the record's own parameter names, which those pages pass by name (StaffDetails: true)
    public ReasonsView(JsonNode? Explanation, double? SalaryMin, double? SalaryMax, bool StaffDetails, double? Score = null)
        : this(Explanation?.Deserialize<MatchExplanation>(ApiJson.Options), (decimal?)SalaryMin, (decimal?)SalaryMax, StaffDetails, Score)
    {
    }
#pragma warning restore IDE1006
}
