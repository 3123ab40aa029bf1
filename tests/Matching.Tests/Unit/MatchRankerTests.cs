using Matching.Api.Candidates;
using Matching.Api.Matches;
using Matching.Api.Ranking;
using static Matching.Tests.Unit.Snapshots;

namespace Matching.Tests.Unit;

/// <summary>The pipeline with no model loaded: the transparent fit orders results, and every explanation says why.</summary>
public sealed class MatchRankerTests
{
    private readonly Pipeline pipeline = new();

    [Fact]
    public void The_skill_score_is_the_share_of_the_postings_essential_skills_the_seeker_has()
    {
        var match = pipeline.Single(Seeker(["welding", "FORKLIFT", "Cooking"]), Posting(["Welding", "Forklift", "Driving"]))!;

        Assert.Equal(["Welding", "Forklift"], match.Explanation.MatchedSkills);
        Assert.Equal(["Driving"], match.Explanation.MissingSkills);
        Assert.Equal(0.6667, match.Explanation.SkillScore);
        Assert.Equal(MatchRanker.TransparentVersion, match.Explanation.ModelVersion);
        Assert.Contains(match.Explanation.Reasons, reason => reason.Contains("Driving", StringComparison.Ordinal));
    }

    [Fact]
    public void A_seeker_with_every_skill_next_door_scores_one()
    {
        var match = pipeline.Single(Seeker(["Welding"]), Posting(["Welding"]))!;

        Assert.Equal(1.0, match.Score);
        Assert.Empty(match.Explanation.MissingSkills);
        Assert.Equal(0, match.Explanation.DistanceKm);
        Assert.Equal("within-commute", match.Explanation.LocationBasis);
    }

    [Fact]
    public void A_posting_sharing_no_skill_or_occupation_is_no_candidate()
    {
        Assert.Null(pipeline.Single(Seeker(["Cooking"]), Posting(["Welding", "Driving"], title: "ZZ-1")));
        Assert.Null(pipeline.Single(Seeker([]), Posting(["Welding"], title: "ZZ-2")));
        Assert.Null(pipeline.Single(Seeker(["Welding"]), Posting([], title: "ZZ-3")));
    }

    [Fact]
    public void Skills_match_whatever_their_width_case_or_spacing()
    {
        var match = pipeline.Single(Seeker(["ｆｏｒｋｌｉｆｔ  ｄｒｉｖｉｎｇ"]), Posting([" Forklift Driving "]));

        Assert.NotNull(match);
        Assert.Equal(["Forklift Driving"], match.Explanation.MatchedSkills);
    }

    [Fact]
    public void Abbreviations_and_chinese_name_the_same_skill_as_english()
    {
        Assert.NotNull(pipeline.Single(Seeker(["JS"]), Posting(["JavaScript"], title: "ZZ-4")));
        var skill = Pipeline.Vocabulary.Taxonomy.Find("JavaScript")!;
        Assert.NotNull(skill.LabelZh);
        Assert.NotNull(pipeline.Single(Seeker([skill.LabelZh!]), Posting(["javascript"], title: "ZZ-5")));
    }

    [Fact]
    public void A_seeker_looking_for_an_occupation_finds_its_postings_written_in_chinese_without_a_shared_skill()
    {
        var seeker = Seeker(["Mongolian"], desiredOccupations: ["forklift operator"]);
        var posting = Posting(["安全生产"], title: "叉车司机");

        var match = pipeline.Single(seeker, posting);

        Assert.NotNull(match);
        Assert.Equal(1.0, match.Explanation.OccupationSimilarity);
    }

    [Fact]
    public void The_explanation_names_each_skill_as_the_employer_typed_it_even_when_two_spellings_are_one_skill()
    {
        // JobPostings removes duplicates ignoring case only, so "Ｗｅｌｄｉｎｇ" and "Welding" both reach matching, as one skill.
        var match = pipeline.Single(Seeker(["driving"]), Posting(["Ｗｅｌｄｉｎｇ", "Welding", "Driving"], title: "ZZ-6"))!;

        Assert.Equal(["Driving"], match.Explanation.MatchedSkills);
        Assert.Equal(["Ｗｅｌｄｉｎｇ"], match.Explanation.MissingSkills);
        Assert.Equal(0.5, match.Explanation.SkillScore);
    }

