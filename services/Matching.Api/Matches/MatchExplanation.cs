namespace Matching.Api.Matches;

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
