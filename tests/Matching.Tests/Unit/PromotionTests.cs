using Matching.Api.Ranking;
using Matching.Ranking;

namespace Matching.Tests.Unit;

/// <summary>
/// The promotion rule: a candidate serves only if, on held-out queries, it beats both the transparent fit and the
/// serving model (paired bootstrap, lower bound above 0); a serving model that no longer beats the fit is retired.
/// </summary>
public sealed class PromotionTests
{
    private static readonly int Coverage = RankingFeatures.EssentialCoverage;
    private static readonly int CoApplied = RankingFeatures.IndexOf("co_applied_score");

    [Fact]
    public void A_candidate_that_loses_to_the_transparent_fit_is_not_promoted_and_the_reason_says_so()
    {
        var validation = Queries(relevantBy: Coverage);

        var decision = Promotion.Decide(validation, new ByColumn(Coverage, -1, "reversed"), serving: null);

        Assert.False(decision.Promote);
        Assert.StartsWith("not promoted: does not beat the transparent fit on 60 held-out queries", decision.Reason, StringComparison.Ordinal);
        Assert.True(decision.CandidateNdcg < decision.FitNdcg, $"{decision.CandidateNdcg} vs {decision.FitNdcg}");
    }

    [Fact]
    public void A_candidate_that_only_ties_the_transparent_fit_is_not_promoted()
    {
        var validation = Queries(relevantBy: Coverage);

        var decision = Promotion.Decide(validation, new ByColumn(Coverage, 1, "same-as-fit"), serving: null);

        Assert.False(decision.Promote);
        Assert.Equal(0, decision.VersusFit.Mean, 6);
    }

    [Fact]
    public void A_candidate_that_beats_the_fit_and_nothing_serving_is_promoted()
    {
        var validation = Queries(relevantBy: CoApplied);

        var decision = Promotion.Decide(validation, new ByColumn(CoApplied, 1, "behaviour"), serving: null);

        Assert.True(decision.Promote, decision.Reason);
        Assert.StartsWith("promoted: beats the transparent fit", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_candidate_that_beats_the_fit_but_not_the_serving_model_is_not_promoted_and_the_serving_one_stays()
    {
        var validation = Queries(relevantBy: CoApplied);

        var decision = Promotion.Decide(validation, new ByColumn(CoApplied, 1, "candidate"), new ByColumn(CoApplied, 1, "serving"));

        Assert.False(decision.Promote);
        Assert.False(decision.RetireServing);
        Assert.Contains("does not beat the serving model serving", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void When_neither_the_candidate_nor_the_serving_model_beats_the_fit_the_serving_one_is_retired()
    {
        var validation = Queries(relevantBy: Coverage);

        var decision = Promotion.Decide(validation, new ByColumn(Coverage, 1, "ties-fit"), new ByColumn(Coverage, -1, "serving"));

        Assert.False(decision.Promote);
        Assert.True(decision.RetireServing);
        Assert.Contains("retired, the transparent fit serves", decision.Reason, StringComparison.Ordinal);
    }

    /// <summary>60 queries of 10 rows; in each, the row highest on <paramref name="relevantBy"/> is the relevant one (grade 3).</summary>
    private static RankingDataset Queries(int relevantBy)
    {
        const int Groups = 60, Rows = 10;
        var random = new Random(4);
        var columns = RankingFeatures.Count;
        var features = new float[Groups * Rows * columns];
        var labels = new float[Groups * Rows];
        for (var g = 0; g < Groups; g++)
        {
            var best = -1;
            for (var r = 0; r < Rows; r++)
            {
                var row = features.AsSpan((g * Rows + r) * columns, columns);
                row.Fill(float.NaN);
                row[Coverage] = (float)random.NextDouble();
                row[CoApplied] = (float)random.NextDouble();
                row[RankingFeatures.Closeness] = 0.5f;
                if (best < 0 || row[relevantBy] > features[(g * Rows + best) * columns + relevantBy]) best = r;
            }
            labels[g * Rows + best] = 3;
        }
        return new RankingDataset(features, columns, labels, Enumerable.Repeat(Rows, Groups).ToArray());
    }

    /// <summary>A model that ranks by one feature column: a stand-in for a trained model whose ordering is known.</summary>
    private sealed class ByColumn(int column, float sign, string version) : IRanker
    {
        public string Version => version;
        public int Columns => RankingFeatures.Count;

        public void Score(ReadOnlySpan<float> features, int rows, Span<float> scores)
        {
            for (var r = 0; r < rows; r++) scores[r] = sign * features[r * Columns + column];
        }
    }
}
