namespace Matching.Api.Matches;

/// <summary>
/// Why a posting was recommended: the skills the seeker has and lacks (what to learn), how near it is, how the pay
/// compares with what they hope for, the occupation fit, and the employment service's policy boost if one applied.
/// Score parts: <see cref="SkillScore"/>, <see cref="WordScore"/> and <see cref="LocationScore"/> make the transparent fit
/// (weighted 0.5, 0.2 and 0.3; without retrieval's word score, skills and place alone: <see cref="Ranking.MatchRanker.Fit"/>); <see cref="ModelScore"/>
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
    IReadOnlyList<string> Reasons)
{
    /// <summary>Which path found the posting: "shared-concept" (a skill or occupation), "words-in-common" (lexical
    /// retrieval), or "popular-nearby" (the fallback for a profile too thin to match). The first reason says so too.</summary>
    public string FoundBy { get; init; } = CandidatePaths.SharedConcept;

    /// <summary>BM25 of the posting's title, description and skills against the seeker's words (0: none shared).</summary>
    public double LexicalScore { get; init; }

    /// <summary>The transparent fit's word part (0–1): <see cref="LexicalScore"/> saturated, score / (score + 5).</summary>
    public double WordScore { get; init; }

    /// <summary>True when the region-balance step (<see cref="Ranking.RegionBalance"/>) moved the posting up so that
    /// postings in banners and counties are shown in proportion to those within the seeker's reach.</summary>
    public bool RegionBalanced { get; init; }
}

/// <summary>The names of <see cref="Candidates.CandidatePath"/> in explanations, and the reason each gives.</summary>
public static class CandidatePaths
{
    public const string SharedConcept = "shared-concept", WordsInCommon = "words-in-common", PopularNearby = "popular-nearby",
        LikePastPostings = "like-past-postings";

    /// <summary>The reason of a match found only by words of postings the seeker had applied to or viewed.</summary>
    public static string LikePastPostingsReason(string language) => language == "en"
        ? "Like jobs you applied to or looked at: shares words with their titles"
        : "与您投递或浏览过的岗位相似：标题中有相同的关键词";

    public static string Name(Candidates.CandidatePath path) => path switch
    {
        Candidates.CandidatePath.WordsInCommon => WordsInCommon,
        Candidates.CandidatePath.PopularNearby => PopularNearby,
        _ => SharedConcept,
    };

    public static string Reason(Candidates.CandidatePath path, bool popular, string language)
    {
        var en = language == "en";
        return path switch
        {
            Candidates.CandidatePath.WordsInCommon => en ? "Found by words your profile and the posting share" : "根据您的简历与岗位中相同的关键词找到",
            Candidates.CandidatePath.PopularNearby when popular =>
                en ? "Popular near you now: your profile has too little to match on yet" : "您附近近期热门的岗位：您的简历信息还不足以匹配",
            Candidates.CandidatePath.PopularNearby =>
                en ? "Recently posted near you: your profile has too little to match on yet" : "您附近新发布的岗位：您的简历信息还不足以匹配",
            _ => en ? "Found by a skill or occupation in your profile" : "根据您简历中的技能或求职意向找到",
        };
    }
}

/// <summary>Offered pay against the seeker's expectation: "above", "meets", "below", or "unknown".</summary>
public sealed record SalaryFit(decimal? Offered, decimal? Expected, string Verdict);

public sealed record PolicyBoostExplanation(string Rule, string KeyGroup, double Amount, string Reason, string PolicyVersion);
