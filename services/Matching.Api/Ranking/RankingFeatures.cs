using Matching.Api.Candidates;
using Matching.Api.Outcomes;
using Matching.Api.ReadModel;
using Matching.Taxonomy;

namespace Matching.Api.Ranking;

/// <summary>
/// Everything one candidate row is computed from: the pair, how far apart they are, the taxonomy, and the signals
/// gathered once per request (<see cref="RequestSignals"/>). The skill overlaps are counted once here and shared by the
/// features that use them.
/// </summary>
public readonly struct RankingPair
{
    public RankingPair(IndexedSeeker seeker, IndexedPosting posting, Reach reach, SkillTaxonomy taxonomy, RequestSignals signals, Retrieval? found = null)
    {
        Found = found;
        Seeker = seeker;
        Posting = posting;
        Reach = reach;
        Taxonomy = taxonomy;
        Signals = signals;
        (MatchedEssential, Essential) = RankingFeatures.Overlap(seeker.Skills, posting.Essential);
        (MatchedOptional, Optional) = RankingFeatures.Overlap(seeker.Skills, posting.Optional);
    }

    public IndexedSeeker Seeker { get; }
    public IndexedPosting Posting { get; }
    public Reach Reach { get; }
    public SkillTaxonomy Taxonomy { get; }
    public RequestSignals Signals { get; }
    /// <summary>How retrieval found the pair (null when the caller ranks postings it chose itself: both features unknown).</summary>
    public Retrieval? Found { get; }
    public int MatchedEssential { get; }
    public int Essential { get; }
    public int MatchedOptional { get; }
    public int Optional { get; }
    public SeekerSnapshot S => Seeker.Snapshot;
    public PostingSnapshot P => Posting.Snapshot;
}

/// <summary>What one ranking request knows beside the pairs: when it is, employers' response rates, the seeker's behaviour signals and wanted titles.</summary>
public sealed record RequestSignals(DateTime Now, EmployerResponseRates ResponseRates, BehaviourSignals.SeekerBehaviour Behaviour, TitleMatcher WantedTitles);

/// <summary>One feature: a name the model is stored with, and how to compute it from a pair (NaN = unknown, which the trees treat as missing).</summary>
public delegate float FeatureValue(in RankingPair pair);

