using Matching.Api.Candidates;
using Matching.Api.Outcomes;
using Matching.Api.Ranking;
using Matching.Api.ReadModel;
using Matching.Evaluation;
using static Matching.Tests.Unit.Snapshots;

namespace Matching.Tests.Unit;

/// <summary>The lexical score and the path that found a candidate, as ranking features, and the one BM25 scorer.</summary>
public sealed class RetrievalFeatureTests
{
    private static readonly ConceptVocabulary Vocabulary = Pipeline.Vocabulary;
    private readonly CandidateIndex index = new();

    private static PostingSnapshot Titled(string title, string[]? skills = null) => new()
    {
        PostingId = Guid.NewGuid(), EmployerId = Guid.NewGuid(), Title = title, Skills = skills ?? [], RegionCode = "150102",
        Latitude = HohhotLat, Longitude = HohhotLon, PublishedAt = new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc),
    };

    private List<IndexedPosting> Put(params PostingSnapshot[] postings)
    {
        var indexed = postings.Select(p => IndexedPosting.From(p, Vocabulary)).ToList();
        index.Apply(indexed, [], []);
        return indexed;
    }

    private static float[] Row(IndexedSeeker seeker, IndexedPosting posting, Retrieval? found)
    {
        var row = new float[RankingFeatures.Count];
        var signals = RankingFeatures.SignalsFor(seeker, Pipeline.Now, new EmployerResponseRates(), new BehaviourSignals(), Vocabulary.Taxonomy);
        RankingFeatures.Write(new RankingPair(seeker, posting, Reach.Of(seeker, posting), Vocabulary.Taxonomy, signals, found), row);
        return row;
    }

    [Fact]
    public void Describing_a_pair_gives_what_retrieval_found_it_by()
    {
        var seeker = IndexedSeeker.From(Seeker(["Welding", "驼奶"]), Vocabulary);
        var postings = Put(Titled("Welder", ["Welding"]), Titled("驼奶 销售"), Titled("销售"), Titled("保险理赔员"));

        var found = index.Retrieve(seeker, Pipeline.Now, 100);

        Assert.Equal(2, found.Count);
        foreach (var candidate in found)
        {
            var described = index.Describe(seeker, candidate.Entry);
            Assert.Equal(candidate.Path, described.Path);
            Assert.Equal(candidate.LexicalScore, described.LexicalScore, 4);
        }
        // Shares neither a concept nor a word: only the popular-nearby fallback could show it.
        Assert.Equal(new Retrieval(0, CandidatePath.PopularNearby), index.Describe(seeker, postings[3]));
    }

    [Fact]
    public void The_lexical_score_and_the_path_are_features_and_unknown_without_retrieval()
    {
        var seeker = IndexedSeeker.From(Seeker(["驼奶"]), Vocabulary);
        var posting = Put(Titled("急招驼奶灌装"))[0];
        var found = Assert.Single(index.Retrieve(seeker, Pipeline.Now, 100));

        var row = Row(seeker, posting, found.Found);
        var unknown = Row(seeker, posting, null);

        Assert.True(row[RankingFeatures.LexicalScore] > 0);
        Assert.Equal((float)found.LexicalScore, row[RankingFeatures.LexicalScore]);
        Assert.Equal((float)CandidatePath.WordsInCommon, row[RankingFeatures.FoundBy]);
        Assert.True(float.IsNaN(unknown[RankingFeatures.LexicalScore]));
        Assert.True(float.IsNaN(unknown[RankingFeatures.FoundBy]));
    }

    [Fact]
    public void Training_rows_carry_the_retrieval_features_of_graded_and_unanswered_postings_alike()
    {
        var seeker = IndexedSeeker.From(Seeker(["驼奶"]), Vocabulary);
        var postings = Put(Titled("急招驼奶灌装"), Titled("保险理赔员"));
        var query = new RankingQuery(seeker, [(postings[0], 1f), (postings[1], 0f)], Pipeline.Now).DescribedBy(index);

        var set = TrainingSet.Build([query], Vocabulary, new EmployerResponseRates(), new BehaviourSignals());

        var columns = RankingFeatures.Count;
        Assert.Equal((float)CandidatePath.WordsInCommon, set.Features[RankingFeatures.FoundBy]);
        Assert.Equal((float)CandidatePath.PopularNearby, set.Features[columns + RankingFeatures.FoundBy]);
        Assert.Equal(0f, set.Features[columns + RankingFeatures.LexicalScore]);
    }

    [Fact]
    public void The_bm25_baseline_scores_with_the_index_scorer()
    {
        // A seeker who would relocate reaches every posting, so the index scores the whole catalogue, as the baseline does.
        var seeker = IndexedSeeker.From(Seeker(["Welding", "驼奶"], willingToRelocate: true), Vocabulary);
        var postings = Put(Titled("Welder", ["Welding"]), Titled("驼奶 销售"), Titled("销售代表"), Titled("焊工 Welding 驼奶"));
        var baseline = new Bm25Baseline(postings.ConvertAll(p => p.Terms));

        var scores = baseline.Scores(seeker.Terms);
        var found = index.Retrieve(seeker, Pipeline.Now, 100).ToDictionary(c => c.Entry.PostingId, c => c.LexicalScore);

        for (var p = 0; p < postings.Count; p++)
            Assert.Equal(found.GetValueOrDefault(postings[p].PostingId), scores[p], 4);
        Assert.True(scores[3] > scores[1]);
    }
}
