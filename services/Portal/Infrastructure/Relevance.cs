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
public sealed record ReasonsView(MatchExplanation? Explanation, decimal? SalaryMin, decimal? SalaryMax, bool StaffDetails, double? Score = null);
