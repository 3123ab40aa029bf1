using Matching.Api.Matches;
using static Matching.Tests.Unit.Snapshots;

namespace Matching.Tests.Unit;

public sealed class MatchScorerTests
{
    [Fact]
    public void The_skill_score_is_the_share_of_the_postings_skills_the_seeker_has()
    {
        var seeker = Seeker(["welding", "FORKLIFT", "Cooking"]);
        var posting = Posting(["Welding", "Forklift", "Driving"]);

        var match = MatchScorer.Score(seeker, posting)!;

        Assert.Equal(["Welding", "Forklift"], match.Explanation.MatchedSkills);
        Assert.Equal(["Driving"], match.Explanation.MissingSkills);
        Assert.Equal(0.6667, match.Explanation.SkillScore);
    }

    [Fact]
    public void A_seeker_with_every_skill_next_door_scores_one()
    {
        var match = MatchScorer.Score(Seeker(["Welding"]), Posting(["Welding"]))!;

        Assert.Equal(1.0, match.Score);
        Assert.Empty(match.Explanation.MissingSkills);
        Assert.Equal(0, match.Explanation.DistanceKm);
        Assert.Equal("within-commute", match.Explanation.LocationBasis);
    }

    [Fact]
    public void No_shared_skill_is_no_match()
    {
        Assert.Null(MatchScorer.Score(Seeker(["Cooking"]), Posting(["Welding", "Driving"])));
        Assert.Null(MatchScorer.Score(Seeker([]), Posting(["Welding"])));
        Assert.Null(MatchScorer.Score(Seeker(["Welding"]), Posting([])));
    }

    [Fact]
    public void Skills_match_whatever_their_width_case_or_spacing()
    {
        var match = MatchScorer.Score(Seeker(["ｆｏｒｋｌｉｆｔ  ｄｒｉｖｉｎｇ"]), Posting([" Forklift Driving "]));

        Assert.NotNull(match);
        Assert.Equal([" Forklift Driving "], match.Explanation.MatchedSkills);
    }

    [Fact]
    public void The_explanation_names_each_skill_as_the_employer_typed_it_even_when_two_spellings_share_a_key()
    {
        // JobPostings removes duplicates ignoring case only, so "Ｗｅｌｄｉｎｇ" and "Welding" both reach matching, as one key.
        var posting = Posting(["Ｗｅｌｄｉｎｇ", "Welding", "Driving"]);

        var match = MatchScorer.Score(Seeker(["driving"]), posting)!;

        Assert.Equal(["Driving"], match.Explanation.MatchedSkills);
        Assert.Single(match.Explanation.MissingSkills);
        Assert.Contains(match.Explanation.MissingSkills.Single(), new[] { "Ｗｅｌｄｉｎｇ", "Welding" });
        Assert.Equal(0.5, match.Explanation.SkillScore);
    }

    [Fact]
    public void A_posting_beyond_the_commute_limit_is_no_match()
    {
        var seeker = Seeker(["Welding"], maxCommuteKm: 100);
        var inBaotou = Posting(["Welding"], "150203", BaotouLat, BaotouLon);

        Assert.Null(MatchScorer.Score(seeker, inBaotou));
    }

    [Fact]
    public void Without_a_commute_limit_the_default_of_50_km_applies()
    {
        var seeker = Seeker(["Welding"]);
        var near = Posting(["Welding"], latitude: HohhotLat + 0.3, longitude: HohhotLon); // about 33 km north
        var far = Posting(["Welding"], latitude: HohhotLat + 0.6, longitude: HohhotLon); // about 67 km north

        Assert.NotNull(MatchScorer.Score(seeker, near));
        Assert.Null(MatchScorer.Score(seeker, far));
    }

