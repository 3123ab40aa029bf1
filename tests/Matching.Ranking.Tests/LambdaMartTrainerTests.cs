using Matching.Ranking;
using Xunit.Abstractions;

namespace Matching.Ranking.Tests;

public sealed class LambdaMartTrainerTests(TrainedModel model, ITestOutputHelper output) : IClassFixture<TrainedModel>
{
    [Fact]
    public void Learns_the_planted_signal_well_above_random_order_and_a_shuffled_label_model()
    {
        var learned = MeanNdcg(model.HeldOut, model.Ranker.Score(model.HeldOut));

        var random = new Random(3);
        var randomScores = Enumerable.Range(0, model.HeldOut.Rows).Select(_ => (float)random.NextDouble()).ToArray();
        var randomOrder = MeanNdcg(model.HeldOut, randomScores);

        using var shuffled = LambdaMartTrainer.Train(SyntheticRanking.ShuffleLabels(model.Training, seed: 4), TrainedModel.Options, "shuffled");
        var shuffledModel = MeanNdcg(model.HeldOut, shuffled.Score(model.HeldOut));

        output.WriteLine($"held-out NDCG@10: learned {learned:F3}, random order {randomOrder:F3}, shuffled-label model {shuffledModel:F3}");
        Assert.True(learned > 0.85, $"learned NDCG@10 {learned:F3}");
        Assert.True(learned > randomOrder + 0.2, $"learned {learned:F3}, random order {randomOrder:F3}");
        Assert.True(learned > shuffledModel + 0.2, $"learned {learned:F3}, shuffled-label model {shuffledModel:F3}");
    }

    [Fact]
    public void Reports_validation_ndcg_per_round_that_matches_our_metric_on_the_final_model()
    {
        Assert.Equal(TrainedModel.Options.Rounds, model.Ranker.ValidationNdcg.Count);
        Assert.True(model.Ranker.ValidationNdcg[^1] > model.Ranker.ValidationNdcg[0]);
        // XGBoost's ndcg@10 and RankingMetrics agree up to tie order and float rounding.
        var ours = MeanNdcg(model.HeldOut, model.Ranker.Score(model.HeldOut));
        Assert.Equal(model.Ranker.ValidationNdcg[^1], ours, 2);
    }

    [Fact]
    public void Training_is_deterministic_for_a_seed()
    {
        var data = SyntheticRanking.Generate(groups: 30, rowsPerGroup: 20, seed: 5);
        var options = new LambdaMartOptions(Rounds: 10, MaxDepth: 3, Subsample: 0.8, Seed: 11);
        using var first = LambdaMartTrainer.Train(data, options, "a");
        using var second = LambdaMartTrainer.Train(data, options, "b");

        Assert.Equal(first.Score(data), second.Score(data));
    }

    [Fact]
    public void Bad_options_and_mismatched_validation_are_refused()
    {
        var data = SyntheticRanking.Generate(groups: 3, rowsPerGroup: 5, seed: 6);
        var narrow = new RankingDataset(new float[15], 1, new float[15], [5, 5, 5]);

        Assert.Throws<ArgumentOutOfRangeException>(() => LambdaMartTrainer.Train(data, new LambdaMartOptions(Rounds: 0), "v"));
        Assert.Throws<ArgumentOutOfRangeException>(() => LambdaMartTrainer.Train(data, new LambdaMartOptions(LearningRate: 0), "v"));
        Assert.Throws<ArgumentOutOfRangeException>(() => LambdaMartTrainer.Train(data, new LambdaMartOptions(Subsample: 1.5), "v"));
        Assert.Throws<ArgumentException>(() => LambdaMartTrainer.Train(data, new LambdaMartOptions(), "v", validation: narrow));
        Assert.Throws<ArgumentException>(() => LambdaMartTrainer.Train(data, new LambdaMartOptions(), " "));
    }

    [Fact]
    public void An_objective_xgboost_does_not_know_fails_with_xgboosts_own_message()
    {
        var data = SyntheticRanking.Generate(groups: 3, rowsPerGroup: 5, seed: 6);

        var error = Assert.Throws<XGBoostException>(() => LambdaMartTrainer.Train(data, new LambdaMartOptions(Rounds: 1, Objective: "rank:nonsense"), "v"));
        Assert.Contains("rank:nonsense", error.Message, StringComparison.Ordinal);
    }

    private static double MeanNdcg(RankingDataset data, float[] scores) => RankingMetrics.NdcgPerQuery(data, scores, 10).Average();
}
