namespace Matching.Ranking;

/// <summary>Which ML.NET LambdaRank trainer builds the trees (docs/decisions/033 has the measurements).</summary>
public enum RankingTrainer
{
    /// <summary><c>mlContext.Ranking.Trainers.LightGbm</c> (LightGBM's lambdarank objective): the default.</summary>
    LightGbm,
    /// <summary><c>mlContext.Ranking.Trainers.FastTree</c> (ML.NET's own LambdaMART).</summary>
    FastTree,
}

/// <summary>
/// LambdaRank training settings, given to either trainer as trees (boosting rounds), leaves per tree, minimum rows per
/// leaf, learning rate, seed and threads. <see cref="Threads"/> applies to training; scoring is one batch per request on
/// the request's thread.
/// </summary>
public sealed record LambdaRankOptions(
    RankingTrainer Trainer = RankingTrainer.LightGbm,
    int Trees = 200,
    int Leaves = 31,
    int MinimumRowsPerLeaf = 20,
    double LearningRate = 0.1,
    int Seed = 42,
    int Threads = 1)
{
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Trees, 1, nameof(Trees));
        ArgumentOutOfRangeException.ThrowIfLessThan(Leaves, 2, nameof(Leaves));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinimumRowsPerLeaf, 1, nameof(MinimumRowsPerLeaf));
        if (!(LearningRate > 0 && LearningRate <= 1))
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "The learning rate is in (0, 1].");
        ArgumentOutOfRangeException.ThrowIfLessThan(Threads, 1, nameof(Threads));
        if (!Enum.IsDefined(Trainer))
            throw new ArgumentOutOfRangeException(nameof(Trainer), Trainer, "An ML.NET ranking trainer: LightGbm or FastTree.");
    }
}
