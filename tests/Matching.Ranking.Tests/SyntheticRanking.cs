using Matching.Ranking;

namespace Matching.Ranking.Tests;

/// <summary>
/// Deterministic synthetic queries with a planted signal: relevance grows with features 0 and 1, falls with feature 2
/// and has an interaction of 3 and 4; the other columns are noise. Grades 0–3, as a caseworker-judged list might have.
/// </summary>
public static class SyntheticRanking
{
    public const int Columns = 16;

    public static RankingDataset Generate(int groups, int rowsPerGroup, int seed)
    {
        var random = new Random(seed);
        var rows = groups * rowsPerGroup;
        var features = new float[rows * Columns];
        var labels = new float[rows];
        for (var r = 0; r < rows; r++)
        {
            var row = features.AsSpan(r * Columns, Columns);
            for (var c = 0; c < Columns; c++)
                row[c] = (float)random.NextDouble();
            var signal = 2 * row[0] + row[1] - row[2] + 1.5 * row[3] * row[4] + 0.3 * random.NextDouble();
            labels[r] = signal switch { > 2.4 => 3, > 1.9 => 2, > 1.4 => 1, _ => 0 };
        }
        return new RankingDataset(features, Columns, labels, Enumerable.Repeat(rowsPerGroup, groups).ToArray());
    }

    /// <summary>The same rows with labels permuted across the whole dataset: no signal left.</summary>
    public static RankingDataset ShuffleLabels(RankingDataset dataset, int seed)
    {
        var labels = (float[])dataset.Labels.Clone();
        new Random(seed).Shuffle(labels);
        return new RankingDataset(dataset.Features, dataset.Columns, labels, dataset.GroupSizes);
    }
}

/// <summary>One small model per trainer shared by the ranker tests (training once keeps the suite fast).</summary>
public sealed class TrainedModel
{
    public TrainedModel()
    {
        Training = SyntheticRanking.Generate(groups: 150, rowsPerGroup: 30, seed: 1);
        HeldOut = SyntheticRanking.Generate(groups: 60, rowsPerGroup: 30, seed: 2);
        Ranker = LambdaRankTrainer.Train(Training, Options, "test-1");
        FastTree = LambdaRankTrainer.Train(Training, Options with { Trainer = RankingTrainer.FastTree }, "test-1-fasttree");
    }

    public static LambdaRankOptions Options { get; } = new(Trees: 60, Leaves: 15, MinimumRowsPerLeaf: 10, Threads: 2);

    public RankingDataset Training { get; }
    public RankingDataset HeldOut { get; }
    /// <summary>LightGBM, the trainer the service uses.</summary>
    public MlNetRanker Ranker { get; }
    public MlNetRanker FastTree { get; }

    public MlNetRanker Of(RankingTrainer trainer) => trainer == RankingTrainer.FastTree ? FastTree : Ranker;
}
