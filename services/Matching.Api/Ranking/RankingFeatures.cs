using Matching.Api.Candidates;
using Matching.Taxonomy;

namespace Matching.Api.Ranking;

/// <summary>
/// What the ranker sees of a seeker and a posting, one row of <see cref="Count"/> floats (NaN = unknown, which
/// XGBoost treats as missing). Skills, occupation, place, pay, education, experience, freshness and the employer's
/// responsiveness — never gender, age, ethnicity, health or any other protected attribute (matching does not hold
/// them). A model is stored with these names and only serves the feature set it was trained on.
/// </summary>
public static class RankingFeatures
{
    public static readonly IReadOnlyList<string> Names =
    [
        "essential_coverage", "optional_coverage", "matched_essential", "missing_essential",
        "occupation_similarity", "occupation_skill_fit", "distance_km", "commute_ratio", "closeness",
        "salary_fit", "education_gap", "experience_gap", "posting_days_open", "employer_response_rate",
        "employment_type_match", "relocation",
    ];

    public static int Count => Names.Count;

    public static void Write(
        IndexedSeeker seeker, IndexedPosting posting, Reach reach, SkillTaxonomy taxonomy, float employerResponseRate,
        DateTime now, Span<float> row)
    {
        var (matchedEssential, essential) = Overlap(seeker.Skills, posting.Essential);
        var (matchedOptional, optional) = Overlap(seeker.Skills, posting.Optional);
        var s = seeker.Snapshot;
        var p = posting.Snapshot;

        row[0] = essential == 0 ? float.NaN : (float)matchedEssential / essential;
        row[1] = optional == 0 ? float.NaN : (float)matchedOptional / optional;
        row[2] = matchedEssential;
        row[3] = essential - matchedEssential;
        row[4] = OccupationSimilarity(seeker.Occupations, posting.Occupations, taxonomy);
        row[5] = OccupationSkillFit(seeker.Skills, posting.Occupations, taxonomy);
        row[6] = reach.DistanceKm is { } km ? (float)km : float.NaN;
        row[7] = reach.DistanceKm is { } d ? (float)(d / Math.Max(reach.CommuteKm, 1)) : float.NaN;
        row[8] = (float)reach.Closeness;
        row[9] = SalaryFit(p.SalaryMin, p.SalaryMax, s.SalaryExpectation);
        row[10] = seeker.Education == EducationRank.Unknown || posting.Education == EducationRank.Unknown
            ? float.NaN : (int)seeker.Education - (int)posting.Education;
        row[11] = s.YearsOfExperience is { } years && p.ExperienceYears is { } required ? (float)(years - required) : float.NaN;
        row[12] = (float)Math.Max(0, (now - p.PublishedAt).TotalDays);
        row[13] = employerResponseRate;
        row[14] = s.EmploymentTypes.Length == 0 || p.EmploymentType is null ? float.NaN
            : s.EmploymentTypes.Any(type => EmploymentTypes.Same(type, p.EmploymentType)) ? 1 : 0;
        row[15] = reach.Basis == "relocation" ? 1 : 0;
    }

    /// <summary>How many of the posting's skills the seeker has (seeker skills sorted).</summary>
    public static (int Matched, int Total) Overlap(int[] seekerSkills, (int Id, string Label)[] postingSkills)
    {
        var matched = 0;
        foreach (var (id, _) in postingSkills) if (Array.BinarySearch(seekerSkills, id) >= 0) matched++;
        return (matched, postingSkills.Length);
    }

    private static float OccupationSimilarity(int[] seekerOccupations, int[] postingOccupations, SkillTaxonomy taxonomy)
    {
        if (seekerOccupations.Length == 0 || postingOccupations.Length == 0) return float.NaN;
        var best = 0.0;
        foreach (var a in seekerOccupations)
            foreach (var b in postingOccupations)
                best = Math.Max(best, taxonomy.OccupationSimilarity(a, b));
        return (float)best;
    }

    /// <summary>Of the essential skills ESCO lists for the posting's occupation, the share the seeker has.</summary>
    private static float OccupationSkillFit(int[] seekerSkills, int[] postingOccupations, SkillTaxonomy taxonomy)
    {
        if (postingOccupations.Length == 0) return float.NaN;
        var essential = taxonomy.EssentialSkills(postingOccupations[0]);
        if (essential.Length == 0) return float.NaN;
        var held = 0;
        foreach (var skill in essential) if (Array.BinarySearch(seekerSkills, skill) >= 0) held++;
        return (float)held / essential.Length;
    }

    /// <summary>The posting's best pay over what the seeker hopes for (1 = exactly; NaN when either is unknown).</summary>
    public static float SalaryFit(decimal? salaryMin, decimal? salaryMax, decimal? expectation) =>
        expectation is > 0 && (salaryMax ?? salaryMin) is { } offered ? (float)(offered / expectation.Value) : float.NaN;
}

/// <summary>Profiles name employment types in kebab case ("full-time"), postings as enum names ("FullTime").</summary>
public static class EmploymentTypes
{
    public static bool Same(string seekerType, string postingType) =>
        string.Equals(seekerType.Replace("-", "", StringComparison.Ordinal), postingType, StringComparison.OrdinalIgnoreCase);
}
