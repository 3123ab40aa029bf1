using Matching.Ranking;

namespace Matching.Ranking.Tests;

public sealed class RankingMetricsTests
{
    private static readonly double[] Ranked = [3, 2, 3, 0, 1, 2];

    [Fact]
    public void Ndcg_with_graded_relevance_matches_the_hand_computation()
    {
        // DCG@6 = 7/1 + 3/log2 3 + 7/2 + 0 + 1/log2 6 + 3/log2 7 = 13.848264
        // IDCG@6 (3,3,2,2,1,0) = 7 + 7/log2 3 + 3/2 + 3/log2 5 + 1/log2 6 = 14.595391
        Assert.Equal(0.9488107486, RankingMetrics.NdcgAt(Ranked, Ranked, 6), 9);
        // @2: (7 + 3/log2 3) / (7 + 7/log2 3)
        Assert.Equal(0.7789412530, RankingMetrics.NdcgAt(Ranked, Ranked, 2), 9);
    }

    [Fact]
    public void Ndcg_counts_relevant_items_the_ranking_missed_in_the_ideal_order()
    {
        // Ranked 0,2,1; the query also has a grade-3 item that was not ranked: (3/log2 3 + 1/2) / (7 + 3/log2 3 + 1/2).
        Assert.Equal(0.2547474658, RankingMetrics.NdcgAt([0, 2, 1], [3, 2, 1, 0], 3), 9);
    }

    [Fact]
    public void Ndcg_of_a_perfect_order_is_one_and_of_a_query_with_nothing_relevant_is_one()
    {
        Assert.Equal(1, RankingMetrics.NdcgAt([3, 2, 1, 0], [0, 1, 2, 3], 10), 12);
        Assert.Equal(1, RankingMetrics.NdcgAt([0, 0], [0, 0], 10));
    }

    [Fact]
    public void Average_precision_divides_by_the_relevant_items_that_fit_in_k()
    {
        bool[] relevant = [true, false, true, false, false, true];

        // 4 relevant in the query (one not ranked). @5: (1/1 + 2/3) / 4; @6: (1 + 2/3 + 3/6) / 4; @2: (1/1) / 2.
        Assert.Equal(5.0 / 12, RankingMetrics.AveragePrecisionAt(relevant, 4, 5), 12);
        Assert.Equal(13.0 / 24, RankingMetrics.AveragePrecisionAt(relevant, 4, 6), 12);
        Assert.Equal(0.5, RankingMetrics.AveragePrecisionAt(relevant, 4, 2), 12);
    }

    [Fact]
    public void Recall_counts_relevant_items_in_the_top_k()
    {
        bool[] relevant = [true, false, true, false, false, true];

        Assert.Equal(0.5, RankingMetrics.RecallAt(relevant, 4, 3), 12);
        Assert.Equal(0.75, RankingMetrics.RecallAt(relevant, 4, 10), 12);
        Assert.Equal(0, RankingMetrics.RecallAt([false, true], 1, 1));
    }

    [Fact]
    public void Reciprocal_rank_is_one_over_the_first_relevant_position()
    {
        Assert.Equal(1.0 / 3, RankingMetrics.ReciprocalRank([false, false, true, true]), 12);
        Assert.Equal(1, RankingMetrics.ReciprocalRank([true]));
        Assert.Equal(0, RankingMetrics.ReciprocalRank([false, false]));
        // MRR over three queries: (1/3 + 1 + 0) / 3
        double[] perQuery = [RankingMetrics.ReciprocalRank([false, false, true]), RankingMetrics.ReciprocalRank([true]), RankingMetrics.ReciprocalRank([false])];
        Assert.Equal(4.0 / 9, perQuery.Average(), 12);
    }

    [Fact]
    public void Ndcg_per_query_ranks_each_group_by_score_descending()
    {
        var data = new RankingDataset(new float[5], 1, [0, 1, 3, 2, 0], [3, 2]);
        float[] scores = [0.9f, 0.5f, 0.1f, 0.0f, 1.0f]; // query 1 ranks grades 0,1,3; query 2 ranks 0,2

        var ndcg = RankingMetrics.NdcgPerQuery(data, scores, 10);

        var firstIdeal = 7 + 1 / Math.Log2(3);
        Assert.Equal((1 / Math.Log2(3) + 7 / 2.0) / (firstIdeal + 0), ndcg[0], 12);
        Assert.Equal(3 / Math.Log2(3) / 3, ndcg[1], 12);
        Assert.Throws<ArgumentException>(() => RankingMetrics.NdcgPerQuery(data, new float[4], 10));
    }

    [Fact]
    public void The_bootstrap_interval_contains_the_mean_and_repeats_with_the_same_seed()
    {
        double[] values = [0.2, 0.4, 0.6, 0.8, 1.0, 0.3, 0.7, 0.5];

        var estimate = RankingMetrics.Bootstrap(values, resamples: 2000, seed: 7);
        var again = RankingMetrics.Bootstrap(values, resamples: 2000, seed: 7);
        var narrower = RankingMetrics.Bootstrap(values, resamples: 2000, confidence: 0.5, seed: 7);

        Assert.Equal(0.5625, estimate.Mean, 12);
        Assert.Equal(8, estimate.Count);
        Assert.InRange(estimate.Mean, estimate.Lower, estimate.Upper);
        Assert.InRange(estimate.Lower, 0.2, 0.5625);
        Assert.InRange(estimate.Upper, 0.5625, 1.0);
        Assert.True(estimate.Upper - estimate.Lower > 0.1);
        Assert.Equal(estimate, again);
        Assert.InRange(narrower.Lower, estimate.Lower, narrower.Upper);
        Assert.InRange(narrower.Upper, narrower.Lower, estimate.Upper);
    }

    [Fact]
    public void The_bootstrap_of_a_constant_is_that_constant_and_needs_values()
    {
        Assert.Equal(new MetricEstimate(0.5, 0.5, 0.5, 4), RankingMetrics.Bootstrap([0.5, 0.5, 0.5, 0.5]));
        Assert.Throws<ArgumentException>(() => RankingMetrics.Bootstrap([]));
    }

    [Fact]
    public void The_paired_difference_of_identical_lists_is_zero()
    {
        double[] current = [0.1, 0.9, 0.5, 0.7];

        Assert.Equal(new MetricEstimate(0, 0, 0, 4), RankingMetrics.PairedDifference(current, current));
    }

    [Fact]
    public void A_uniformly_better_candidate_has_an_interval_above_zero()
    {
        double[] current = [0.1, 0.9, 0.5, 0.7, 0.3];
        var candidate = current.Select(v => v + 0.05).ToArray();

        var difference = RankingMetrics.PairedDifference(candidate, current);

        Assert.Equal(0.05, difference.Mean, 12);
        Assert.Equal(0.05, difference.Lower, 12);
        Assert.Throws<ArgumentException>(() => RankingMetrics.PairedDifference(candidate, current[..4]));
    }
}
