using Matching.Evaluation;

namespace Matching.Tests.Evaluation;

public sealed class MetricSanityTests
{
    private static readonly Guid[] Ids = Enumerable.Range(1, 60).Select(i => new Guid(i, 0, 0, new byte[8])).ToArray();

    [Fact]
    public void A_perfect_ranking_scores_one_on_every_metric()
    {
        var relevant = new Dictionary<Guid, int> { [Ids[0]] = 4, [Ids[1]] = 2, [Ids[2]] = 1 };

        var (ndcg, ap, recall10, recall50, rr) = OfflineEvaluation.Metrics(Ids[..50], relevant);

        Assert.Equal(1, ndcg, 10);
        Assert.Equal(1, ap, 10);
        Assert.Equal(1, recall10);
        Assert.Equal(1, recall50);
        Assert.Equal(1, rr);
    }

    [Fact]
    public void The_same_postings_in_reverse_score_less()
    {
        var relevant = new Dictionary<Guid, int> { [Ids[0]] = 4, [Ids[1]] = 2, [Ids[2]] = 1 };
        var reversed = Ids[..3].Reverse().ToArray();

        var (ndcg, ap, recall10, _, rr) = OfflineEvaluation.Metrics(reversed, relevant);

        Assert.InRange(ndcg, 0.01, 0.99);
        Assert.Equal(1, ap, 10); // every item relevant: order of grades does not matter to AP
        Assert.Equal(1, recall10);
        Assert.Equal(1, rr);
        var (worse, worseAp, _, _, worseRr) = OfflineEvaluation.Metrics(Ids[3..53], relevant);
        Assert.Equal(0, worse);
        Assert.Equal(0, worseAp);
        Assert.Equal(0, worseRr);
    }

    [Fact]
    public void Relevant_postings_found_only_past_ten_count_for_recall_at_fifty_not_ten()
    {
        var relevant = new Dictionary<Guid, int> { [Ids[20]] = 1, [Ids[45]] = 3 };

        var (ndcg, ap, recall10, recall50, rr) = OfflineEvaluation.Metrics(Ids[..50], relevant);

        Assert.Equal(0, ndcg);
        Assert.Equal(0, ap);
        Assert.Equal(0, recall10);
        Assert.Equal(1, recall50);
        Assert.Equal(1.0 / 21, rr, 10);
    }

    [Fact]
    public void Coverage_counts_distinct_postings_in_the_top_ten_and_its_interval_holds_the_estimate()
    {
        var lists = Enumerable.Range(0, 40).Select(q => Ids.Skip(q % 5 * 10).Take(12).ToList()).ToList();

        var coverage = OfflineEvaluation.Coverage(lists, catalogue: 100, resamples: 500);

        Assert.Equal(0.5, coverage.Mean, 10); // five distinct top-10 blocks of 10 out of 100
        Assert.InRange(coverage.Mean, coverage.Lower, coverage.Upper);
    }
}
