namespace Matching.Api.Matches;

/// <summary>Why a posting was recommended: each part of the score, and what the seeker is missing.</summary>
public sealed record MatchExplanation(
    IReadOnlyList<string> MatchedSkills,
    IReadOnlyList<string> MissingSkills,
    double SkillScore,
    double? DistanceKm,
    double LocationScore,
    string LocationBasis);
