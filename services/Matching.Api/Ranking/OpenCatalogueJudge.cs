using Matching.Api.Candidates;
using Matching.Api.Matches;
using Matching.Ranking;

namespace Matching.Api.Ranking;

/// <summary>A held-out seeker promotion is judged on: what they went on to act on (graded) and what they had acted on before (left out of every list).</summary>
public sealed record HeldOutSeeker(IndexedSeeker Seeker, IReadOnlyDictionary<Guid, int> Relevant, IReadOnlySet<Guid> History);

/// <summary>
/// Promotion judged on what the service would really show: each held-out seeker's list built the way the service builds
/// it (<see cref="SeekerRecommendations"/>) from every posting open then, scored by NDCG@10 — not a sampled candidate
/// list, where a model can win on negatives the service would never have shown.
/// </summary>
public static class OpenCatalogueJudge
{
    public static double Ndcg(CandidateIndex index, MatchRanker ranker, PostingPopularity popularity, HeldOutSeeker heldOut, DateTime at)
    {
        var grades = SeekerRecommendations.For(index, ranker, popularity, heldOut.Seeker, at, Promotion.K + heldOut.History.Count)
            .Select(match => match.Posting.PostingId).Where(id => !heldOut.History.Contains(id)).Take(Promotion.K)
            .Select(id => (double)heldOut.Relevant.GetValueOrDefault(id)).ToList();
        return RankingMetrics.NdcgAt(grades, heldOut.Relevant.Values.Select(grade => (double)grade).ToList(), Promotion.K);
    }

    /// <summary>A ranker that serves <paramref name="model"/> (the transparent fit when null) with the service's signals and policy.</summary>
    public static MatchRanker RankerWith(
        IRanker? model, ConceptVocabulary vocabulary, Policy.KeyGroupPolicy policy, Outcomes.EmployerResponseRates rates, Outcomes.BehaviourSignals behaviour)
    {
        var slot = new RankerSlot();
        slot.Publish(model);
        return new MatchRanker(vocabulary, slot, policy, rates, behaviour);
    }
}
