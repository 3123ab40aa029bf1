namespace JobMatch.Contracts.Responses.Matching;

/// <summary>
/// Why a posting was recommended: the skills the seeker has and lacks (what to learn), how near it is, how the pay
/// compares with what they hope for, the occupation fit, and the employment service's policy boost if one applied.
/// Score parts: <see cref="SkillScore"/>, <see cref="WordScore"/> and <see cref="LocationScore"/> make the transparent fit
/// (weighted 0.5, 0.2 and 0.3; without retrieval's word score, skills and place alone: matching's MatchRanker.Fit);
/// <see cref="ModelScore"/> is the learned ranker's relevance (0–1), <see cref="PolicyBoost"/> the share added for a key group.
/// </summary>
public sealed record MatchExplanation(
    IReadOnlyList<string> MatchedSkills,
    IReadOnlyList<string> MissingSkills,
    double SkillScore,
    double? DistanceKm,
    double LocationScore,
    string LocationBasis,
    IReadOnlyList<string> MatchedOptionalSkills,
    double? OccupationSimilarity,
    SalaryFit? Salary,
    double ModelScore,
    string ModelVersion,
    PolicyBoostExplanation? PolicyBoost,
    IReadOnlyList<string> Reasons)
{
    /// <summary>Which path found the posting: "shared-concept" (a skill or occupation), "words-in-common" (lexical
    /// retrieval), or "popular-nearby" (the fallback for a profile too thin to match). The first reason says so too.</summary>
    public string FoundBy { get; init; } = "shared-concept";

    /// <summary>BM25 of the posting's title, description and skills against the seeker's words (0: none shared).</summary>
    public double LexicalScore { get; init; }

    /// <summary>The transparent fit's word part (0–1): <see cref="LexicalScore"/> saturated, score / (score + 5).</summary>
    public double WordScore { get; init; }

    /// <summary>True when the region-balance step (matching's RegionBalance) moved the posting up so that postings in
    /// banners and counties are shown in proportion to those within the seeker's reach.</summary>
    public bool RegionBalanced { get; init; }
}

/// <summary>Offered pay against the seeker's expectation: "above", "meets", "below", or "unknown".</summary>
public sealed record SalaryFit(decimal? Offered, decimal? Expected, string Verdict);

public sealed record PolicyBoostExplanation(string Rule, string KeyGroup, double Amount, string Reason, string PolicyVersion);