    [Fact]
    public void A_posting_beyond_the_commute_limit_is_no_candidate()
    {
        Assert.Null(pipeline.Single(Seeker(["Welding"], maxCommuteKm: 100), Posting(["Welding"], "150203", BaotouLat, BaotouLon)));
    }

    [Fact]
    public void Without_a_commute_limit_the_default_of_50_km_applies()
    {
        var near = Posting(["Welding"], latitude: HohhotLat + 0.3, longitude: HohhotLon, title: "near"); // about 33 km north
        var far = Posting(["Welding"], latitude: HohhotLat + 0.6, longitude: HohhotLon, title: "far"); // about 67 km north

        Assert.Equal(["near"], pipeline.Recommend(Seeker(["Welding"]), [near, far]).Select(match => match.Posting.Snapshot.Title));
    }

    [Fact]
    public void A_seeker_willing_to_relocate_is_matched_beyond_the_commute_limit_with_no_location_score()
    {
        var match = pipeline.Single(Seeker(["Welding"], maxCommuteKm: 100, willingToRelocate: true), Posting(["Welding"], "150203", BaotouLat, BaotouLon))!;

        Assert.Equal("relocation", match.Explanation.LocationBasis);
        Assert.Equal(0, match.Explanation.LocationScore);
        Assert.InRange(match.Explanation.DistanceKm!.Value, 150, 175);
        Assert.Equal(Math.Round(MatchRanker.SkillWeight / (MatchRanker.SkillWeight + MatchRanker.LocationWeight), 4), match.Score);
    }

    [Fact]
    public void Within_the_commute_limit_nearer_scores_higher()
    {
        var ranked = pipeline.Recommend(Seeker(["Welding"], maxCommuteKm: 200),
            [Posting(["Welding"], "150203", BaotouLat, BaotouLon, title: "Baotou"), Posting(["Welding"], title: "next door")]);

        Assert.Equal(["next door", "Baotou"], ranked.Select(match => match.Posting.Snapshot.Title));
        Assert.True(ranked[1].Explanation.LocationScore is > 0 and < 1);
    }

    [Theory]
    [InlineData("150102", 0.8, "same-county")]
    [InlineData("150105", 0.5, "same-city")]
    [InlineData("150203", 0.1, "other-city")]
    public void Without_coordinates_the_division_codes_decide_the_location_score(string postingRegion, double locationScore, string basis)
    {
        var match = pipeline.Single(Seeker(["Welding"], "150102", latitude: null, longitude: null), Posting(["Welding"], postingRegion, BaotouLat, BaotouLon))!;

        Assert.Equal(basis, match.Explanation.LocationBasis);
        Assert.Equal(locationScore, match.Explanation.LocationScore);
        Assert.Null(match.Explanation.DistanceKm);
        // Ranked without retrieval (the caller's postings): the word part is left out, skills and place weigh the whole.
        Assert.Equal(Math.Round((MatchRanker.SkillWeight + MatchRanker.LocationWeight * locationScore) / (MatchRanker.SkillWeight + MatchRanker.LocationWeight), 4), match.Score);
    }

    [Fact]
    public void Ranking_puts_the_best_first_and_breaks_ties_by_the_newer_posting_within_the_limit()
    {
        var day = new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc);
        var ranked = pipeline.Recommend(Seeker(["Welding", "Forklift"]),
        [
            Posting(["Welding", "Driving"], title: "half", publishedAt: day.AddDays(3)),
            Posting(["Welding", "Forklift"], title: "all, older", publishedAt: day),
            Posting(["Welding", "Forklift"], title: "all, newer", publishedAt: day.AddDays(1)),
        ], limit: 2);

        Assert.Equal(["all, newer", "all, older"], ranked.Select(match => match.Posting.Snapshot.Title));
    }

    [Fact]
    public void No_protected_attribute_is_a_ranking_feature()
    {
        string[] protectedWords = ["gender", "sex", "age", "birth", "ethnic", "ethnicity", "nation", "health", "disability", "marital", "hukou", "religion", "veteran"];
        Assert.DoesNotContain(RankingFeatures.Names, name => name.Split('_').Any(part => protectedWords.Contains(part)));
    }
}
