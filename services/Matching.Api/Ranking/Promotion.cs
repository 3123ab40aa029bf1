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
        var versusFit = RankingMetrics.PairedDifference(candidateNdcg, fitNdcg, resamples);
        double[]? servingNdcg = serving is null || serving.Columns != validation.Columns ? null
            : RankingMetrics.NdcgPerQuery(validation, serving.Score(validation), K);
        var versusServing = servingNdcg is null ? null : RankingMetrics.PairedDifference(candidateNdcg, servingNdcg, resamples);
        var servingVersusFit = servingNdcg is null ? null : RankingMetrics.PairedDifference(servingNdcg, fitNdcg, resamples);

        var beatsFit = versusFit.Lower > 0;
        var beatsServing = versusServing is null || versusServing.Lower > 0;
        var promote = beatsFit && beatsServing;
        var reason = promote
            ? $"promoted: beats the transparent fit ({Difference(versusFit)})" +
              (versusServing is null ? "" : $" and the serving model {serving!.Version} ({Difference(versusServing)})") + $" on {validation.Groups} held-out queries"
            : !beatsFit
                ? $"not promoted: does not beat the transparent fit on {validation.Groups} held-out queries ({Difference(versusFit)}; the lower bound must be above 0)"
                : $"not promoted: does not beat the serving model {serving!.Version} on {validation.Groups} held-out queries ({Difference(versusServing!)})";
        if (!promote && servingVersusFit is { Lower: <= 0 })
            reason += $"; the serving model {serving!.Version} does not beat the transparent fit there either ({Difference(servingVersusFit)}): retired, the transparent fit serves";
        return new PromotionDecision(promote, reason, validation.Groups, candidateNdcg.Average(), fitNdcg.Average(), servingNdcg?.Average(), versusFit,
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
