using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace Matching.Ranking;

/// <summary>
/// Trains LambdaRank on query-grouped rows with ML.NET: <c>MapValueToKey</c> on the query id, then
/// <c>mlContext.Ranking.Trainers.LightGbm</c> or <c>.FastTree</c>. Only the trained trees are kept (the key mapping is a
/// training-time step), so the stored model takes a Features vector and nothing else.
/// </summary>
public static class LambdaRankTrainer
{
    private const string Label = "Label", Group = "GroupId", GroupKey = "GroupKey";

    /// <summary>Trains and returns the model loaded the way it will be served (from its own zip).</summary>
    public static MlNetRanker Train(RankingDataset training, LambdaRankOptions options, string version)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        options.Validate();

        var context = new MLContext(options.Seed);
        var data = ToDataView(context, training);
        var keyed = context.Transforms.Conversion.MapValueToKey(GroupKey, Group).Fit(data).Transform(data);
        ITransformer model = options.Trainer switch
        {
            RankingTrainer.LightGbm => context.Ranking.Trainers.LightGbm(new LightGbmRankingTrainer.Options
            {
                LabelColumnName = Label, FeatureColumnName = DenseRows.FeaturesColumn, RowGroupColumnName = GroupKey,
                NumberOfIterations = options.Trees, NumberOfLeaves = options.Leaves, MinimumExampleCountPerLeaf = options.MinimumRowsPerLeaf,
                LearningRate = options.LearningRate, Seed = options.Seed, NumberOfThreads = options.Threads, Silent = true,
                // Exponential gains 2^grade − 1, the same as RankingMetrics' NDCG.
                CustomGains = Gains,
            }).Fit(keyed),
            _ => FastTreeWithImputation(context, keyed, options),
        };
        return MlNetRanker.FromTrained(context, model, version, training);
    }

    /// <summary>
    /// FastTree skips every training row with a missing (NaN) feature — and nearly every row of ours has one (no pay
    /// stated, no behaviour yet) — so its pipeline first replaces a missing value by the feature's training mean; the
    /// replacement is part of the stored model, so scoring does the same. LightGBM needs none: it learns where missing
    /// values go at each split.
    /// </summary>
    private static ITransformer FastTreeWithImputation(MLContext context, IDataView keyed, LambdaRankOptions options)
    {
        var impute = context.Transforms.ReplaceMissingValues(DenseRows.FeaturesColumn,
            replacementMode: Microsoft.ML.Transforms.MissingValueReplacingEstimator.ReplacementMode.Mean).Fit(keyed);
        var trees = context.Ranking.Trainers.FastTree(new FastTreeRankingTrainer.Options
        {
            LabelColumnName = Label, FeatureColumnName = DenseRows.FeaturesColumn, RowGroupColumnName = GroupKey,
            NumberOfTrees = options.Trees, NumberOfLeaves = options.Leaves, MinimumExampleCountPerLeaf = options.MinimumRowsPerLeaf,
            LearningRate = options.LearningRate, Seed = options.Seed, NumberOfThreads = options.Threads,
            CustomGains = [.. Gains.Select(gain => (double)gain)],
        }).Fit(impute.Transform(keyed));
        return new TransformerChain<ITransformer>(impute, trees);
    }

    /// <summary>Gains for grades 0–4 (applied … hired): 2^grade − 1.</summary>
    private static readonly int[] Gains = [0, 1, 3, 7, 15];

    /// <summary>Mean NDCG@<paramref name="k"/> as ML.NET's ranking evaluator computes it (a cross-check on <see cref="RankingMetrics"/>).</summary>
    public static double EvaluatorNdcg(IRanker ranker, RankingDataset dataset, int k)
    {
        ArgumentNullException.ThrowIfNull(ranker);
        ArgumentNullException.ThrowIfNull(dataset);
        var context = new MLContext();
        var scores = ranker.Score(dataset);
        var rows = new List<ScoredRow>(dataset.Rows);
        var row = 0;
        for (var g = 0; g < dataset.Groups; g++)
        {
            for (var i = 0; i < dataset.GroupSizes[g]; i++, row++) rows.Add(new ScoredRow { Label = dataset.Labels[row], GroupId = (uint)g, Score = scores[row] });
        }
        var view = context.Data.LoadFromEnumerable(rows);
        var keyed = context.Transforms.Conversion.MapValueToKey(GroupKey, Group).Fit(view).Transform(view);
        var metrics = context.Ranking.Evaluate(keyed,
            new RankingEvaluatorOptions { DcgTruncationLevel = k, LabelGains = string.Join(',', Gains) }, Label, GroupKey, "Score");
        return metrics.NormalizedDiscountedCumulativeGains[k - 1];
    }

    private static IDataView ToDataView(MLContext context, RankingDataset dataset)
    {
        var rows = new List<TrainingRow>(dataset.Rows);
        var row = 0;
        for (var g = 0; g < dataset.Groups; g++)
        {
            for (var i = 0; i < dataset.GroupSizes[g]; i++, row++)
            {
                rows.Add(new TrainingRow
                {
                    Label = dataset.Labels[row], GroupId = (uint)g,
                    Features = dataset.Features.AsSpan(row * dataset.Columns, dataset.Columns).ToArray(),
                });
            }
        }
        var schema = SchemaDefinition.Create(typeof(TrainingRow));
        schema[DenseRows.FeaturesColumn].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dataset.Columns);
        return context.Data.LoadFromEnumerable(rows, schema);
    }

    private sealed class TrainingRow
    {
        public float Label { get; set; }
        public uint GroupId { get; set; }
        public float[] Features { get; set; } = [];
    }

    private sealed class ScoredRow
    {
        public float Label { get; set; }
        public uint GroupId { get; set; }
        public float Score { get; set; }
    }
}
