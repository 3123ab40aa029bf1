using Matching.Api.Ranking;
using Matching.Ranking;

namespace Matching.Evaluation;

public sealed record EvaluationOptions
{
    public double Split { get; init; } = 0.8;
    public int Resamples { get; init; } = 1000;
    /// <summary>Seekers with graded training outcomes needed before a model is trained on them (as the service's retraining).</summary>
    public int MinimumOutcomeQueries { get; init; } = new RankingOptions().MinimumOutcomeQueries;
    /// <summary>Settings of the cold-start model and of the outcome model (trainer, trees, bootstrap set size).</summary>
    public RankingOptions Ranking { get; init; } = new();
}

/// <summary>A counterfactual copy of the seekers: the same records with protected attributes changed, read back through the dataset's CSV path.</summary>
public sealed record CounterfactualVariant(string Name, IReadOnlyDictionary<Guid, EvaluationSeeker> Seekers);

/// <summary>
/// One system's results: <see cref="Metrics"/> over every test seeker, <see cref="BySubset"/> over those with and
/// without profile text; <see cref="Served"/> marks the system the service itself would serve on this data.
/// </summary>
public sealed record SystemResult(string Name, string Description, bool Pipeline, IReadOnlyDictionary<string, MetricEstimate> Metrics,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, MetricEstimate>> BySubset, double[] Ndcg, bool[] Empty)
{
    public bool Served { get; init; }
}

public sealed record GroupResult(string Group, int Queries, IReadOnlyDictionary<string, (MetricEstimate Ndcg, double EmptyRate)> BySystem);

/// <remarks><see cref="SeekerReachableShare"/>: the value's share of each seeker's own reachable postings, averaged over
/// seekers with any — what a list balanced seeker by seeker aims at; <see cref="ReachableShare"/> pools the postings, so
/// seekers who can reach many weigh more.</remarks>
public sealed record ExposureResult(
    string Dimension, string Value, double ActiveShare, double ReachableShare, IReadOnlyDictionary<string, double> TopTenShare, double SeekerReachableShare = double.NaN);

public sealed record CounterfactualResult(string Variant, string System, int Seekers, int AttributesChanged, int ListsChanged);

public sealed class EvaluationResult
{
    public required int Seekers { get; init; }
    public required int Postings { get; init; }
    public required int Interactions { get; init; }
    public required TimeSplit Split { get; init; }
    public required IReadOnlyList<SystemResult> Systems { get; init; }
    public required IReadOnlyList<GroupResult> Groups { get; init; }
    public required IReadOnlyList<ExposureResult> Exposure { get; init; }
    public required IReadOnlyList<CounterfactualResult> Counterfactuals { get; init; }
    public required double MeanActivePostings { get; init; }
    public required double MeanCandidates { get; init; }
    public required IReadOnlyList<string> Notes { get; init; }
    /// <summary>The promotion rule's decisions, in the order the service would have taken them.</summary>
    public required IReadOnlyList<string> Decisions { get; init; }
    /// <summary>Test seekers with and without profile text.</summary>
    public required IReadOnlyDictionary<string, int> SubsetSizes { get; init; }

    public SystemResult System(string name) => Systems.Single(system => system.Name == name);
}
