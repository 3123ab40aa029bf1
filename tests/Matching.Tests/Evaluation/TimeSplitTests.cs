using Matching.Api.Candidates;
using Matching.Evaluation;
using Matching.Taxonomy;

namespace Matching.Tests.Evaluation;

public sealed class TimeSplitTests
{
    private static readonly Lazy<EvaluationDataset> Dataset = new(() => SyntheticDataset.Generate(new ConceptVocabulary(SkillTaxonomy.Shared), 400, 1200, seed: 5));

    [Fact]
    public void Training_interactions_all_come_before_the_cutoff_and_test_ones_from_it_on()
    {
        var split = TimeSplit.Of(Dataset.Value, 0.8);

        Assert.NotEmpty(split.Train);
        Assert.NotEmpty(split.Test);
        Assert.All(split.Train, i => Assert.True(i.OccurredAt < split.Cutoff));
        Assert.All(split.Test, i => Assert.True(i.OccurredAt >= split.Cutoff));
        Assert.Equal(Dataset.Value.Interactions.Count, split.Train.Count + split.Test.Count);
        Assert.InRange(split.Train.Count / (double)Dataset.Value.Interactions.Count, 0.75, 0.85);
    }

    [Fact]
    public void A_test_query_is_asked_after_the_cutoff_and_its_truth_is_only_what_came_after()
    {
        var dataset = Dataset.Value;
        var split = TimeSplit.Of(dataset, 0.8);
        var postings = dataset.Postings.ToDictionary(p => p.Snapshot.PostingId, p => p.Snapshot);

        Assert.NotEmpty(split.Queries);
        foreach (var query in split.Queries)
        {
            var id = query.Seeker.Snapshot.SeekerId;
            Assert.True(query.At >= split.Cutoff);
            Assert.Equal(split.Test.Where(i => i.SeekerId == id).Min(i => i.OccurredAt), query.At);
            foreach (var (postingId, grade) in query.Relevant)
            {
                // Relevant only by what the seeker did after the cutoff, with a posting open when they were asked, new to them.
                Assert.Equal(grade, split.Test.Where(i => i.SeekerId == id && i.PostingId == postingId).Max(i => i.Grade));
                Assert.True(SyntheticDataset.OpenAt(postings[postingId], query.At));
                Assert.DoesNotContain(postingId, query.SeenBefore);
                Assert.DoesNotContain(split.Train, i => i.SeekerId == id && i.PostingId == postingId);
            }
            Assert.Equal(split.Train.Where(i => i.SeekerId == id).Select(i => i.PostingId).ToHashSet(), query.SeenBefore.ToHashSet());
        }
    }

    [Fact]
    public void The_replayed_index_holds_only_postings_published_and_not_closed_by_then()
    {
        var dataset = Dataset.Value;
        var vocabulary = new ConceptVocabulary(SkillTaxonomy.Shared);
        var replay = new IndexReplay(dataset.Postings, vocabulary);
        var at = SyntheticDataset.End.AddDays(-60);

        replay.AdvanceTo(at);

        var open = dataset.Postings.Count(p => p.Snapshot.PublishedAt <= at && (p.Snapshot.ClosedAt is null || p.Snapshot.ClosedAt > at));
        Assert.Equal(open, replay.Index.PostingCount); // expired ones stay in the index; the index's own IsOpenAt drops them
        foreach (var posting in dataset.Postings)
        {
            var inIndex = replay.Index.FindPosting(posting.Snapshot.PostingId) is not null;
            Assert.Equal(posting.Snapshot.PublishedAt <= at && (posting.Snapshot.ClosedAt is null || posting.Snapshot.ClosedAt > at), inIndex);
        }
        Assert.Throws<InvalidOperationException>(() => replay.AdvanceTo(at.AddDays(-1)));
    }
}
