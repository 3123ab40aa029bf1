using BenchmarkDotNet.Attributes;
using Matching.Ranking;

namespace JobMatch.Benchmarks;

/// <summary>
/// Scoring one seeker's candidates with the learned ranker as it is served: a 150-tree LambdaRank model from each ML.NET
/// trainer, 20 features per candidate, the whole set as one batch Transform (feature building is not included).
/// </summary>
[MemoryDiagnoser]
[InProcess] // like the other benchmarks here
public class RankerBenchmarks
{
    private const int Columns = 20;

    // Trained once per trainer for all candidate counts: 200 queries × 50 candidates with a planted relevance signal.
    private static readonly Dictionary<RankingTrainer, MlNetRanker> Models = [];

    private float[] _features = [];
    private float[] _scores = [];
    private MlNetRanker _model = null!;

    [Params(RankingTrainer.LightGbm, RankingTrainer.FastTree)]
    public RankingTrainer Trainer { get; set; }

    [Params(50, 2000)]
    public int Candidates { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        if (!Models.TryGetValue(Trainer, out var model))
        {
            var (features, labels) = Synthetic(rows: 10_000, seed: 1);
            var training = new RankingDataset(features, Columns, labels, Enumerable.Repeat(50, 200).ToArray());
            Models[Trainer] = model = LambdaRankTrainer.Train(training, new LambdaRankOptions(Trainer, Trees: 150, Threads: 2), "benchmark");
        }
        _model = model;
        _features = Synthetic(Candidates, seed: 2).Features;
        _scores = new float[Candidates];
    }

    [Benchmark]
    public float Score()
    {
        _model.Score(_features, Candidates, _scores);
        return _scores[0];
    }

    private static (float[] Features, float[] Labels) Synthetic(int rows, int seed)
    {
        var random = new Random(seed);
        var features = new float[rows * Columns];
        var labels = new float[rows];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < Columns; c++)
                features[r * Columns + c] = (float)random.NextDouble();
            var i = r * Columns;
            var signal = 2 * features[i] + features[i + 1] - features[i + 2] + 1.5 * features[i + 3] * features[i + 4] + 0.3 * random.NextDouble();
            labels[r] = signal switch { > 2.4 => 3, > 1.9 => 2, > 1.4 => 1, _ => 0 };
        }
        return (features, labels);
    }
}
