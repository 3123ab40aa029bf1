namespace Matching.Ranking;

/// <summary>
/// LambdaMART training settings, passed to XGBoost as objective, eta, max_depth, min_child_weight, subsample, seed,
/// nthread and eval_metric ndcg@<see cref="NdcgAt"/> (tree_method hist). <see cref="Threads"/> applies to training only:
/// a served model always predicts with nthread=1.
/// </summary>
public sealed record LambdaMartOptions(
    int Rounds = 200,
    int MaxDepth = 6,
    double LearningRate = 0.1,
    string Objective = "rank:ndcg",
    int Seed = 42,
    int Threads = 1,
    double MinChildWeight = 1,
    double Subsample = 1,
    int NdcgAt = 10)
{
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Rounds, 1, nameof(Rounds));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDepth, 1, nameof(MaxDepth));
        if (!(LearningRate > 0 && LearningRate <= 1))
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "The learning rate is in (0, 1].");
        ArgumentException.ThrowIfNullOrWhiteSpace(Objective, nameof(Objective));
        ArgumentOutOfRangeException.ThrowIfLessThan(Threads, 1, nameof(Threads));
        if (!(MinChildWeight >= 0))
            throw new ArgumentOutOfRangeException(nameof(MinChildWeight), MinChildWeight, "The minimum child weight is ≥ 0.");
        if (!(Subsample > 0 && Subsample <= 1))
            throw new ArgumentOutOfRangeException(nameof(Subsample), Subsample, "The subsample ratio is in (0, 1].");
        ArgumentOutOfRangeException.ThrowIfLessThan(NdcgAt, 1, nameof(NdcgAt));
    }
}
