using Matching.Ranking;
using Xunit.Abstractions;

namespace Matching.Ranking.Tests;

public sealed class LambdaRankTrainerTests(TrainedModel model, ITestOutputHelper output) : IClassFixture<TrainedModel>
{
    [Theory]
    [InlineData(RankingTrainer.LightGbm)]
    [InlineData(RankingTrainer.FastTree)]
    public void Learns_the_planted_signal_well_above_random_order_and_a_shuffled_label_model(RankingTrainer trainer)
    {
        var learned = MeanNdcg(model.HeldOut, model.Of(trainer).Score(model.HeldOut));

        var random = new Random(3);
        var randomScores = Enumerable.Range(0, model.HeldOut.Rows).Select(_ => (float)random.NextDouble()).ToArray();
        var randomOrder = MeanNdcg(model.HeldOut, randomScores);

        var shuffled = LambdaRankTrainer.Train(SyntheticRanking.ShuffleLabels(model.Training, seed: 4), TrainedModel.Options with { Trainer = trainer }, "shuffled");
        var shuffledModel = MeanNdcg(model.HeldOut, shuffled.Score(model.HeldOut));

        output.WriteLine($"{trainer} held-out NDCG@10: learned {learned:F3}, random order {randomOrder:F3}, shuffled-label model {shuffledModel:F3}");
        Assert.True(learned > 0.85, $"learned NDCG@10 {learned:F3}");
        Assert.True(learned > randomOrder + 0.2, $"learned {learned:F3}, random order {randomOrder:F3}");
        Assert.True(learned > shuffledModel + 0.2, $"learned {learned:F3}, shuffled-label model {shuffledModel:F3}");
    }

    [Fact]
    public void Our_ndcg_agrees_with_ml_nets_ranking_evaluator()
    {
        var ours = MeanNdcg(model.HeldOut, model.Ranker.Score(model.HeldOut));
        var evaluator = LambdaRankTrainer.EvaluatorNdcg(model.Ranker, model.HeldOut, 10);

        output.WriteLine($"NDCG@10: RankingMetrics {ours:F4}, ML.NET evaluator {evaluator:F4}");
        // The same gains and discount; the two may break ties between equal scores differently.
        Assert.Equal(evaluator, ours, 2);
    }

    [Theory]
    [InlineData(RankingTrainer.LightGbm)]
    [InlineData(RankingTrainer.FastTree)]
    public void Training_is_deterministic_for_a_seed(RankingTrainer trainer)
    {
        var data = SyntheticRanking.Generate(groups: 30, rowsPerGroup: 20, seed: 5);
        var options = new LambdaRankOptions(trainer, Trees: 10, Leaves: 7, MinimumRowsPerLeaf: 5, Seed: 11);
        var first = LambdaRankTrainer.Train(data, options, "a");
        var second = LambdaRankTrainer.Train(data, options, "b");

        Assert.Equal(first.Score(data), second.Score(data));
    }

    [Theory]
    [InlineData(RankingTrainer.LightGbm)]
    [InlineData(RankingTrainer.FastTree)]
    public void Rows_with_missing_features_train_and_still_learn(RankingTrainer trainer)
    {
        // As in the service: every row lacks something (one of the noise columns always, a signal column sometimes).
        var training = WithGaps(model.Training, seed: 8);
        var heldOut = WithGaps(model.HeldOut, seed: 9);

        var ranker = LambdaRankTrainer.Train(training, TrainedModel.Options with { Trainer = trainer }, "gaps");
        var learned = MeanNdcg(heldOut, ranker.Score(heldOut));

        output.WriteLine($"{trainer} with missing features: held-out NDCG@10 {learned:F3}");
        Assert.True(learned > 0.75, $"{trainer} NDCG@10 {learned:F3}");
    }

    [Fact]
    public void Bad_options_are_refused()
    {
        var data = SyntheticRanking.Generate(groups: 3, rowsPerGroup: 5, seed: 6);

        Assert.Throws<ArgumentOutOfRangeException>(() => LambdaRankTrainer.Train(data, new LambdaRankOptions(Trees: 0), "v"));
        Assert.Throws<ArgumentOutOfRangeException>(() => LambdaRankTrainer.Train(data, new LambdaRankOptions(LearningRate: 0), "v"));
        Assert.Throws<ArgumentOutOfRangeException>(() => LambdaRankTrainer.Train(data, new LambdaRankOptions(Leaves: 1), "v"));
        Assert.Throws<ArgumentOutOfRangeException>(() => LambdaRankTrainer.Train(data, new LambdaRankOptions((RankingTrainer)7), "v"));
        Assert.Throws<ArgumentException>(() => LambdaRankTrainer.Train(data, new LambdaRankOptions(), " "));
    }

    private static RankingDataset WithGaps(RankingDataset data, int seed)
    {
        var random = new Random(seed);
        var features = (float[])data.Features.Clone();
        for (var r = 0; r < data.Rows; r++)
        {
            features[r * data.Columns + 5 + random.Next(data.Columns - 5)] = float.NaN;
            if (random.NextDouble() < 0.1) features[r * data.Columns + random.Next(5)] = float.NaN;
        }
        return new RankingDataset(features, data.Columns, data.Labels, data.GroupSizes);
    }

    private static double MeanNdcg(RankingDataset data, float[] scores) => RankingMetrics.NdcgPerQuery(data, scores, 10).Average();
}
