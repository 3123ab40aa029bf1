using Matching.Api.Candidates;
using Matching.Api.Matches;
using Matching.Api.Ranking;
using Matching.Api.ReadModel;
using static Matching.Tests.Unit.Snapshots;

namespace Matching.Tests.Unit;

public sealed class LexicalRetrievalTests
{
    private static readonly ConceptVocabulary Vocabulary = Pipeline.Vocabulary;
    private readonly CandidateIndex index = new();

    private void Put(params PostingSnapshot[] postings) => index.Apply(postings.Select(p => IndexedPosting.From(p, Vocabulary)), [], []);

    private static PostingSnapshot Titled(string title, string[]? skills = null, string? description = null) => new()
    {
        PostingId = Guid.NewGuid(), EmployerId = Guid.NewGuid(), Title = title, Skills = skills ?? [], RegionCode = "150102",
        Latitude = HohhotLat, Longitude = HohhotLon, PublishedAt = new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc), Description = description,
    };

    [Fact]
    public void A_seeker_whose_skills_no_concept_names_finds_postings_by_their_words()
    {
        // Neither side resolves to an ESCO concept; the words meet: 驼奶 in the seeker's skill and in the ad's title.
        var seeker = IndexedSeeker.From(Seeker(["驼奶加工经验"]), Vocabulary);
        Assert.DoesNotContain(seeker.Skills, Vocabulary.IsConcept);
        Put(Titled("急招驼奶灌装（包吃住）"), Titled("保险理赔员"));

        var found = index.Retrieve(seeker, Pipeline.Now, 100);

        var only = Assert.Single(found);
        Assert.Equal("急招驼奶灌装（包吃住）", only.Entry.Snapshot.Title);
        Assert.Equal(CandidatePath.WordsInCommon, only.Path);
        Assert.True(only.LexicalScore > 0);
    }

    [Fact]
    public void Rarer_shared_words_score_higher_and_concept_candidates_carry_their_lexical_score()
    {
        var seeker = IndexedSeeker.From(Seeker(["Welding", "驼奶"]), Vocabulary);
        Put(Titled("Welder", ["Welding"]), Titled("驼奶 销售"), Titled("销售"), Titled("销售代表"));

        var found = index.Retrieve(seeker, Pipeline.Now, 100);

        var welder = Assert.Single(found, c => c.Entry.Snapshot.Title == "Welder");
        Assert.Equal(CandidatePath.SharedConcept, welder.Path);
        Assert.True(welder.LexicalScore > 0); // "weld" is shared as a word too
        Assert.Contains(found, c => c.Entry.Snapshot.Title == "驼奶 销售" && c.Path == CandidatePath.WordsInCommon);
        Assert.DoesNotContain(found, c => c.Entry.Snapshot.Title == "销售");
    }

    [Fact]
    public void A_query_from_anywhere_over_long_word_lists_reads_the_rarest_words_first_and_scores_every_candidate_in_full()
    {
        // More word-list entries than one query reads (8 common words × 16,000 ads), and one ad with a word no other has;
        // the seeker would move anywhere, so every cell's lists are in reach.
        const string common = "warehouse packing shipping loading cleaning sorting inventory pallets";
        Put([.. Enumerable.Range(0, 16_000).Select(_ => Titled("Helper", description: common)), Titled("Helper", description: "zorbleweave looms")]);
        Assert.True(8 * 16_000 > CandidateIndex.WordReadBudget);
        var seeker = IndexedSeeker.From(Seeker([common, "zorbleweave"], willingToRelocate: true), Vocabulary);

        var found = index.Retrieve(seeker, Pipeline.Now, 100);

        Assert.Equal(100 / CandidateIndex.LexicalShare, found.Count);
        Assert.Equal("zorbleweave looms", found[0].Entry.Snapshot.Description);
        Assert.All(found, candidate => Assert.Equal(index.Describe(seeker, candidate.Entry).LexicalScore, (float)candidate.LexicalScore));
    }

    [Fact]
    public void Words_in_common_are_a_part_of_the_transparent_fit_and_of_its_explanation()
    {
        // Same skill, same place: only the words differ. 驼奶 is in the seeker's profile and in one title.
        var pipeline = new Pipeline();
        var seeker = IndexedSeeker.From(Seeker(["Welding", "驼奶"]), Vocabulary);
        Put(Titled("驼奶厂 Welder", ["Welding"]), Titled("Fitter", ["Welding"]));

        var ranked = pipeline.Ranker.Rank(seeker, index.Retrieve(seeker, Pipeline.Now, 100), Pipeline.Now, 10);

        Assert.Equal(["驼奶厂 Welder", "Fitter"], ranked.Select(match => match.Posting.Snapshot.Title));
        var (words, plain) = (ranked[0].Explanation, ranked[1].Explanation);
        Assert.Equal(MatchRanker.WordShare((float)words.LexicalScore), words.WordScore, 3);
        Assert.True(words.WordScore > plain.WordScore);
        Assert.Equal(Math.Round(MatchRanker.SkillWeight * words.SkillScore + MatchRanker.WordWeight * words.WordScore
            + MatchRanker.LocationWeight * words.LocationScore, 4), ranked[0].Score, 3);
    }

    [Fact]
    public void Noisy_title_words_are_no_match()
    {
        // "Needed", hype and the company are cleaned off the title: a seeker who typed "needed" shares nothing with it.
        var seeker = IndexedSeeker.From(Seeker(["needed urgently"]), Vocabulary);
        Put(Titled("Forklift Drivers Needed!!! (Seasonal)"));

        Assert.Empty(index.Retrieve(seeker, Pipeline.Now, 100));
    }

    [Fact]
    public void Description_words_count_and_a_negated_skill_does_not()
    {
        var seeker = IndexedSeeker.From(Seeker(["驼奶"]), Vocabulary);
        Put(Titled("灌装工", description: "负责驼奶灌装，需要细心"), Titled("普工", description: "不会驼奶也可以"));

        var titles = index.Retrieve(seeker, Pipeline.Now, 100).Select(c => c.Entry.Snapshot.Title).ToList();

        Assert.Equal(["灌装工"], titles);
    }

    [Fact]
    public void The_lexical_lists_follow_the_change_feed()
    {
        var seeker = IndexedSeeker.From(Seeker(["驼奶"]), Vocabulary);
        var posting = Titled("驼奶灌装");
        Put(posting);
        Assert.Single(index.Retrieve(seeker, Pipeline.Now, 100));

        Put(new PostingSnapshot
        {
            PostingId = posting.PostingId, EmployerId = posting.EmployerId, Title = "保险理赔员", RegionCode = posting.RegionCode,
            Latitude = posting.Latitude, Longitude = posting.Longitude, PublishedAt = posting.PublishedAt.AddDays(1),
        });

        Assert.Empty(index.Retrieve(seeker, Pipeline.Now, 100));
    }

    [Fact]
    public void Seekers_are_found_for_a_posting_by_words_too()
    {
        var seeker = IndexedSeeker.From(Seeker(["驼奶加工"]), Vocabulary);
        index.Apply([], [seeker], []);

        var found = index.Retrieve(IndexedPosting.From(Titled("驼奶灌装"), Vocabulary), 10);

        Assert.Equal(CandidatePath.WordsInCommon, Assert.Single(found).Path);
    }

    [Fact]
    public void A_profile_without_text_has_none_and_postings_near_it_are_listed()
    {
        var empty = IndexedSeeker.From(Seeker([]), Vocabulary);
        Assert.False(empty.HasProfileText);
        Put(Titled("保险理赔员"), Posting(["Welding"], latitude: 49.2, longitude: 119.7, title: "far away"));

        Assert.Empty(index.Retrieve(empty, Pipeline.Now, 100));
        Assert.Equal(["保险理赔员"], index.PostingsNear(empty, Pipeline.Now, _ => true).Select(p => p.Snapshot.Title));
    }

    [Fact]
    public void A_seeker_who_wrote_nothing_is_matched_by_the_titles_of_postings_they_acted_on_and_told_so()
    {
        // No profile text; they viewed a forklift ad last week. Another forklift ad and a nurse's are open now.
        var viewed = Titled("急招叉车司机（包吃住）");
        var similar = Titled("叉车司机 五险一金");
        var other = Titled("护士");
        Put(viewed, similar, other);
        var seeker = IndexedSeeker.From(Seeker([]), Vocabulary);
        var behaviour = new Matching.Api.Outcomes.BehaviourSignals();
        behaviour.Replace([new(seeker.SeekerId, viewed.PostingId, Pipeline.Now.AddDays(-7), 1)]);
        var ranker = new MatchRanker(Vocabulary, new Matching.Ranking.RankerSlot(), new Matching.Api.Policy.KeyGroupPolicy([]),
            new Matching.Api.Outcomes.EmployerResponseRates(), behaviour);

        var list = SeekerRecommendations.For(index, ranker, new PostingPopularity(), seeker, Pipeline.Now, 3, "en");

        var first = Assert.Single(list, match => match.Posting.PostingId == similar.PostingId);
        Assert.Equal(CandidatePaths.LikePastPostings, first.Explanation.FoundBy);
        Assert.StartsWith("Like jobs you applied to or looked at", first.Explanation.Reasons[0], StringComparison.Ordinal);
        Assert.True(first.Explanation.LexicalScore > 0);
        // The nurse's ad shares no word with what they looked at: only the labelled fallback can show it.
        Assert.All(list.Where(match => match.Posting.PostingId == other.PostingId),
            match => Assert.Equal(CandidatePaths.PopularNearby, match.Explanation.FoundBy));
    }

    [Fact]
    public void Past_postings_lend_their_title_words_below_the_seekers_own_and_only_what_came_before_counts()
    {
        var welder = Titled("电焊工");
        var driver = Titled("货车司机");
        Put(welder, driver);
        var seeker = IndexedSeeker.From(Seeker(["驼奶"]), Vocabulary);
        var behaviour = new Matching.Api.Outcomes.BehaviourSignals();
        behaviour.Replace([new(seeker.SeekerId, welder.PostingId, Pipeline.Now.AddDays(-3), 1), new(seeker.SeekerId, driver.PostingId, Pipeline.Now.AddDays(1), 1)]);

        Assert.Equal([welder.PostingId], behaviour.HistoryOf(seeker.SeekerId, Pipeline.Now));
        var query = seeker.WithPastPostings([index.FindPosting(welder.PostingId)!], Vocabulary);

        Assert.Equal(1, query.PastPostings);
        Assert.Equal(seeker.Terms.Terms, query.OwnTerms.Terms);
        Assert.True(query.Terms.Terms.Length > seeker.Terms.Terms.Length);
        var own = query.Terms.Frequencies.Max();
        Assert.Equal(LexicalTerms.SkillWeight, own); // 驼奶, a skill of their own, outweighs any word of the ad they looked at
        Assert.True(query.HasProfileText == seeker.HasProfileText);
        Assert.Same(seeker, seeker.WithPastPostings([], Vocabulary));
    }

    [Fact]
    public void Postings_near_where_a_seeker_acted_on_one_come_into_reach_after_the_near_ones_and_say_why()
    {
        // Commute 30 km from Hohhot; they applied in Baotou (~160 km). Baotou comes into reach for their own list; the
        // banner between the two cities (~60 km from Baotou, ~100 from Hohhot) and the far north (Hailar) do not; the
        // fallback ("near you") stays within the commute.
        PostingSnapshot At(string title, double lat, double lon) => new()
        {
            PostingId = Guid.NewGuid(), EmployerId = Guid.NewGuid(), Title = title, RegionCode = "150202", Latitude = lat, Longitude = lon,
            PublishedAt = new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc),
        };
        var applied = At("驼奶灌装工", 40.6570, 109.8400);
        var baotou = At("驼奶灌装 包头", 40.6600, 109.8500);
        var hailar = At("驼奶灌装 海拉尔", 49.2100, 119.7600);
        var between = At("驼奶灌装 土默特右旗", 40.5700, 110.5200);
        var near = Titled("驼奶灌装 呼和浩特");
        Put(applied, baotou, hailar, between, near);
        var seeker = IndexedSeeker.From(Seeker(["驼奶"], maxCommuteKm: 30), Vocabulary);
        var query = seeker.WithPastPostings([index.FindPosting(applied.PostingId)!], Vocabulary);

        var (placeLat, placeLon) = Assert.Single(query.ShownPlaces);
        Assert.Equal(40.65, placeLat, 2);
        Assert.Equal(109.85, placeLon, 2);
        var found = index.Retrieve(query, Pipeline.Now, 100).Select(c => c.Entry.PostingId).ToList();
        Assert.Contains(baotou.PostingId, found);
        Assert.Contains(near.PostingId, found);
        Assert.DoesNotContain(hailar.PostingId, found);
        Assert.DoesNotContain(between.PostingId, found);
        Assert.DoesNotContain(baotou.PostingId, index.Retrieve(seeker, Pipeline.Now, 100).Select(c => c.Entry.PostingId));
        Assert.DoesNotContain(index.PostingsNear(query, Pipeline.Now, _ => true), p => p.PostingId == baotou.PostingId);

        var ranked = new Pipeline().Ranker.Rank(query, index.Retrieve(query, Pipeline.Now, 100), Pipeline.Now, 10, "en");
        Assert.True(ranked.FindIndex(m => m.Posting.PostingId == near.PostingId) < ranked.FindIndex(m => m.Posting.PostingId == baotou.PostingId));
        var far = Assert.Single(ranked, m => m.Posting.PostingId == baotou.PostingId).Explanation;
        Assert.Equal(Reach.ShownReach, far.LocationBasis);
        Assert.Contains(far.Reasons, reason => reason.Contains("beyond your 30 km commute: near where you have looked at jobs before", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(CandidatePath.PopularNearby, true, "en", "Popular near you now")]
    [InlineData(CandidatePath.PopularNearby, true, "zh", "您附近近期热门的岗位")]
    [InlineData(CandidatePath.PopularNearby, false, "en", "Recently posted near you")]
    [InlineData(CandidatePath.PopularNearby, false, "zh", "您附近新发布的岗位")]
    [InlineData(CandidatePath.WordsInCommon, false, "en", "words your profile and the posting share")]
    [InlineData(CandidatePath.WordsInCommon, false, "zh", "相同的关键词")]
    [InlineData(CandidatePath.SharedConcept, false, "en", "skill or occupation")]
    [InlineData(CandidatePath.SharedConcept, false, "zh", "技能或求职意向")]
    public void Each_path_is_labelled_in_both_languages(CandidatePath path, bool popular, string language, string label) =>
        Assert.Contains(label, CandidatePaths.Reason(path, popular, language), StringComparison.Ordinal);
}
