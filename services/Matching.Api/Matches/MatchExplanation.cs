namespace Matching.Api.Matches;

/// <summary>
/// Why a posting was recommended: the skills the seeker has and lacks (what to learn), how near it is, how the pay
/// compares with what they hope for, the occupation fit, and the employment service's policy boost if one applied.
/// Score parts: <see cref="SkillScore"/> and <see cref="LocationScore"/> make the transparent fit; <see cref="ModelScore"/>
/// is the learned ranker's relevance (0–1), <see cref="PolicyBoost"/> the share added for a key group.
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
    IReadOnlyList<string> Reasons);

/// <summary>Offered pay against the seeker's expectation: "above", "meets", "below", or "unknown".</summary>
public sealed record SalaryFit(decimal? Offered, decimal? Expected, string Verdict);

public sealed record PolicyBoostExplanation(string Rule, string KeyGroup, double Amount, string Reason, string PolicyVersion);
