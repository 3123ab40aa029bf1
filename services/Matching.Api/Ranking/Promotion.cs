using System.Globalization;
using Matching.Ranking;

namespace Matching.Api.Ranking;

/// <summary>What the promotion rule decided about a candidate model, and why, in words for the model page.</summary>
public sealed record PromotionDecision(
    bool Promote, string Reason, int Queries, double CandidateNdcg, double FitNdcg, double? ServingNdcg,
    MetricEstimate VersusFit, MetricEstimate? VersusServing, MetricEstimate? ServingVersusFit)
{
    /// <summary>
    /// The candidate lost, and the model serving now does not beat the transparent fit on the same held-out queries
    /// either: it no longer earns its place, and the fit takes over.
    /// </summary>
    public bool RetireServing => !Promote && ServingVersusFit is { Lower: <= 0 };
}

/// <summary>
/// The rule a learned model must pass before it serves, for the cold-start model and every retrained one alike:
/// on held-out queries, the paired bootstrap of per-query NDCG@10 differences (candidate − other) must have its
/// lower 95 % bound above zero against both the transparent fit and the model serving now (if one is). A candidate
/// that only ties the transparent fit does not serve: the fit explains itself, the model does not.
/// </summary>
public static class Promotion
{
    public const int K = 10;

    public static PromotionDecision Decide(RankingDataset validation, IRanker candidate, IRanker? serving, int resamples = 1000)
    {
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(candidate);
        var candidateNdcg = RankingMetrics.NdcgPerQuery(validation, candidate.Score(validation), K);
        var fitNdcg = RankingMetrics.NdcgPerQuery(validation, FitScores(validation), K);
        double[]? servingNdcg = serving is null || serving.Columns != validation.Columns ? null
            : RankingMetrics.NdcgPerQuery(validation, serving.Score(validation), K);
        return Decide(candidateNdcg, fitNdcg, servingNdcg is null ? null : (serving!.Version, servingNdcg), resamples);
    }

    /// <summary>
    /// The rule on per-query NDCG@10 already measured on the same held-out queries — e.g. of the lists each system
    /// gives from the whole open catalogue, as the offline evaluation replays it.
    /// </summary>
    public static PromotionDecision Decide(double[] candidateNdcg, double[] fitNdcg, (string Version, double[] Ndcg)? serving, int resamples = 1000)
    {
        var queries = candidateNdcg.Length;
        var versusFit = RankingMetrics.PairedDifference(candidateNdcg, fitNdcg, resamples);
        var versusServing = serving is null ? null : RankingMetrics.PairedDifference(candidateNdcg, serving.Value.Ndcg, resamples);
        var servingVersusFit = serving is null ? null : RankingMetrics.PairedDifference(serving.Value.Ndcg, fitNdcg, resamples);

        var beatsFit = versusFit.Lower > 0;
        var beatsServing = versusServing is null || versusServing.Lower > 0;
        var promote = beatsFit && beatsServing;
        var reason = promote
            ? $"promoted: beats the transparent fit ({Difference(versusFit)})" +
              (versusServing is null ? "" : $" and the serving model {serving!.Value.Version} ({Difference(versusServing)})") + $" on {queries} held-out queries"
            : !beatsFit
                ? $"not promoted: does not beat the transparent fit on {queries} held-out queries ({Difference(versusFit)}; the lower bound must be above 0)"
                : $"not promoted: does not beat the serving model {serving!.Value.Version} on {queries} held-out queries ({Difference(versusServing!)})";
        if (!promote && servingVersusFit is { Lower: <= 0 })
            reason += $"; the serving model {serving!.Value.Version} does not beat the transparent fit there either ({Difference(servingVersusFit)}): retired, the transparent fit serves";
        return new PromotionDecision(promote, reason, queries, candidateNdcg.Average(), fitNdcg.Average(), serving?.Ndcg.Average(), versusFit,
            versusServing, servingVersusFit);
    }

    /// <summary>The transparent fit's score of every row: what serves when no model does.</summary>
    public static float[] FitScores(RankingDataset dataset)
    {
        var scores = new float[dataset.Rows];
        for (var i = 0; i < dataset.Rows; i++) scores[i] = (float)MatchRanker.Fit(dataset.Features.AsSpan(i * dataset.Columns, dataset.Columns));
        return scores;
    }

    private static string Difference(MetricEstimate difference) =>
        string.Create(CultureInfo.InvariantCulture, $"NDCG@{K} difference {difference.Mean:+0.000;-0.000} [{difference.Lower:+0.000;-0.000}, {difference.Upper:+0.000;-0.000}]");
}