    [Fact]
    public void A_seeker_willing_to_relocate_matches_beyond_the_commute_limit_with_no_location_score()
    {
        var seeker = Seeker(["Welding"], maxCommuteKm: 100, willingToRelocate: true);
        var inBaotou = Posting(["Welding"], "150203", BaotouLat, BaotouLon);

        var match = MatchScorer.Score(seeker, inBaotou)!;

        Assert.Equal("relocation", match.Explanation.LocationBasis);
        Assert.Equal(0, match.Explanation.LocationScore);
        Assert.InRange(match.Explanation.DistanceKm!.Value, 150, 175);
        Assert.Equal(MatchScorer.SkillWeight, match.Score);
    }

    [Fact]
    public void Within_the_commute_limit_nearer_scores_higher()
    {
        var seeker = Seeker(["Welding"], maxCommuteKm: 200);

        var next = MatchScorer.Score(seeker, Posting(["Welding"]))!;
        var baotou = MatchScorer.Score(seeker, Posting(["Welding"], "150203", BaotouLat, BaotouLon))!;

        Assert.Equal("within-commute", baotou.Explanation.LocationBasis);
        Assert.True(baotou.Explanation.LocationScore is > 0 and < 1);
        Assert.True(next.Score > baotou.Score);
    }

    [Theory]
    [InlineData("150102", 0.8, "same-county")]
    [InlineData("150105", 0.5, "same-city")]
    [InlineData("150203", 0.1, "other-city")]
    public void Without_coordinates_the_division_codes_decide_the_location_score(string postingRegion, double locationScore, string basis)
    {
        var seeker = Seeker(["Welding"], "150102", latitude: null, longitude: null);
        var posting = Posting(["Welding"], postingRegion, BaotouLat, BaotouLon);

        var match = MatchScorer.Score(seeker, posting)!;

        Assert.Equal(basis, match.Explanation.LocationBasis);
        Assert.Equal(locationScore, match.Explanation.LocationScore);
        Assert.Null(match.Explanation.DistanceKm);
        Assert.Equal(Math.Round(MatchScorer.SkillWeight + MatchScorer.LocationWeight * locationScore, 4), match.Score);
    }

    [Fact]
    public void Without_coordinates_on_the_posting_a_seeker_willing_to_relocate_scores_higher_for_another_city()
    {
        var posting = Posting(["Welding"], "150203", latitude: null, longitude: null);

        var staying = MatchScorer.Score(Seeker(["Welding"]), posting)!;
        var moving = MatchScorer.Score(Seeker(["Welding"], willingToRelocate: true), posting)!;

        Assert.Equal(0.1, staying.Explanation.LocationScore);
        Assert.Equal(0.2, moving.Explanation.LocationScore);
    }

    [Fact]
    public void Ranking_puts_the_best_score_first_and_drops_non_matches()
    {
        var seeker = Seeker(["Welding", "Forklift"], maxCommuteKm: 200);
        var all = Posting(["Welding", "Forklift"], title: "all skills, here");
        var half = Posting(["Welding", "Driving"], title: "half the skills, here");
        var farAll = Posting(["Welding", "Forklift"], "150203", BaotouLat, BaotouLon, title: "all skills, Baotou");
        var none = Posting(["Cooking"], title: "no skill");

        var ranked = MatchScorer.Rank(seeker, [none, half, farAll, all], 10);

        Assert.Equal(["all skills, here", "all skills, Baotou", "half the skills, here"], ranked.Select(match => match.Posting.Title));
        Assert.True(ranked[0].Score > ranked[1].Score && ranked[1].Score > ranked[2].Score);
    }

    [Fact]
    public void Ranking_breaks_ties_by_the_newer_posting_and_keeps_to_the_limit()
    {
        var seeker = Seeker(["Welding"]);
        var day = new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc);
        var older = Posting(["Welding"], title: "older", publishedAt: day);
        var newest = Posting(["Welding"], title: "newest", publishedAt: day.AddDays(2));
        var newer = Posting(["Welding"], title: "newer", publishedAt: day.AddDays(1));

        Assert.Equal(["newest", "newer", "older"], MatchScorer.Rank(seeker, [older, newest, newer], 10).Select(match => match.Posting.Title));
        Assert.Equal(["newest", "newer"], MatchScorer.Rank(seeker, [older, newest, newer], 2).Select(match => match.Posting.Title));
    }
}
