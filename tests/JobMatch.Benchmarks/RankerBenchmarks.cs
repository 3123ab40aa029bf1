using BenchmarkDotNet.Attributes;
using Matching.Ranking;

namespace JobMatch.Benchmarks;

/// <summary>
/// Scoring one seeker's candidates with the learned ranker as it is served: a 200-tree, depth-6 LambdaMART model,
/// 16 features per candidate, XGBoost in-place prediction with nthread=1 (feature building is not included).
/// </summary>
[MemoryDiagnoser]
[InProcess] // like the other benchmarks here: the native library is found through the ranker's resolver in this process
public class RankerBenchmarks
{
    private const int Columns = 16;

    // Trained once for all parameter values: 200 queries × 50 candidates with a planted relevance signal.
    private static readonly Lazy<XGBoostRanker> Model = new(() =>
    {
        var (features, labels) = Synthetic(rows: 10_000, seed: 1);
        var training = new RankingDataset(features, Columns, labels, Enumerable.Repeat(50, 200).ToArray());
        return LambdaMartTrainer.Train(training, new LambdaMartOptions(Rounds: 200, MaxDepth: 6, Threads: 2), "benchmark");
    });

    private float[] _features = [];
    private float[] _scores = [];

    [Params(50, 2000, 10_000)]
    public int Candidates { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _ = Model.Value;
        _features = Synthetic(Candidates, seed: 2).Features;
        _scores = new float[Candidates];
    }

    [Benchmark]
    public float Score()
    {
        Model.Value.Score(_features, Candidates, _scores);
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