/// <summary>
/// What the ranker sees of a seeker and a posting: one row of <see cref="Count"/> floats, one per entry of
/// <see cref="Table"/>. Skills, occupation, place, pay, education, experience, freshness, the employer's
/// responsiveness, the posting's popularity and recency, the item-to-item score from outcomes and the title against
/// the occupations the seeker wants — never gender, age, ethnicity, health or any other protected attribute (matching
/// does not hold them). A model is stored with these names and only serves the feature set it was trained on.
/// A new signal is one line in <see cref="Table"/> (and, if it is per request, a field of <see cref="RequestSignals"/>):
/// the names, the row width, training, scoring and the model store all follow from the table.
/// </summary>
public static class RankingFeatures
{
    public static readonly IReadOnlyList<(string Name, FeatureValue Value)> Table =
    [
        ("essential_coverage", (in RankingPair x) => x.Essential == 0 ? float.NaN : (float)x.MatchedEssential / x.Essential),
        ("optional_coverage", (in RankingPair x) => x.Optional == 0 ? float.NaN : (float)x.MatchedOptional / x.Optional),
        ("matched_essential", (in RankingPair x) => x.MatchedEssential),
        ("missing_essential", (in RankingPair x) => x.Essential - x.MatchedEssential),
        ("occupation_similarity", (in RankingPair x) => OccupationSimilarity(x.Seeker.Occupations, x.Posting.Occupations, x.Taxonomy)),
        ("occupation_skill_fit", (in RankingPair x) => OccupationSkillFit(x.Seeker.Skills, x.Posting.Occupations, x.Taxonomy)),
        ("distance_km", (in RankingPair x) => x.Reach.DistanceKm is { } km ? (float)km : float.NaN),
        ("commute_ratio", (in RankingPair x) => x.Reach.DistanceKm is { } d ? (float)(d / Math.Max(x.Reach.CommuteKm, 1)) : float.NaN),
        ("closeness", (in RankingPair x) => (float)x.Reach.Closeness),
        ("salary_fit", (in RankingPair x) => SalaryFit(x.P.SalaryMin, x.P.SalaryMax, x.S.SalaryExpectation)),
        ("education_gap", (in RankingPair x) => x.Seeker.Education == EducationRank.Unknown || x.Posting.Education == EducationRank.Unknown
            ? float.NaN : (int)x.Seeker.Education - (int)x.Posting.Education),
        ("experience_gap", (in RankingPair x) => x.S.YearsOfExperience is { } years && x.P.ExperienceYears is { } required ? (float)(years - required) : float.NaN),
        ("posting_days_open", (in RankingPair x) => (float)Math.Max(0, (x.Signals.Now - x.P.PublishedAt).TotalDays)),
        ("employer_response_rate", (in RankingPair x) => x.Signals.ResponseRates.Of(x.P.EmployerId)),
        ("employment_type_match", (in RankingPair x) => EmploymentTypeMatch(x.S.EmploymentTypes, x.P.EmploymentType)),
        ("relocation", (in RankingPair x) => x.Reach.Basis == "relocation" ? 1 : 0),
        ("posting_popularity", (in RankingPair x) => MathF.Log(1 + x.Signals.Behaviour.RecentEvents(x.P.PostingId))),
        ("days_since_posting_activity", (in RankingPair x) => x.Signals.Behaviour.DaysSinceLastEvent(x.P.PostingId) is { } days ? (float)days : float.NaN),
        ("co_applied_score", (in RankingPair x) => x.Signals.Behaviour.HasHistory ? x.Signals.Behaviour.CoApplied(x.P.PostingId) : float.NaN),
        ("title_occupation_similarity", (in RankingPair x) => x.Signals.WantedTitles.Similarity(x.P.Title)),
        ("lexical_score", (in RankingPair x) => x.Found is { } found ? found.LexicalScore : float.NaN),
        ("found_by", (in RankingPair x) => x.Found is { } found ? (float)found.Path : float.NaN),
    ];

    public static readonly IReadOnlyList<string> Names = [.. Table.Select(feature => feature.Name)];

    public static int Count => Table.Count;

    /// <summary>Column positions the transparent fit and the explanations read.</summary>
    public static readonly int EssentialCoverage = IndexOf("essential_coverage"), OccupationSimilarityColumn = IndexOf("occupation_similarity"),
        OccupationSkillFitColumn = IndexOf("occupation_skill_fit"), Closeness = IndexOf("closeness"), LexicalScore = IndexOf("lexical_score"),
        FoundBy = IndexOf("found_by");

    public static int IndexOf(string name)
    {
        for (var i = 0; i < Table.Count; i++) if (Table[i].Name == name) return i;
        throw new ArgumentException($"No ranking feature is called {name}.", nameof(name));
    }

    /// <summary>The signals of one request for <paramref name="seeker"/> as of <paramref name="now"/>.</summary>
    public static RequestSignals SignalsFor(IndexedSeeker seeker, DateTime now, EmployerResponseRates rates, BehaviourSignals behaviour, SkillTaxonomy taxonomy) =>
        new(now, rates, behaviour.For(seeker.SeekerId, now), TitleMatcher.ForSeeker(seeker, taxonomy));

    public static void Write(in RankingPair pair, Span<float> row)
    {
        for (var i = 0; i < Table.Count; i++) row[i] = Table[i].Value(in pair);
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
        {
            foreach (var b in postingOccupations)
                best = Math.Max(best, taxonomy.OccupationSimilarity(a, b));
        }

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

    private static float EmploymentTypeMatch(string[] wanted, string? offered) =>
        wanted.Length == 0 || offered is null ? float.NaN : wanted.Any(type => EmploymentTypes.Same(type, offered)) ? 1 : 0;

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
