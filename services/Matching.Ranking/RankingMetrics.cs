namespace Matching.Ranking;

/// <summary>A metric's mean over queries with a bootstrap confidence interval.</summary>
public sealed record MetricEstimate(double Mean, double Lower, double Upper, int Count);

/// <summary>
/// Per-query ranking metrics for offline evaluation and for "promote only if the new model beats the current one".
/// NDCG uses exponential gain 2^grade − 1 and discount log2(position + 1), as ML.NET's ranking evaluator does with its default gains. A query with
/// nothing relevant scores 1 on NDCG, AP and recall (as LightGBM's ndcg does) and 0 on reciprocal rank:
/// both models tie on it, so paired comparisons are unaffected; filter such queries out first to exclude them.
/// </summary>
public static class RankingMetrics
{
    /// <summary>NDCG@k: <paramref name="gradesInRankedOrder"/> are the grades of the ranked items, best-ranked first;
    /// <paramref name="allGradesOfQuery"/> every grade of the query (including relevant items not ranked) for the ideal order.</summary>
    public static double NdcgAt(IReadOnlyList<double> gradesInRankedOrder, IReadOnlyList<double> allGradesOfQuery, int k)
    {
        ArgumentNullException.ThrowIfNull(gradesInRankedOrder);
        ArgumentNullException.ThrowIfNull(allGradesOfQuery);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var ideal = allGradesOfQuery.OrderByDescending(g => g).ToArray();
        var idealDcg = Dcg(ideal, k);
        return idealDcg == 0 ? 1 : Dcg(gradesInRankedOrder, k) / idealDcg;
    }

    /// <summary>AP@k = Σ_{i≤k, item i relevant} precision@i / min(totalRelevant, k).</summary>
    public static double AveragePrecisionAt(IReadOnlyList<bool> relevantInRankedOrder, int totalRelevant, int k)
    {
        CheckBinary(relevantInRankedOrder, totalRelevant, k);
        if (totalRelevant == 0)
            return 1;
        double sum = 0;
        var hits = 0;
        var n = Math.Min(k, relevantInRankedOrder.Count);
        for (var i = 0; i < n; i++)
        {
            if (relevantInRankedOrder[i])
                sum += ++hits / (double)(i + 1);
        }
        return sum / Math.Min(totalRelevant, k);
    }

    /// <summary>Recall@k = relevant items in the top k / totalRelevant.</summary>
    public static double RecallAt(IReadOnlyList<bool> relevantInRankedOrder, int totalRelevant, int k)
    {
        CheckBinary(relevantInRankedOrder, totalRelevant, k);
        if (totalRelevant == 0)
            return 1;
        var hits = 0;
        var n = Math.Min(k, relevantInRankedOrder.Count);
        for (var i = 0; i < n; i++)
        {
            if (relevantInRankedOrder[i])
                hits++;
        }
        return hits / (double)totalRelevant;
    }

    /// <summary>1 / position of the first relevant item (1-based); 0 when none is relevant. The mean over queries is MRR.</summary>
    public static double ReciprocalRank(IReadOnlyList<bool> relevantInRankedOrder)
    {
        ArgumentNullException.ThrowIfNull(relevantInRankedOrder);
        for (var i = 0; i < relevantInRankedOrder.Count; i++)
        {
            if (relevantInRankedOrder[i])
                return 1.0 / (i + 1);
        }
        return 0;
    }

    /// <summary>NDCG@k of every query of <paramref name="dataset"/> ranked by <paramref name="scores"/> (one per row; ties keep row order).</summary>
    public static double[] NdcgPerQuery(RankingDataset dataset, ReadOnlySpan<float> scores, int k)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (scores.Length != dataset.Rows)
            throw new ArgumentException($"{scores.Length} scores for {dataset.Rows} rows.", nameof(scores));
        var result = new double[dataset.Groups];
        var start = 0;
        for (var q = 0; q < dataset.Groups; q++)
        {
            var size = dataset.GroupSizes[q];
            var grades = new double[size];
            var keys = new float[size];
            for (var i = 0; i < size; i++)
            {
                grades[i] = dataset.Labels[start + i];
                keys[i] = scores[start + i];
            }
            // OrderByDescending is a stable sort: tied scores keep row order, so the result is deterministic.
            var ranked = Enumerable.Range(0, size).OrderByDescending(i => keys[i]).Select(i => grades[i]).ToArray();
            result[q] = NdcgAt(ranked, grades, k);
            start += size;
        }
        return result;
    }

    /// <summary>
    /// The mean with a percentile bootstrap confidence interval, resampling queries with replacement; the same
    /// <paramref name="seed"/> gives the same interval.
    /// </summary>
    public static MetricEstimate Bootstrap(IReadOnlyList<double> perQueryValues, int resamples = 1000, double confidence = 0.95, int seed = 7)
    {
        ArgumentNullException.ThrowIfNull(perQueryValues);
        if (perQueryValues.Count == 0)
            throw new ArgumentException("At least one query is needed.", nameof(perQueryValues));
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
        if (!(confidence > 0 && confidence < 1))
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "The confidence level is in (0, 1).");

        var n = perQueryValues.Count;
        var values = perQueryValues.ToArray();
        var mean = values.Average();
        var random = new Random(seed);
        var means = new double[resamples];
        for (var r = 0; r < resamples; r++)
        {
            double sum = 0;
            for (var i = 0; i < n; i++)
                sum += values[random.Next(n)];
            means[r] = sum / n;
        }
        Array.Sort(means);
        var alpha = (1 - confidence) / 2;
        return new MetricEstimate(mean, Quantile(means, alpha), Quantile(means, 1 - alpha), n);
    }

    /// <summary>
    /// Paired comparison over the same queries in the same order: the mean of candidate − current and its bootstrap
    /// interval. Promote when <see cref="MetricEstimate.Lower"/> is above 0 (or above the margin you require).
    /// </summary>
    public static MetricEstimate PairedDifference(IReadOnlyList<double> candidate, IReadOnlyList<double> current,
        int resamples = 1000, int seed = 7, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(current);
        if (candidate.Count != current.Count)
            throw new ArgumentException($"Paired values need the same queries: {candidate.Count} against {current.Count}.", nameof(current));
        var differences = new double[candidate.Count];
        for (var i = 0; i < differences.Length; i++)
            differences[i] = candidate[i] - current[i];
        return Bootstrap(differences, resamples, confidence, seed);
    }

    private static double Dcg(IReadOnlyList<double> grades, int k)
    {
        double dcg = 0;
        var n = Math.Min(k, grades.Count);
        for (var i = 0; i < n; i++)
            dcg += (Math.Pow(2, grades[i]) - 1) / Math.Log2(i + 2);
        return dcg;
    }

    // Linear interpolation between order statistics (R's type 7).
    private static double Quantile(double[] sorted, double p)
    {
        var position = p * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }

    private static void CheckBinary(IReadOnlyList<bool> relevantInRankedOrder, int totalRelevant, int k)
    {
        ArgumentNullException.ThrowIfNull(relevantInRankedOrder);
        ArgumentOutOfRangeException.ThrowIfNegative(totalRelevant);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
    }
}
