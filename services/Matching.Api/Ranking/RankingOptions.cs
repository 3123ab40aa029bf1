using Matching.Ranking;

namespace Matching.Api.Ranking;

/// <summary>Settings under Matching:Ranking.</summary>
public sealed class RankingOptions
{
    /// <summary>How often each instance looks for a newly promoted model.</summary>
    public TimeSpan ModelPollInterval { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>Scheduled retraining from outcomes; zero or negative turns the schedule off (on demand still works).</summary>
    public TimeSpan RetrainEvery { get; set; } = TimeSpan.FromHours(24);
    /// <summary>Seekers with graded outcomes needed before a model is trained on outcomes rather than the bootstrap set.</summary>
    public int MinimumOutcomeQueries { get; set; } = 50;
    /// <summary>The ML.NET LambdaRank trainer (docs/decisions/033: LightGbm).</summary>
    public RankingTrainer Trainer { get; set; } = RankingTrainer.LightGbm;
    /// <summary>Trees in a trained model, and leaves per tree: scoring cost grows with both (docs/decisions/033).</summary>
    public int Trees { get; set; } = 100;
    public int Leaves { get; set; } = 15;
    /// <summary>Cold-start set size.</summary>
    public int BootstrapSeekers { get; set; } = 1500;
    public int BootstrapPostings { get; set; } = 3000;

    public LambdaRankOptions Training => new(Trainer, Trees: Trees, Leaves: Leaves);
}
